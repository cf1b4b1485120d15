/* graph.c — graph and distributed graph topologies (MPI 3.1 sections 7.5.3, 7.5.4, 7.5.5):
 * MPI_Graph_create over all ranks and over all but one (that one gets MPI_COMM_NULL), with a self
 * loop and a repeated edge; MPI_Graphdims_get, MPI_Graph_get, MPI_Graph_neighbors(_count) for
 * every node and MPI_Graph_map. MPI_Dist_graph_create with the edges given by other ranks than
 * their ends, weighted and MPI_UNWEIGHTED (MPI_WEIGHTS_EMPTY from ranks that give no edge), and
 * MPI_Dist_graph_create_adjacent: MPI_Dist_graph_neighbors(_count) against the edge list every
 * rank computes (topotest.h). MPI_Comm_dup keeps each topology. Any number of ranks.
 * Usage: mpt_topo_graph */
#include "topotest.h"

static void check_graph(int nnodes)
{
    int *index = tt_malloc((size_t)tc_size * sizeof(int)), *edges = tt_malloc(5u * tc_size * 4);
    int *gi = tt_malloc((size_t)tc_size * sizeof(int)), *ge = tt_malloc(5u * tc_size * 4);
    int nedges = tt_graph(nnodes, index, edges), nn = -1, ne = -1, cnt, st = -1, nr;
    int nb[8];
    MPI_Comm g, dup;

    TC_OK(MPI_Graph_create(MPI_COMM_WORLD, nnodes, index, edges, 0, &g));
    TC_OK(MPI_Graph_map(MPI_COMM_WORLD, nnodes, index, edges, &nr));
    tt_check_map(nr, nnodes, "Graph_map");
    if (tc_rank >= nnodes) {
        TC_CHECK(g == MPI_COMM_NULL, "rank %d is beyond the %d-node graph", tc_rank, nnodes);
        goto out;
    }
    TC_OK(MPI_Comm_dup(g, &dup));
    tt_free(&g);
    TC_OK(MPI_Topo_test(dup, &st));
    TC_CHECK(st == MPI_GRAPH, "Topo_test: %d, expected MPI_GRAPH", st);
    TC_OK(MPI_Graphdims_get(dup, &nn, &ne));
    TC_CHECK(nn == nnodes && ne == nedges, "Graphdims_get: %d %d, expected %d %d", nn, ne, nnodes,
             nedges);
    TC_OK(MPI_Graph_get(dup, nnodes, nedges, gi, ge));
    TC_CHECK(!memcmp(gi, index, (size_t)nnodes * sizeof(int)) &&
                 !memcmp(ge, edges, (size_t)nedges * sizeof(int)),
             "Graph_get differs from what was given");
    for (int r = 0; r < nnodes; r++) {
        int first = r ? index[r - 1] : 0;
        TC_OK(MPI_Graph_neighbors_count(dup, r, &cnt));
        TC_CHECK(cnt == index[r] - first, "Graph_neighbors_count(%d): %d", r, cnt);
        TC_OK(MPI_Graph_neighbors(dup, r, 8, nb));
        TC_CHECK(!memcmp(nb, edges + first, (size_t)cnt * sizeof(int)),
                 "Graph_neighbors(%d) differs", r);
    }
    tt_free(&dup);
out:
    free(index), free(edges), free(gi), free(ge);
}

static int cmp_pair(const void *a, const void *b)
{
    const int *x = a, *y = b;
    return x[0] != y[0] ? (x[0] > y[0]) - (x[0] < y[0]) : (x[1] > y[1]) - (x[1] < y[1]);
}

/* The (neighbour, weight) pairs of this rank's in- (in = 1) or out-edges, sorted. */
static int expected(const struct tt_edge *e, int ne, int in, int *pairs)
{
    int k = 0;
    for (int i = 0; i < ne; i++) {
        if ((in ? e[i].d : e[i].s) != tc_rank)
            continue;
        pairs[2 * k] = in ? e[i].s : e[i].d;
        pairs[2 * k + 1] = tt_weight(e[i].s, e[i].d);
        k++;
    }
    qsort(pairs, (size_t)k, 2 * sizeof(int), cmp_pair);
    return k;
}

/* Check dg's neighbourhood against the edge list, as multisets (the order is the library's). */
static void check_dist(MPI_Comm dg, const struct tt_edge *e, int ne, int weighted)
{
    int nin, nout, w = -1, st = -1, cap = 3 * tc_size + 2;
    int *src = tt_malloc((size_t)cap * 4), *sw = tt_malloc((size_t)cap * 4);
    int *dst = tt_malloc((size_t)cap * 4), *dw = tt_malloc((size_t)cap * 4);
    int *got = tt_malloc((size_t)cap * 8), *want = tt_malloc((size_t)cap * 8);

    TC_OK(MPI_Topo_test(dg, &st));
    TC_CHECK(st == MPI_DIST_GRAPH, "Topo_test: %d, expected MPI_DIST_GRAPH", st);
    TC_OK(MPI_Dist_graph_neighbors_count(dg, &nin, &nout, &w));
    TC_CHECK(!w == !weighted, "weighted: %d, expected %d", w, weighted);
    for (int i = 0; i < cap; i++)
        sw[i] = dw[i] = -1;
    TC_OK(MPI_Dist_graph_neighbors(dg, nin, src, weighted ? sw : tt_w(MPI_UNWEIGHTED), nout, dst,
                                   weighted ? dw : tt_w(MPI_UNWEIGHTED)));
    for (int side = 0; side < 2; side++) {
        int n = side ? nout : nin, nw = expected(e, ne, !side, want);
        int *ends = side ? dst : src, *wts = side ? dw : sw;
        TC_CHECK(n == nw, "%s-degree %d, expected %d", side ? "out" : "in", n, nw);
        /* unweighted: stand in the weight the edge list gives, to compare ends only */
        for (int i = 0; i < n; i++) {
            got[2 * i] = ends[i];
            got[2 * i + 1] =
                weighted ? wts[i] : tt_weight(side ? tc_rank : ends[i], side ? ends[i] : tc_rank);
        }
        qsort(got, (size_t)n, 2 * sizeof(int), cmp_pair);
        TC_CHECK(!memcmp(got, want, (size_t)n * 2 * sizeof(int)),
                 "%s-neighbours or weights differ from the edge list", side ? "out" : "in");
    }
    free(src), free(sw), free(dst), free(dw), free(got), free(want);
}

/* MPI_Dist_graph_create: this rank gives edges k with tt_giver(k) == its rank, consecutive
 * edges from one source as one entry with a degree above 1. */
static void general(const struct tt_edge *e, int ne, int weighted)
{
    int *srcs = tt_malloc((size_t)ne * 4), *deg = tt_malloc((size_t)ne * 4);
    int *dsts = tt_malloc((size_t)ne * 4), *wts = tt_malloc((size_t)ne * 4), n = 0, m = 0;
    MPI_Comm dg, dup;

    for (int k = 0; k < ne; k++) {
        if (tt_giver(k, tc_size) != tc_rank)
            continue;
        if (n > 0 && srcs[n - 1] == e[k].s) {
            deg[n - 1]++;
        } else {
            srcs[n] = e[k].s;
            deg[n++] = 1;
        }
        dsts[m] = e[k].d;
        wts[m++] = tt_weight(e[k].s, e[k].d);
    }
    TC_OK(MPI_Dist_graph_create(MPI_COMM_WORLD, n, srcs, deg, dsts,
                                !weighted ? tt_w(MPI_UNWEIGHTED)
                                : m       ? wts
                                          : tt_w(MPI_WEIGHTS_EMPTY),
                                MPI_INFO_NULL, 0, &dg));
    check_dist(dg, e, ne, weighted);
    TC_OK(MPI_Comm_dup(dg, &dup));
    tt_free(&dg);
    check_dist(dup, e, ne, weighted);
    tt_free(&dup);
    free(srcs), free(deg), free(dsts), free(wts);
}

static void adjacent(const struct tt_edge *e, int ne, int weighted)
{
    int *in = tt_malloc((size_t)ne * 4), *inw = tt_malloc((size_t)ne * 4);
    int *out = tt_malloc((size_t)ne * 4), *outw = tt_malloc((size_t)ne * 4), ni = 0, no = 0;
    MPI_Comm dg;

    for (int k = 0; k < ne; k++) {
        if (e[k].d == tc_rank)
            in[ni] = e[k].s, inw[ni++] = tt_weight(e[k].s, e[k].d);
        if (e[k].s == tc_rank)
            out[no] = e[k].d, outw[no++] = tt_weight(e[k].s, e[k].d);
    }
    TC_OK(MPI_Dist_graph_create_adjacent(MPI_COMM_WORLD, ni, in,
                                         !weighted ? tt_w(MPI_UNWEIGHTED)
                                         : ni      ? inw
                                                   : tt_w(MPI_WEIGHTS_EMPTY),
                                         no, out,
                                         !weighted ? tt_w(MPI_UNWEIGHTED)
                                         : no      ? outw
                                                   : tt_w(MPI_WEIGHTS_EMPTY),
                                         MPI_INFO_NULL, 0, &dg));
    check_dist(dg, e, ne, weighted);
    /* the adjacent form keeps the order given */
    int nin, nout, w, *s2 = tt_malloc((size_t)ne * 4), *d2 = tt_malloc((size_t)ne * 4);
    TC_OK(MPI_Dist_graph_neighbors_count(dg, &nin, &nout, &w));
    TC_OK(MPI_Dist_graph_neighbors(dg, nin, s2, tt_w(MPI_UNWEIGHTED), nout, d2,
                                   tt_w(MPI_UNWEIGHTED)));
    TC_CHECK(!memcmp(s2, in, (size_t)ni * 4) && !memcmp(d2, out, (size_t)no * 4),
             "Dist_graph_neighbors: not in the order given to Dist_graph_create_adjacent");
    tt_free(&dg);
    free(in), free(inw), free(out), free(outw), free(s2), free(d2);
}

int main(int argc, char **argv)
{
    struct tt_edge *e;
    int ne;

    tc_init(&argc, &argv, "graph");
    check_graph(tc_size);
    if (tc_size > 1)
        check_graph(tc_size - 1);
    e = tt_malloc((size_t)(3 * tc_size + 2) * sizeof(*e));
    ne = tt_edges(tc_size, e);
    for (int weighted = 0; weighted < 2; weighted++) {
        general(e, ne, weighted);
        adjacent(e, ne, weighted);
    }
    free(e);
    tt_done("graph topologies");
    return 0;
}
