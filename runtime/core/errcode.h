/* Internal error codes: internals return 0 or a negative MPR_ERR_*; runtime/api/ maps them. */
#ifndef MPR_ERRCODE_H
#define MPR_ERRCODE_H

enum mpr_err {
    MPR_OK = 0,
    MPR_ERR_NOMEM = 1,
    MPR_ERR_ARG,
    MPR_ERR_TRUNCATE,
    MPR_ERR_PROTO, /* a peer or the launcher sent something malformed */
    MPR_ERR_IO,    /* a system call failed; errno was logged where it was seen */
    MPR_ERR_NOENT,
    MPR_ERR_AGAIN,       /* no room now: progress and retry (never reaches the user) */
    MPR_ERR_BUFFER,      /* the attached MPI_Bsend buffer is too small */
    MPR_ERR_UNSUPPORTED, /* not implemented yet: the API says so (MPI_ERR_UNSUPPORTED_OPERATION) */
    MPR_ERR_EXHAUSTED,   /* a fixed table is full (context ids: MPR_CONTEXT_SLOTS communicators) */
    MPR_ERR_CALLBACK,    /* a user callback (attribute copy/delete) returned an error */
    MPR_ERR_MAX
};

#endif
