/* Communicator attributes. Predefined ones now; user keyvals come with the communicator work. */
#ifndef MPR_COMM_ATTR_H
#define MPR_COMM_ATTR_H

#include <limits.h>

struct mpr_comm;

/* The MPI_TAG_UB attribute: every non-negative int is a valid tag. */
#define MPR_TAG_UB INT_MAX

/*
 * Look up a predefined attribute (MPI_TAG_UB, MPI_HOST, ...): *value points at a static int.
 * Returns 1 when keyval is predefined, 0 when it is not.
 */
int mpr_comm_attr_predefined(const struct mpr_comm *comm, int keyval, void **value);

#endif
