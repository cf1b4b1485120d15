/* Helpers shared by the collective entry points (coll/<name>.c). */
#ifndef MPR_COLL_UTIL_H
#define MPR_COLL_UTIL_H

#include "coll/sched.h"
#include "datatype/datatype.h"

#include <stddef.h>

struct mpr_request;

/* Bytes of count elements of dt in a contiguous buffer. */
static inline size_t mpr_coll_bytes(MPI_Count count, MPI_Datatype dt)
{
    return (size_t)count * (size_t)mpr_datatype_span(dt);
}

/*
 * Finish building: on success start the schedule (req != NULL: nonblocking) or run it to the
 * end (req == NULL); on a build error free it. Returns 0 or -MPR_ERR_*.
 */
int mpr_coll_launch(struct mpr_sched *s, int build_rc, struct mpr_request **req);

#endif
