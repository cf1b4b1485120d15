/*
 * Process topologies: the MPI entry points that make and query Cartesian, graph and distributed
 * graph communicators (the neighbourhood collectives are in topo_neighbor.c). Each checks its
 * arguments, then calls comm/topo*.c.
 *
 * The standard names no error class for most bad arguments here; mpr uses:
 *   MPI_ERR_TOPOLOGY  no topology, or the wrong kind, for the call
 *   MPI_ERR_DIMS      a bad ndims, dims entry or direction; nnodes that the fixed dims of
 *                     MPI_Dims_create do not divide (or, with none free, do not equal)
 *   MPI_ERR_ARG       a grid or graph larger than the communicator (as Open MPI and MPICH),
 *                     coordinates off a non-periodic grid, bad index/edges/degrees/weights,
 *                     arrays too short, NULL pointers
 *   MPI_ERR_RANK      a rank argument, or a rank in a distributed graph's edges, out of range
 */
#include "api/api.h"

#include "comm/comm.h"
#include "comm/topo.h"
#include "core/errcode.h"
#include "core/info.h"

#include <limits.h>
#include <string.h>

/* ---- shared checks: MPI_SUCCESS or what mpr_api_error returned ---- */

static int check_comm(const char *fn, MPI_Comm comm)
{
    mpr_api_require_init(fn);
    if (mpr_api_comm_ok(comm)) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: %s",
                         comm == MPI_COMM_NULL ? "MPI_COMM_NULL" : "not a communicator");
}

/* A valid communicator with a topology of this kind (0: any kind). */
static int check_topo(const char *fn, MPI_Comm comm, int kind)
{
    static const char *const names[] = {[MPI_GRAPH] = "a graph",
                                        [MPI_CART] = "a Cartesian",
                                        [MPI_DIST_GRAPH] = "a distributed graph"};
    int rc = check_comm(fn, comm);

    if (rc == MPI_SUCCESS && !comm->topo) {
        rc = mpr_api_error(comm, fn, MPI_ERR_TOPOLOGY, "comm: has no topology");
    } else if (rc == MPI_SUCCESS && kind && comm->topo->kind != kind) {
        rc = mpr_api_error(comm, fn, MPI_ERR_TOPOLOGY, "comm: has %s topology, not %s",
                           names[comm->topo->kind], names[kind]);
    }
    return rc;
}

static int check_ptr(const char *fn, MPI_Comm comm, const void *p, const char *what)
{
    return p ? MPI_SUCCESS : mpr_api_error(comm, fn, MPI_ERR_ARG, "%s: NULL pointer", what);
}

static int check_rank(const char *fn, MPI_Comm comm, int rank, int n, const char *what)
{
    if (rank >= 0 && rank < n) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(comm, fn, MPI_ERR_RANK, "%s: %d is not a rank in 0..%d", what, rank,
                         n - 1);
}

/* Report a failure of the layer below. */
static int done(const char *fn, MPI_Comm comm, int rc)
{
    if (rc == 0) {
        return MPI_SUCCESS;
    }
    if (rc == -MPR_ERR_NOMEM) {
        return mpr_api_error(comm, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    if (rc == -MPR_ERR_EXHAUSTED) {
        return mpr_api_error(comm, fn, MPI_ERR_INTERN,
                             "no free context id: too many communicators alive at once");
    }
    return mpr_api_error(comm, fn, MPI_ERR_INTERN, "internal error %d (the cause is logged above)",
                         -rc);
}

/* A new communicator, or MPI_COMM_NULL for a rank left out. */
static int made(const char *fn, MPI_Comm comm, int rc, struct mpr_comm *c, MPI_Comm *out)
{
    if (rc == 0) {
        *out = c ? c : MPI_COMM_NULL;
    }
    return done(fn, comm, rc);
}

/* ---- Cartesian ---- */

#pragma weak MPI_Dims_create = PMPI_Dims_create
int PMPI_Dims_create(int nnodes, int ndims, int dims[])
{
    const char *fn = "MPI_Dims_create";
    MPI_Comm w = MPI_COMM_WORLD;

    mpr_api_require_init(fn);
    if (ndims < 0) {
        return mpr_api_error(w, fn, MPI_ERR_DIMS, "ndims: %d is negative", ndims);
    }
    if (ndims > 0 && !dims) {
        return mpr_api_error(w, fn, MPI_ERR_ARG, "dims: NULL pointer");
    }
    if (nnodes < 1) {
        return mpr_api_error(w, fn, MPI_ERR_DIMS, "nnodes: %d is not positive", nnodes);
    }
    for (int i = 0; i < ndims; i++) {
        if (dims[i] < 0) {
            return mpr_api_error(w, fn, MPI_ERR_DIMS, "dims[%d]: %d is negative", i, dims[i]);
        }
    }
    if (mpr_topo_dims_create(nnodes, ndims, dims) != 0) {
        return mpr_api_error(w, fn, MPI_ERR_DIMS,
                             "nnodes: %d is not a multiple of the product of the non-zero dims "
                             "(or, with none zero, not equal to it)",
                             nnodes);
    }
    return MPI_SUCCESS;
}

/* ndims and dims of a grid for comm: positive sizes, at most comm's size in all. */
static int check_grid(const char *fn, MPI_Comm comm, int ndims, const int *dims, const int *periods)
{
    long long n = 1;

    if (ndims < 0) {
        return mpr_api_error(comm, fn, MPI_ERR_DIMS, "ndims: %d is negative", ndims);
    }
    if (ndims > 0 && (!dims || !periods)) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "%s: NULL pointer", dims ? "periods" : "dims");
    }
    for (int i = 0; i < ndims; i++) {
        if (dims[i] <= 0) {
            return mpr_api_error(comm, fn, MPI_ERR_DIMS, "dims[%d]: %d is not positive", i,
                                 dims[i]);
        }
        n = n <= comm->size ? n * dims[i] : n;
    }
    if (n > comm->size) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG,
                             "dims: the grid has more nodes than the communicator's %d ranks",
                             comm->size);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Cart_create = PMPI_Cart_create
int PMPI_Cart_create(MPI_Comm comm_old, int ndims, const int dims[], const int periods[],
                     int reorder, MPI_Comm *comm_cart)
{
    const char *fn = "MPI_Cart_create";
    struct mpr_comm *c = NULL;
    int rc = check_comm(fn, comm_old);

    (void)reorder; /* allowed, not done: see comm/topo_create.c */
    if (rc == MPI_SUCCESS) {
        rc = check_grid(fn, comm_old, ndims, dims, periods);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm_old, comm_cart, "comm_cart");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    rc = mpr_topo_cart_create(comm_old, ndims, dims, periods, &c);
    return made(fn, comm_old, rc, c, comm_cart);
}

#pragma weak MPI_Cart_map = PMPI_Cart_map
int PMPI_Cart_map(MPI_Comm comm, int ndims, const int dims[], const int periods[], int *newrank)
{
    const char *fn = "MPI_Cart_map";
    int rc = check_comm(fn, comm);

    if (rc == MPI_SUCCESS) {
        rc = check_grid(fn, comm, ndims, dims, periods);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm, newrank, "newrank");
    }
    if (rc == MPI_SUCCESS) {
        *newrank = mpr_topo_map(comm->rank, mpr_topo_cart_size(ndims, dims));
    }
    return rc;
}

#pragma weak MPI_Cartdim_get = PMPI_Cartdim_get
int PMPI_Cartdim_get(MPI_Comm comm, int *ndims)
{
    const char *fn = "MPI_Cartdim_get";
    int rc = check_topo(fn, comm, MPI_CART);

    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm, ndims, "ndims");
    }
    if (rc == MPI_SUCCESS) {
        *ndims = comm->topo->ndims;
    }
    return rc;
}

/* maxdims entries of room for the grid's ndims: too little is an error. */
static int check_maxdims(const char *fn, MPI_Comm comm, int maxdims)
{
    if (maxdims >= comm->topo->ndims) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(comm, fn, MPI_ERR_ARG, "maxdims: %d is less than the grid's %d dims",
                         maxdims, comm->topo->ndims);
}

#pragma weak MPI_Cart_get = PMPI_Cart_get
int PMPI_Cart_get(MPI_Comm comm, int maxdims, int dims[], int periods[], int coords[])
{
    const char *fn = "MPI_Cart_get";
    int rc = check_topo(fn, comm, MPI_CART), n;

    if (rc == MPI_SUCCESS) {
        rc = check_maxdims(fn, comm, maxdims);
    }
    if (rc == MPI_SUCCESS && comm->topo->ndims > 0 && (!dims || !periods || !coords)) {
        rc = mpr_api_error(comm, fn, MPI_ERR_ARG, "dims, periods or coords: NULL pointer");
    }
    if (rc == MPI_SUCCESS && (n = comm->topo->ndims) > 0) {
        memcpy(dims, comm->topo->dims, (size_t)n * sizeof(int));
        memcpy(periods, comm->topo->periods, (size_t)n * sizeof(int));
        memcpy(coords, comm->topo->coords, (size_t)n * sizeof(int));
    }
    return rc;
}

#pragma weak MPI_Cart_rank = PMPI_Cart_rank
int PMPI_Cart_rank(MPI_Comm comm, const int coords[], int *rank)
{
    const char *fn = "MPI_Cart_rank";
    int rc = check_topo(fn, comm, MPI_CART);
    const struct mpr_topo *t = rc == MPI_SUCCESS ? comm->topo : NULL;

    if (rc == MPI_SUCCESS && t->ndims > 0) {
        rc = check_ptr(fn, comm, coords, "coords");
    }
    for (int i = 0; rc == MPI_SUCCESS && i < t->ndims; i++) {
        if (!t->periods[i] && (coords[i] < 0 || coords[i] >= t->dims[i])) {
            rc = mpr_api_error(comm, fn, MPI_ERR_ARG,
                               "coords[%d]: %d is off the grid (0..%d, not periodic)", i, coords[i],
                               t->dims[i] - 1);
        }
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm, rank, "rank");
    }
    if (rc == MPI_SUCCESS) {
        *rank = mpr_topo_cart_rank(t, coords);
    }
    return rc;
}

#pragma weak MPI_Cart_coords = PMPI_Cart_coords
int PMPI_Cart_coords(MPI_Comm comm, int rank, int maxdims, int coords[])
{
    const char *fn = "MPI_Cart_coords";
    int rc = check_topo(fn, comm, MPI_CART);

    if (rc == MPI_SUCCESS) {
        rc = check_rank(fn, comm, rank, comm->size, "rank");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_maxdims(fn, comm, maxdims);
    }
    if (rc == MPI_SUCCESS && comm->topo->ndims > 0) {
        rc = check_ptr(fn, comm, coords, "coords");
    }
    if (rc == MPI_SUCCESS) {
        mpr_topo_cart_coords(comm->topo, rank, coords);
    }
    return rc;
}

#pragma weak MPI_Cart_shift = PMPI_Cart_shift
int PMPI_Cart_shift(MPI_Comm comm, int direction, int disp, int *rank_source, int *rank_dest)
{
    const char *fn = "MPI_Cart_shift";
    int rc = check_topo(fn, comm, MPI_CART);

    if (rc == MPI_SUCCESS && (direction < 0 || direction >= comm->topo->ndims)) {
        rc = mpr_api_error(comm, fn, MPI_ERR_DIMS, "direction: %d is not a dimension (0..%d)",
                           direction, comm->topo->ndims - 1);
    }
    if (rc == MPI_SUCCESS && (!rank_source || !rank_dest)) {
        rc = check_ptr(fn, comm, NULL, rank_source ? "rank_dest" : "rank_source");
    }
    if (rc == MPI_SUCCESS) {
        mpr_topo_cart_shift(comm->topo, direction, disp, rank_source, rank_dest);
    }
    return rc;
}

#pragma weak MPI_Cart_sub = PMPI_Cart_sub
int PMPI_Cart_sub(MPI_Comm comm, const int remain_dims[], MPI_Comm *newcomm)
{
    const char *fn = "MPI_Cart_sub";
    struct mpr_comm *c = NULL;
    int rc = check_topo(fn, comm, MPI_CART);

    if (rc == MPI_SUCCESS && comm->topo->ndims > 0) {
        rc = check_ptr(fn, comm, remain_dims, "remain_dims");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm, newcomm, "newcomm");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    rc = mpr_topo_cart_sub(comm, remain_dims, &c);
    return made(fn, comm, rc, c, newcomm);
}

/* ---- graphs ---- */

/* nnodes, index and edges of MPI_Graph_create / MPI_Graph_map on comm. */
static int check_graph(const char *fn, MPI_Comm comm, int nnodes, const int *index,
                       const int *edges)
{
    if (nnodes < 0 || nnodes > comm->size) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "nnodes: %d is not in 0..%d (the ranks)",
                             nnodes, comm->size);
    }
    if (nnodes > 0 && !index) {
        return check_ptr(fn, comm, NULL, "index");
    }
    for (int i = 0; i < nnodes; i++) {
        if (index[i] < (i > 0 ? index[i - 1] : 0)) {
            return mpr_api_error(comm, fn, MPI_ERR_ARG, "index[%d]: %d is less than before", i,
                                 index[i]);
        }
    }
    if (nnodes > 0 && index[nnodes - 1] > 0 && !edges) {
        return check_ptr(fn, comm, NULL, "edges");
    }
    for (int i = 0; nnodes > 0 && i < index[nnodes - 1]; i++) {
        if (edges[i] < 0 || edges[i] >= nnodes) {
            return mpr_api_error(comm, fn, MPI_ERR_ARG, "edges[%d]: %d is not a node (0..%d)", i,
                                 edges[i], nnodes - 1);
        }
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Graph_create = PMPI_Graph_create
int PMPI_Graph_create(MPI_Comm comm_old, int nnodes, const int index[], const int edges[],
                      int reorder, MPI_Comm *comm_graph)
{
    const char *fn = "MPI_Graph_create";
    struct mpr_comm *c = NULL;
    int rc = check_comm(fn, comm_old);

    (void)reorder; /* allowed, not done: see comm/topo_create.c */
    if (rc == MPI_SUCCESS) {
        rc = check_graph(fn, comm_old, nnodes, index, edges);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm_old, comm_graph, "comm_graph");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    rc = mpr_topo_graph_create(comm_old, nnodes, index, edges, &c);
    return made(fn, comm_old, rc, c, comm_graph);
}

#pragma weak MPI_Graph_map = PMPI_Graph_map
int PMPI_Graph_map(MPI_Comm comm, int nnodes, const int index[], const int edges[], int *newrank)
{
    const char *fn = "MPI_Graph_map";
    int rc = check_comm(fn, comm);

    if (rc == MPI_SUCCESS) {
        rc = check_graph(fn, comm, nnodes, index, edges);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm, newrank, "newrank");
    }
    if (rc == MPI_SUCCESS) {
        *newrank = mpr_topo_map(comm->rank, nnodes);
    }
    return rc;
}

#pragma weak MPI_Graphdims_get = PMPI_Graphdims_get
int PMPI_Graphdims_get(MPI_Comm comm, int *nnodes, int *nedges)
{
    const char *fn = "MPI_Graphdims_get";
    int rc = check_topo(fn, comm, MPI_GRAPH);
    const struct mpr_topo *t = rc == MPI_SUCCESS ? comm->topo : NULL;

    if (rc == MPI_SUCCESS && (!nnodes || !nedges)) {
        rc = check_ptr(fn, comm, NULL, nnodes ? "nedges" : "nnodes");
    }
    if (rc == MPI_SUCCESS) {
        *nnodes = t->nnodes;
        *nedges = t->nnodes > 0 ? t->index[t->nnodes - 1] : 0;
    }
    return rc;
}

#pragma weak MPI_Graph_get = PMPI_Graph_get
int PMPI_Graph_get(MPI_Comm comm, int maxindex, int maxedges, int index[], int edges[])
{
    const char *fn = "MPI_Graph_get";
    int rc = check_topo(fn, comm, MPI_GRAPH);
    const struct mpr_topo *t = rc == MPI_SUCCESS ? comm->topo : NULL;
    int nedges = t && t->nnodes > 0 ? t->index[t->nnodes - 1] : 0;

    if (rc == MPI_SUCCESS && (maxindex < t->nnodes || maxedges < nedges)) {
        rc = mpr_api_error(comm, fn, MPI_ERR_ARG,
                           "maxindex %d, maxedges %d: the graph has %d nodes and %d edges",
                           maxindex, maxedges, t->nnodes, nedges);
    }
    if (rc == MPI_SUCCESS && ((t->nnodes > 0 && !index) || (nedges > 0 && !edges))) {
        rc = check_ptr(fn, comm, NULL, index ? "edges" : "index");
    }
    if (rc == MPI_SUCCESS && t->nnodes > 0) {
        memcpy(index, t->index, (size_t)t->nnodes * sizeof(int));
    }
    if (rc == MPI_SUCCESS && nedges > 0) {
        memcpy(edges, t->edges, (size_t)nedges * sizeof(int));
    }
    return rc;
}

#pragma weak MPI_Graph_neighbors_count = PMPI_Graph_neighbors_count
int PMPI_Graph_neighbors_count(MPI_Comm comm, int rank, int *nneighbors)
{
    const char *fn = "MPI_Graph_neighbors_count";
    int rc = check_topo(fn, comm, MPI_GRAPH);

    if (rc == MPI_SUCCESS) {
        rc = check_rank(fn, comm, rank, comm->topo->nnodes, "rank");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm, nneighbors, "nneighbors");
    }
    if (rc == MPI_SUCCESS) {
        *nneighbors = mpr_topo_graph_degree(comm->topo, rank);
    }
    return rc;
}

#pragma weak MPI_Graph_neighbors = PMPI_Graph_neighbors
int PMPI_Graph_neighbors(MPI_Comm comm, int rank, int maxneighbors, int neighbors[])
{
    const char *fn = "MPI_Graph_neighbors";
    int rc = check_topo(fn, comm, MPI_GRAPH), n = 0;

    if (rc == MPI_SUCCESS) {
        rc = check_rank(fn, comm, rank, comm->topo->nnodes, "rank");
    }
    if (rc == MPI_SUCCESS && maxneighbors < (n = mpr_topo_graph_degree(comm->topo, rank))) {
        rc = mpr_api_error(comm, fn, MPI_ERR_ARG, "maxneighbors: %d, rank %d has %d neighbours",
                           maxneighbors, rank, n);
    }
    if (rc == MPI_SUCCESS && n > 0) {
        rc = check_ptr(fn, comm, neighbors, "neighbors");
    }
    if (rc == MPI_SUCCESS && n > 0) {
        memcpy(neighbors, mpr_topo_graph_adj(comm->topo, rank), (size_t)n * sizeof(int));
    }
    return rc;
}

#pragma weak MPI_Topo_test = PMPI_Topo_test
int PMPI_Topo_test(MPI_Comm comm, int *status)
{
    const char *fn = "MPI_Topo_test";
    int rc = check_comm(fn, comm);

    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm, status, "status");
    }
    if (rc == MPI_SUCCESS) {
        *status = comm->topo ? comm->topo->kind : MPI_UNDEFINED;
    }
    return rc;
}

/* ---- distributed graphs ---- */

/* n ranks of comm in list[]; what names the list in a message. */
static int check_ranks(const char *fn, MPI_Comm comm, int n, const int *list, const char *what)
{
    int rc = n > 0 && !list ? check_ptr(fn, comm, NULL, what) : MPI_SUCCESS;

    for (int i = 0; rc == MPI_SUCCESS && i < n; i++) {
        if (list[i] < 0 || list[i] >= comm->size) {
            rc = mpr_api_error(comm, fn, MPI_ERR_RANK, "%s[%d]: %d is not a rank in 0..%d", what, i,
                               list[i], comm->size - 1);
        }
    }
    return rc;
}

/*
 * Weights for n edges: MPI_UNWEIGHTED (*weighted = 0), MPI_WEIGHTS_EMPTY or anything when n is
 * 0, else n non-negative ints.
 */
static int check_weights(const char *fn, MPI_Comm comm, int n, const int *w, const char *what,
                         int *weighted)
{
    *weighted = w != MPI_UNWEIGHTED;
    if (w == MPI_UNWEIGHTED || n == 0) {
        return MPI_SUCCESS;
    }
    if (w == MPI_WEIGHTS_EMPTY || !w) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "%s: %s for %d edges", what,
                             w ? "MPI_WEIGHTS_EMPTY" : "NULL", n);
    }
    for (int i = 0; i < n; i++) {
        if (w[i] < 0) {
            return mpr_api_error(comm, fn, MPI_ERR_ARG, "%s[%d]: %d is negative", what, i, w[i]);
        }
    }
    return MPI_SUCCESS;
}

static int check_info(const char *fn, MPI_Comm comm, MPI_Info info)
{
    if (info == MPI_INFO_NULL || info->magic == MPR_INFO_MAGIC) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(comm, fn, MPI_ERR_INFO, "info: not an info object");
}

/*
 * The new communicator for the distributed graph t (rc: how making t went). A rank that failed
 * still joins the collective construction, so that the others do not wait for it forever.
 */
static int attach_dist(const char *fn, MPI_Comm comm, int rc, struct mpr_topo *t, MPI_Comm *out)
{
    struct mpr_comm *c = NULL;
    int arc = mpr_topo_dist_graph_attach(comm, t, &c);

    if (rc != 0 && c) {
        mpr_comm_free(c);
        c = NULL;
    }
    return made(fn, comm, rc != 0 ? rc : arc, c, out);
}

static int check_adjacent(const char *fn, MPI_Comm comm, struct mpr_dist_adj *a)
{
    int rc = MPI_SUCCESS, wout = 0;

    if (a->indegree < 0 || a->outdegree < 0) {
        rc = mpr_api_error(comm, fn, MPI_ERR_ARG, "%s: %d is negative",
                           a->indegree < 0 ? "indegree" : "outdegree",
                           a->indegree < 0 ? a->indegree : a->outdegree);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ranks(fn, comm, a->indegree, a->sources, "sources");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ranks(fn, comm, a->outdegree, a->destinations, "destinations");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_weights(fn, comm, a->indegree, a->sourceweights, "sourceweights", &a->weighted);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_weights(fn, comm, a->outdegree, a->destweights, "destweights", &wout);
    }
    if (rc == MPI_SUCCESS && wout != a->weighted) {
        rc = mpr_api_error(comm, fn, MPI_ERR_ARG,
                           "sourceweights, destweights: only one of them is MPI_UNWEIGHTED");
    }
    return rc;
}

#pragma weak MPI_Dist_graph_create_adjacent = PMPI_Dist_graph_create_adjacent
int PMPI_Dist_graph_create_adjacent(MPI_Comm comm_old, int indegree, const int sources[],
                                    const int sourceweights[], int outdegree,
                                    const int destinations[], const int destweights[],
                                    MPI_Info info, int reorder, MPI_Comm *comm_dist_graph)
{
    const char *fn = "MPI_Dist_graph_create_adjacent";
    struct mpr_dist_adj a = {indegree,     outdegree,   sources, sourceweights,
                             destinations, destweights, 0};
    struct mpr_topo *t = NULL;
    int rc = check_comm(fn, comm_old);

    (void)reorder; /* allowed, not done: see comm/topo_create.c */
    if (rc == MPI_SUCCESS) {
        rc = check_adjacent(fn, comm_old, &a);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_info(fn, comm_old, info);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm_old, comm_dist_graph, "comm_dist_graph");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    rc = mpr_topo_dist_graph_new(&a, &t);
    return attach_dist(fn, comm_old, rc, t, comm_dist_graph);
}

static int check_edges(const char *fn, MPI_Comm comm, struct mpr_dist_edges *e)
{
    int rc = MPI_SUCCESS, nedges = 0;

    if (e->n < 0) {
        rc = mpr_api_error(comm, fn, MPI_ERR_ARG, "n: %d is negative", e->n);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ranks(fn, comm, e->n, e->sources, "sources");
    }
    if (rc == MPI_SUCCESS && e->n > 0) {
        rc = check_ptr(fn, comm, e->degrees, "degrees");
    }
    for (int i = 0; rc == MPI_SUCCESS && i < e->n; i++) {
        if (e->degrees[i] < 0 || e->degrees[i] > INT_MAX - nedges) {
            rc = mpr_api_error(comm, fn, MPI_ERR_ARG, "degrees[%d]: %d is %s", i, e->degrees[i],
                               e->degrees[i] < 0 ? "negative" : "too large");
        }
        nedges += rc == MPI_SUCCESS ? e->degrees[i] : 0;
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ranks(fn, comm, nedges, e->destinations, "destinations");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_weights(fn, comm, nedges, e->weights, "weights", &e->weighted);
    }
    return rc;
}

#pragma weak MPI_Dist_graph_create = PMPI_Dist_graph_create
int PMPI_Dist_graph_create(MPI_Comm comm_old, int n, const int sources[], const int degrees[],
                           const int destinations[], const int weights[], MPI_Info info,
                           int reorder, MPI_Comm *comm_dist_graph)
{
    const char *fn = "MPI_Dist_graph_create";
    struct mpr_dist_edges e = {n, sources, degrees, destinations, weights, 0};
    struct mpr_topo *t = NULL;
    int rc = check_comm(fn, comm_old);

    (void)reorder; /* allowed, not done: see comm/topo_create.c */
    if (rc == MPI_SUCCESS) {
        rc = check_edges(fn, comm_old, &e);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_info(fn, comm_old, info);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, comm_old, comm_dist_graph, "comm_dist_graph");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    rc = mpr_topo_dist_graph_exchange(comm_old, &e, &t);
    return attach_dist(fn, comm_old, rc, t, comm_dist_graph);
}

#pragma weak MPI_Dist_graph_neighbors_count = PMPI_Dist_graph_neighbors_count
int PMPI_Dist_graph_neighbors_count(MPI_Comm comm, int *indegree, int *outdegree, int *weighted)
{
    const char *fn = "MPI_Dist_graph_neighbors_count";
    int rc = check_topo(fn, comm, MPI_DIST_GRAPH);

    if (rc == MPI_SUCCESS && (!indegree || !outdegree || !weighted)) {
        rc = check_ptr(fn, comm, NULL, "indegree, outdegree or weighted");
    }
    if (rc == MPI_SUCCESS) {
        *indegree = comm->topo->indegree;
        *outdegree = comm->topo->outdegree;
        *weighted = comm->topo->weighted;
    }
    return rc;
}

/* Room for max of the n neighbours on one side, and an array to hold them. */
static int check_side(const char *fn, MPI_Comm comm, int max, int n, const int *dst,
                      const char *maxname, const char *dstname)
{
    if (max < n) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "%s: %d, less than the %d neighbours", maxname,
                             max, n);
    }
    return n > 0 && !dst ? check_ptr(fn, comm, NULL, dstname) : MPI_SUCCESS;
}

/* n neighbours to dst; their weights only when the graph has some and wdst is an array. */
static void copy_side(int n, const int *src, int *dst, const int *w, int *wdst)
{
    if (n > 0) {
        memcpy(dst, src, (size_t)n * sizeof(int));
    }
    if (n > 0 && w && wdst && wdst != MPI_UNWEIGHTED && wdst != MPI_WEIGHTS_EMPTY) {
        memcpy(wdst, w, (size_t)n * sizeof(int));
    }
}

#pragma weak MPI_Dist_graph_neighbors = PMPI_Dist_graph_neighbors
int PMPI_Dist_graph_neighbors(MPI_Comm comm, int maxindegree, int sources[], int sourceweights[],
                              int maxoutdegree, int destinations[], int destweights[])
{
    const char *fn = "MPI_Dist_graph_neighbors";
    int rc = check_topo(fn, comm, MPI_DIST_GRAPH);
    const struct mpr_topo *t = rc == MPI_SUCCESS ? comm->topo : NULL;

    if (rc == MPI_SUCCESS) {
        rc = check_side(fn, comm, maxindegree, t->indegree, sources, "maxindegree", "sources");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_side(fn, comm, maxoutdegree, t->outdegree, destinations, "maxoutdegree",
                        "destinations");
    }
    if (rc == MPI_SUCCESS) {
        copy_side(t->indegree, t->sources, sources, t->sourceweights, sourceweights);
        copy_side(t->outdegree, t->destinations, destinations, t->destweights, destweights);
    }
    return rc;
}
