/*
 * Virtual topologies attached to a communicator (MPI 3.1 chapter 7): Cartesian grids, general
 * graphs and distributed graphs. A communicator owns at most one; MPI_Comm_dup copies it and
 * MPI_Comm_free frees it (comm/comm.c calls mpr_topo_dup and mpr_topo_free).
 *
 * The functions here trust their arguments: runtime/api/topo.c checks ranks, coordinates, degrees
 * and dimensions against the topology before calling them. They return 0 or a negative MPR_ERR_*.
 */
#ifndef MPR_TOPO_H
#define MPR_TOPO_H

#include <mpi.h>

struct mpr_comm;

struct mpr_topo {
    int kind; /* MPI_CART, MPI_GRAPH or MPI_DIST_GRAPH */
    /* MPI_CART: ndims entries each (NULL when ndims is 0); coords are this rank's */
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
    int *sources, *sourceweights; /* indegree entries; weights NULL when unweighted */
    int *destinations, *destweights;
    int weighted;
};

/* topo.c: copy, free, and the neighbour lists every kind has */

/* A deep copy (for MPI_Comm_dup), or NULL when out of memory. */
struct mpr_topo *mpr_topo_dup(const struct mpr_topo *t);
/* Free it and every array it owns; NULL is allowed. */
void mpr_topo_free(struct mpr_topo *t);
/*
 * The neighbourhood of `rank` as the neighbourhood collectives see it (MPI 3.1 section 7.6):
 * in-neighbours (whom it receives from) and out-neighbours (whom it sends to), in buffer order.
 * A Cartesian rank has 2 ndims of each: per dimension the negative, then the positive direction,
 * MPI_PROC_NULL off the edge of a non-periodic dimension.
 */
void mpr_topo_degrees(const struct mpr_topo *t, int rank, int *indegree, int *outdegree);
/* Fill in[indegree] and out[outdegree] (from mpr_topo_degrees). */
void mpr_topo_neighbors(const struct mpr_topo *t, int rank, int *in, int *out);
/*
 * MPI_Cart_map, MPI_Graph_map: where `rank` would sit in a topology of nnodes nodes. mpr keeps
 * the old order, so the rank itself, or MPI_UNDEFINED beyond the topology.
 */
int mpr_topo_map(int rank, int nnodes);

/* topo_dims.c */

/*
 * MPI_Dims_create: fill the zero entries of dims[ndims] with a factorisation of nnodes divided
 * by the product of the non-zero entries, as balanced as possible (the smallest difference
 * between the largest and the smallest filled entry), in non-increasing order. The caller has
 * checked nnodes > 0 and entries >= 0. -MPR_ERR_ARG, dims untouched, when the product of the
 * non-zero entries does not divide nnodes (or, with no zero entry, differs from it).
 */
int mpr_topo_dims_create(int nnodes, int ndims, int dims[]);

/* topo_cart.c: grid arithmetic, row-major (the last dimension varies fastest) */

/* A Cartesian topology, with the coordinates of `rank`; *out set on success. */
int mpr_topo_cart_new(int ndims, const int *dims, const int *periods, int rank,
                      struct mpr_topo **out);
/* Grid size: the product of dims (1 for ndims 0). The caller checked it fits in an int. */
int mpr_topo_cart_size(int ndims, const int *dims);
/* Rank of coords; periodic coordinates wrap, the others are in range (checked by the caller). */
int mpr_topo_cart_rank(const struct mpr_topo *t, const int *coords);
/* Coordinates of rank (0 <= rank < grid size) into coords[ndims]. */
void mpr_topo_cart_coords(const struct mpr_topo *t, int rank, int *coords);
/* MPI_Cart_shift from this rank: MPI_PROC_NULL off the edge of a non-periodic dimension. */
void mpr_topo_cart_shift(const struct mpr_topo *t, int direction, int disp, int *source, int *dest);
/*
 * MPI_Cart_sub: the communicator this rank lands in is the one of the ranks sharing its
 * coordinates in the dropped dimensions (color), ordered by the kept ones (key), and its
 * topology is the grid of the kept dimensions.
 */
void mpr_topo_cart_sub_split(const struct mpr_topo *t, const int *remain_dims, int *color,
                             int *key);
int mpr_topo_cart_sub_new(const struct mpr_topo *t, const int *remain_dims, struct mpr_topo **out);

/* topo_graph.c */

/* A copy of the graph of MPI_Graph_create; *out set on success. */
int mpr_topo_graph_new(int nnodes, const int *index, const int *edges, struct mpr_topo **out);
/* Node `rank`'s neighbours: their number and where they start in t->edges. */
int mpr_topo_graph_degree(const struct mpr_topo *t, int rank);
const int *mpr_topo_graph_adj(const struct mpr_topo *t, int rank);

/* topo_dist_graph.c */

/*
 * A distributed graph from this rank's adjacency (MPI_Dist_graph_create_adjacent). Weight
 * arrays are only read when weighted; *out set on success.
 */
struct mpr_dist_adj {
    int indegree, outdegree;
    const int *sources, *sourceweights;
    const int *destinations, *destweights;
    int weighted;
};
int mpr_topo_dist_graph_new(const struct mpr_dist_adj *a, struct mpr_topo **out);
/*
 * MPI_Dist_graph_create's edges as this rank gave them: n sources, source i with degrees[i]
 * edges to the next entries of destinations (weights alongside when weighted).
 */
struct mpr_dist_edges {
    int n;
    const int *sources, *degrees, *destinations, *weights;
    int weighted;
};
/*
 * Collective over comm: every rank learns the edges any rank gave that start or end at it.
 * Edges land in the order of the rank that gave them, then the order it gave them in, on both
 * ends, so the k-th of several edges between two ranks is the same edge at both.
 */
int mpr_topo_dist_graph_exchange(struct mpr_comm *comm, const struct mpr_dist_edges *e,
                                 struct mpr_topo **out);

/* topo_create.c: communicators with a topology attached (collective over parent) */

/*
 * Ranks below the grid size (or nnodes) get a new communicator in their old order (reordering
 * is allowed by the standard, and not done); the others get *out = NULL.
 */
int mpr_topo_cart_create(struct mpr_comm *parent, int ndims, const int *dims, const int *periods,
                         struct mpr_comm **out);
int mpr_topo_cart_sub(struct mpr_comm *c, const int *remain_dims, struct mpr_comm **out);
int mpr_topo_graph_create(struct mpr_comm *parent, int nnodes, const int *index, const int *edges,
                          struct mpr_comm **out);
/*
 * A new communicator of parent's ranks in their order, with the distributed graph t attached
 * (NULL: none); t is consumed either way.
 */
int mpr_topo_dist_graph_attach(struct mpr_comm *parent, struct mpr_topo *t, struct mpr_comm **out);

#endif
