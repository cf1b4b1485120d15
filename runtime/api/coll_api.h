/*
 * Collective communication, the API edge: what the entry points in coll.c and coll_xfer.c share
 * (coll_api.c). Checks return MPI_SUCCESS or what mpr_api_error returned.
 */
#ifndef MPR_API_COLL_API_H
#define MPR_API_COLL_API_H

#include "api/api.h"
#include "datatype/stage_coll.h"

/* The MPI function being run and its communicator, for error reports. */
struct mpr_api_call {
    const char *fn;
    MPI_Comm comm;
};

/* Every call's start: initialized, a valid communicator, a request pointer when nonblocking. */
int mpr_api_coll_begin(const struct mpr_api_call *c, MPI_Request *req, int nonblocking);
/*
 * A buffer of count elements: count >= 0, a valid committed type, not NULL unless empty, in
 * place (when in_place_ok) or of a derived type (displacements may be addresses).
 */
int mpr_api_coll_check_buf(const struct mpr_api_call *c, const void *buf, int count,
                           MPI_Datatype dt, const char *what, int in_place_ok);
/* Per-rank counts and displacements of a v or w variant. */
int mpr_api_coll_check_counts(const struct mpr_api_call *c, const int *counts, const int *displs,
                              MPI_Datatype dt, const void *buf, const char *what);
int mpr_api_coll_check_root(const struct mpr_api_call *c, int root);
/* The op is defined on dt (a derived type: on its base type, or any boxed type for user ops). */
int mpr_api_coll_check_op(const struct mpr_api_call *c, MPI_Op op, MPI_Datatype dt);
/* The same memory as send and receive buffer is erroneous (MPI_IN_PLACE is the way). */
int mpr_api_coll_check_alias(const struct mpr_api_call *c, const void *sbuf, const void *rbuf,
                             int nonempty);
/* Report a failure (0 or a negative MPR_ERR_*) of the layer below. */
int mpr_api_coll_done(const struct mpr_api_call *c, int rc);
/*
 * Run a checked collective of kind k on a (op: MPI_OP_NULL but for reductions; req: NULL for a
 * blocking call): stage the buffers, call coll/, then finish the staging at once (blocking) or
 * give it to the request (nonblocking).
 */
int mpr_api_coll_run(const struct mpr_api_call *c, enum mpr_coll_kind k, struct mpr_coll_args *a,
                     MPI_Op op, MPI_Request *req);

#endif
