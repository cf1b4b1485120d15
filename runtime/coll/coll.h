/* Collective operations as the API layer calls them: 0 or a negative MPR_ERR_*. */
#ifndef MPR_COLL_H
#define MPR_COLL_H

struct mpr_comm;

int mpr_coll_barrier(struct mpr_comm *comm);

#endif
