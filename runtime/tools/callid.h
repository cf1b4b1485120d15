/*
 * Which MPI call a rank is in, as a small integer in its shared state record, so that the
 * launcher can say where ranks are stuck (--timeout, deadlock watch). Names live in callid.c.
 */
#ifndef MPR_CALLID_H
#define MPR_CALLID_H

enum mpr_call {
    MPR_CALL_NONE = 0, /* not inside a blocking MPI call */
    MPR_CALL_INIT,
    MPR_CALL_FINALIZE,
    MPR_CALL_BARRIER,
    MPR_CALL_ABORT,
    MPR_CALL_NAMED, /* waiting inside the MPI function named in the record */
    MPR_CALL_MAX
};

/* "MPI_Init" for MPR_CALL_INIT; "?" for values out of range (a record from a newer build). */
const char *mpr_call_name(unsigned call);

#endif
