/* Error handler objects. Predefined ones are static; user ones are reference counted. */
#ifndef MPR_ERRHANDLER_H
#define MPR_ERRHANDLER_H

#include <mpi.h>

enum mpr_errhandler_kind {
    MPR_ERRH_FATAL,  /* MPI_ERRORS_ARE_FATAL: one line, then the whole job aborts */
    MPR_ERRH_RETURN, /* MPI_ERRORS_RETURN: the class is returned to the caller */
    MPR_ERRH_USER,   /* created by MPI_Comm_create_errhandler */
};

struct mpr_errhandler {
    enum mpr_errhandler_kind kind;
    int refcount; /* predefined handlers are never freed */
    MPI_Comm_errhandler_function *fn;
};

/* Take a reference (user handlers only; predefined ones are static). */
static inline void mpr_errhandler_retain(struct mpr_errhandler *eh)
{
    eh->refcount += eh->kind == MPR_ERRH_USER;
}
/* Drop a reference; a user handler is freed with its last one. */
void mpr_errhandler_release(struct mpr_errhandler *eh);

#endif
