/*
 * Virtual topologies attached to a communicator (MPI 3.1 chapter 7): Cartesian grids, general
 * graphs and distributed graphs. A communicator owns at most one; MPI_Comm_dup copies it and
 * MPI_Comm_free frees it (comm/comm.c calls mpr_topo_dup and mpr_topo_free).
 */
#ifndef MPR_TOPO_H
#define MPR_TOPO_H

#include <mpi.h>

struct mpr_topo {
    int kind; /* MPI_CART, MPI_GRAPH or MPI_DIST_GRAPH */
    /* MPI_CART: ndims entries each; coords are this rank's */
    int ndims;
    int *dims;
    int *periods;
    int *coords;
    /* MPI_GRAPH: the whole graph as given to MPI_Graph_create */
    int nnodes;
    int *index; /* nnodes entries */
    int *edges; /* index[nnodes - 1] entries */
    /* MPI_DIST_GRAPH: this rank's edges only */
    int indegree, outdegree;
    int *sources, *sourceweights; /* indegree entries; weights NULL when MPI_UNWEIGHTED */
    int *destinations, *destweights;
    int weighted;
};

/* A deep copy (for MPI_Comm_dup), or NULL when out of memory. */
struct mpr_topo *mpr_topo_dup(const struct mpr_topo *t);
/* Free it and every array it owns; NULL is allowed. */
void mpr_topo_free(struct mpr_topo *t);

#endif
