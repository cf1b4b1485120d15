/*
 * Neighbourhood collectives (MPI 3.1 section 7.6) on a communicator with a topology: each rank
 * sends to its out-neighbours and receives from its in-neighbours, in the order
 * mpr_topo_neighbors gives (comm/topo.h). Arguments are checked by runtime/api/topo_neighbor.c;
 * these return 0 or a negative MPR_ERR_*. Like the other collectives (coll/coll.h), req == NULL
 * runs the schedule to completion, otherwise it is started and *req returned.
 *
 * Buffers are contiguous: count * extent bytes per block. MPI_Neighbor_alltoallw's per-neighbour
 * types are moved the same way until derived datatypes reach the collectives.
 */
#ifndef MPR_NEIGHBOR_H
#define MPR_NEIGHBOR_H

#include <mpi.h>

struct mpr_comm;
struct mpr_request;

enum mpr_nbr_kind {
    MPR_NBR_ALLGATHER,
    MPR_NBR_ALLGATHERV,
    MPR_NBR_ALLTOALL,
    MPR_NBR_ALLTOALLV,
    MPR_NBR_ALLTOALLW,
    MPR_NBR_KIND_MAX
};

/*
 * The arguments of any of the five, as the MPI call has them; each kind reads its own: a count
 * and type (allgather, alltoall; the send side of allgatherv), counts and displacements in
 * elements (the v forms), or counts, byte displacements and one type per neighbour (w).
 */
struct mpr_nbr_args {
    const void *sbuf;
    int scount;
    const int *scounts;
    const int *sdispls;
    const MPI_Aint *sdispls_w;
    MPI_Datatype sdt;
    const MPI_Datatype *sdts;
    void *rbuf;
    int rcount;
    const int *rcounts;
    const int *rdispls;
    const MPI_Aint *rdispls_w;
    MPI_Datatype rdt;
    const MPI_Datatype *rdts;
};

int mpr_coll_neighbor(enum mpr_nbr_kind kind, const struct mpr_nbr_args *a, struct mpr_comm *comm,
                      struct mpr_request **req);

#endif
