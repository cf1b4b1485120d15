/* errors.c — bad arguments to the topology functions under MPI_ERRORS_RETURN: the call returns
 * an error of the right class on every rank and everything stays usable. Every rank passes the
 * same bad argument, so no rank is left waiting in a collective call.
 *
 * The standard names no class for most of these; mpr's (runtime/api/topo.c) are checked
 * exactly. Open MPI 4.1 differs in a few (and does not check some arguments at all): the
 * alternative it gives is accepted under OPEN_MPI, MPI_SUCCESS standing for "not checked".
 * Usage: mpt_topo_errors */
#include "topotest.h"

static const char *cname(int cls)
{
    static char buf[4][32];
    static int k;
    switch (cls) {
    case MPI_SUCCESS:
        return "MPI_SUCCESS";
    case MPI_ERR_COMM:
        return "MPI_ERR_COMM";
    case MPI_ERR_TOPOLOGY:
        return "MPI_ERR_TOPOLOGY";
    case MPI_ERR_DIMS:
        return "MPI_ERR_DIMS";
    case MPI_ERR_ARG:
        return "MPI_ERR_ARG";
    case MPI_ERR_RANK:
        return "MPI_ERR_RANK";
    case MPI_ERR_COUNT:
        return "MPI_ERR_COUNT";
    case MPI_ERR_TYPE:
        return "MPI_ERR_TYPE";
    case MPI_ERR_BUFFER:
        return "MPI_ERR_BUFFER";
    case MPI_ERR_OTHER:
        return "MPI_ERR_OTHER";
    case MPI_ERR_INTERN:
        return "MPI_ERR_INTERN";
    default:
        k = (k + 1) % 4;
        snprintf(buf[k], sizeof buf[k], "class %d", cls);
        return buf[k];
    }
}

static void expect(int rc, const char *what, int want, int alt)
{
    int cls = tt_class(rc);
    TC_CHECK(cls == want || cls == alt, "%s: %s, expected %s", what, cname(cls), cname(want));
}
#define EXPECT(call, cls) expect((call), #call, (cls), (cls))
#ifdef OPEN_MPI
#define EXPECT_OR_OMPI(call, cls, ompi) expect((call), #call, (cls), (ompi))
#else
#define EXPECT_OR_OMPI(call, cls, ompi) expect((call), #call, (cls), (cls))
#endif

static void dims_errors(void)
{
    int d[3] = {0, 3, 0};
    EXPECT(MPI_Dims_create(7, 3, d), MPI_ERR_DIMS); /* the standard's example */
    TC_CHECK(d[0] == 0 && d[1] == 3 && d[2] == 0, "Dims_create changed dims on an error");
    d[0] = -2, d[1] = 0;
    EXPECT(MPI_Dims_create(6, 2, d), MPI_ERR_DIMS);
    EXPECT(MPI_Dims_create(6, -1, d), MPI_ERR_DIMS);
    d[0] = d[1] = 0;
    EXPECT(MPI_Dims_create(0, 2, d), MPI_ERR_DIMS);
    d[0] = d[1] = 2; /* nothing free, and 2 x 2 is not 8 */
    EXPECT(MPI_Dims_create(8, 2, d), MPI_ERR_DIMS);
    EXPECT(MPI_Dims_create(4, 0, d), MPI_ERR_DIMS);
}

static void cart_errors(void)
{
    int P = tc_size, dims[2] = {P, 1}, per[2] = {0, 1}, c[2], r, s, t, big[2] = {P + 1, 1};
    int zero[2] = {P, 0}, neg[1] = {-1};
    MPI_Comm cart, bad = MPI_COMM_NULL;

    EXPECT(MPI_Cart_create(MPI_COMM_NULL, 2, dims, per, 0, &bad), MPI_ERR_COMM);
    EXPECT(MPI_Cart_create(MPI_COMM_WORLD, 2, big, per, 0, &bad), MPI_ERR_ARG);
    EXPECT_OR_OMPI(MPI_Cart_create(MPI_COMM_WORLD, -1, dims, per, 0, &bad), MPI_ERR_DIMS,
                   MPI_ERR_ARG);
    EXPECT_OR_OMPI(MPI_Cart_create(MPI_COMM_WORLD, 2, zero, per, 0, &bad), MPI_ERR_DIMS,
                   MPI_ERR_OTHER);
    EXPECT_OR_OMPI(MPI_Cart_create(MPI_COMM_WORLD, 1, neg, per, 0, &bad), MPI_ERR_DIMS,
                   MPI_ERR_OTHER);
    TC_CHECK(bad == MPI_COMM_NULL, "a failed Cart_create set its output");

    TC_OK(MPI_Cart_create(MPI_COMM_WORLD, 2, dims, per, 0, &cart));
    /* dimension 0 is not periodic: off its ends is an error; dimension 1 wraps */
    c[0] = P, c[1] = 0;
    EXPECT(MPI_Cart_rank(cart, c, &r), MPI_ERR_ARG);
    c[0] = -1;
    EXPECT(MPI_Cart_rank(cart, c, &r), MPI_ERR_ARG);
    c[0] = 0, c[1] = -5;
    EXPECT(MPI_Cart_rank(cart, c, &r), MPI_SUCCESS);
    TC_CHECK(r == 0, "Cart_rank with a wrapped coordinate: %d", r);
    EXPECT_OR_OMPI(MPI_Cart_coords(cart, P, 2, c), MPI_ERR_RANK, MPI_SUCCESS);
    EXPECT_OR_OMPI(MPI_Cart_coords(cart, -1, 2, c), MPI_ERR_RANK, MPI_SUCCESS);
    EXPECT_OR_OMPI(MPI_Cart_shift(cart, 2, 1, &s, &t), MPI_ERR_DIMS, MPI_SUCCESS);
    EXPECT_OR_OMPI(MPI_Cart_shift(cart, -1, 1, &s, &t), MPI_ERR_DIMS, MPI_SUCCESS);

    /* the wrong kind of topology, or none */
    EXPECT(MPI_Graphdims_get(cart, &s, &t), MPI_ERR_TOPOLOGY);
    EXPECT(MPI_Graph_neighbors_count(cart, 0, &s), MPI_ERR_TOPOLOGY);
    EXPECT(MPI_Dist_graph_neighbors_count(cart, &s, &t, &r), MPI_ERR_TOPOLOGY);
    EXPECT(MPI_Cartdim_get(MPI_COMM_WORLD, &s), MPI_ERR_TOPOLOGY);
    EXPECT(MPI_Cart_shift(MPI_COMM_WORLD, 0, 1, &s, &t), MPI_ERR_TOPOLOGY);
    EXPECT(MPI_Cart_sub(MPI_COMM_WORLD, per, &bad), MPI_ERR_TOPOLOGY);
    EXPECT(MPI_Topo_test(MPI_COMM_NULL, &s), MPI_ERR_COMM);
    TC_OK(MPI_Comm_free(&cart));
}

static void graph_errors(void)
{
    int P = tc_size, index[1] = {1}, edges[1] = {0}, self = tc_rank, w = 1, s, t, *idx, *edg;
    MPI_Comm g, bad = MPI_COMM_NULL;

    EXPECT(MPI_Graph_create(MPI_COMM_WORLD, P + 1, index, edges, 0, &bad), MPI_ERR_ARG);
    idx = tt_malloc((size_t)P * sizeof(int));
    edg = tt_malloc(4u * P * sizeof(int));
    tt_graph(P, idx, edg);
    TC_OK(MPI_Graph_create(MPI_COMM_WORLD, P, idx, edg, 0, &g));
    EXPECT(MPI_Cart_shift(g, 0, 1, &s, &t), MPI_ERR_TOPOLOGY);
    EXPECT(MPI_Cartdim_get(g, &s), MPI_ERR_TOPOLOGY);
    EXPECT_OR_OMPI(MPI_Graph_neighbors_count(g, P, &s), MPI_ERR_RANK, MPI_SUCCESS);
    TC_OK(MPI_Comm_free(&g));

    /* distributed graphs: a rank that is none, a negative degree */
    int far = P + 3, negdeg = -1;
    EXPECT_OR_OMPI(MPI_Dist_graph_create_adjacent(MPI_COMM_WORLD, 1, &far, tt_w(MPI_UNWEIGHTED), 1,
                                                  &self, tt_w(MPI_UNWEIGHTED), MPI_INFO_NULL, 0,
                                                  &bad),
                   MPI_ERR_RANK, MPI_ERR_ARG);
    EXPECT_OR_OMPI(
        MPI_Dist_graph_create(MPI_COMM_WORLD, 1, &self, &negdeg, &self, &w, MPI_INFO_NULL, 0, &bad),
        MPI_ERR_ARG, MPI_SUCCESS);
    TC_CHECK(bad == MPI_COMM_NULL, "a failed graph constructor set its output");
    free(idx), free(edg);
}

static void neighbor_errors(void)
{
    int P = tc_size, dims[1] = {P}, per[1] = {1}, a[4] = {0}, b[4] = {0};
    MPI_Comm ring;
    MPI_Request req = MPI_REQUEST_NULL;

    EXPECT_OR_OMPI(MPI_Neighbor_allgather(a, 1, MPI_INT, b, 1, MPI_INT, MPI_COMM_WORLD),
                   MPI_ERR_TOPOLOGY, MPI_ERR_INTERN);
    EXPECT(MPI_Neighbor_alltoall(a, 1, MPI_INT, b, 1, MPI_INT, MPI_COMM_NULL), MPI_ERR_COMM);
    TC_OK(MPI_Cart_create(MPI_COMM_WORLD, 1, dims, per, 0, &ring));
    EXPECT(MPI_Neighbor_alltoall(a, -1, MPI_INT, b, 1, MPI_INT, ring), MPI_ERR_COUNT);
    EXPECT(MPI_Ineighbor_allgather(a, 1, MPI_DATATYPE_NULL, b, 1, MPI_INT, ring, &req),
           MPI_ERR_TYPE);
    TC_CHECK(req == MPI_REQUEST_NULL, "a failed Ineighbor_allgather set its request");
    /* the ring still works */
    a[0] = tc_rank;
    TC_OK(MPI_Neighbor_allgather(a, 1, MPI_INT, b, 1, MPI_INT, ring));
    TC_CHECK(b[0] == (tc_rank + P - 1) % P && b[1] == (tc_rank + 1) % P,
             "neighbor_allgather after errors: %d %d", b[0], b[1]);
    TC_OK(MPI_Comm_free(&ring));
}

int main(int argc, char **argv)
{
    int one = 1, sum = 0;

    tc_init(&argc, &argv, "errors");
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
    dims_errors();
    cart_errors();
    graph_errors();
    neighbor_errors();
    TC_OK(MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD));
    TC_CHECK(sum == tc_size, "allreduce after the errors: %d", sum);
    tt_done("topology errors");
    return 0;
}
