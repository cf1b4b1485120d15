/*
 * Virtual topologies (runtime/comm/topo*.c): the arithmetic that needs no processes.
 * MPI_Dims_create's balancing against the standard's examples and an exhaustive reference,
 * Cartesian rank/coordinate round trips and shifts against arithmetic written out here, the
 * split of MPI_Cart_sub, graph and distributed graph neighbourhoods, and deep copies.
 */
#include "comm/topo.h"
#include "core/errcode.h"

#include <check.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- MPI_Dims_create ---- */

static void dims_expect(int nnodes, int ndims, const int *given, const int *want)
{
    int dims[8];

    memcpy(dims, given, (size_t)ndims * sizeof(int));
    ck_assert_int_eq(mpr_topo_dims_create(nnodes, ndims, dims), 0);
    for (int i = 0; i < ndims; i++) {
        ck_assert_msg(dims[i] == want[i], "Dims_create(%d, %d): dims[%d] = %d, want %d", nnodes,
                      ndims, i, dims[i], want[i]);
    }
}

/* The table of MPI 3.1 section 7.5.2, Example 7.1. */
START_TEST(test_dims_standard_examples)
{
    dims_expect(6, 2, (int[]){0, 0}, (int[]){3, 2});
    dims_expect(7, 2, (int[]){0, 0}, (int[]){7, 1});
    dims_expect(6, 3, (int[]){0, 3, 0}, (int[]){2, 3, 1});

    int dims[3] = {0, 3, 0};
    ck_assert_int_eq(mpr_topo_dims_create(7, 3, dims), -MPR_ERR_ARG);
    ck_assert_int_eq(dims[0], 0); /* untouched on error */
    ck_assert_int_eq(dims[1], 3);
    ck_assert_int_eq(dims[2], 0);
}
END_TEST

START_TEST(test_dims_small_cases)
{
    dims_expect(1, 3, (int[]){0, 0, 0}, (int[]){1, 1, 1});
    dims_expect(12, 2, (int[]){0, 0}, (int[]){4, 3});
    dims_expect(16, 2, (int[]){0, 0}, (int[]){4, 4});
    dims_expect(16, 3, (int[]){0, 0, 0}, (int[]){4, 2, 2});
    dims_expect(24, 3, (int[]){0, 0, 0}, (int[]){4, 3, 2});
    dims_expect(30, 1, (int[]){0}, (int[]){30});
    dims_expect(8, 3, (int[]){2, 2, 2}, (int[]){2, 2, 2}); /* nothing free */
    dims_expect(12, 3, (int[]){0, 2, 0}, (int[]){3, 2, 2});
    dims_expect(1, 0, (int[]){0}, (int[]){0});
    /* a greedy split of the prime factors would give 6 x 6 x 2 = 72 (spread 4), not 6 x 4 x 3 */
    dims_expect(72, 3, (int[]){0, 0, 0}, (int[]){6, 4, 3});

    int dims[2] = {5, 0};
    ck_assert_int_eq(mpr_topo_dims_create(12, 2, dims), -MPR_ERR_ARG);
    /* nothing free: the fixed entries must be the whole of nnodes */
    int full[2] = {2, 2};
    ck_assert_int_eq(mpr_topo_dims_create(8, 2, full), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_topo_dims_create(4, 0, full), -MPR_ERR_ARG);
    int big[3] = {INT_MAX, INT_MAX, 0}; /* the product overflows an int */
    ck_assert_int_eq(mpr_topo_dims_create(INT_MAX, 3, big), -MPR_ERR_ARG);
}
END_TEST

/* The smallest spread (largest - smallest) of any non-increasing k-tuple multiplying to rem. */
static void brute(int rem, int left, int maxf, int top, int last, int *best)
{
    if (left == 0) {
        if (rem == 1 && top - last < *best) {
            *best = top - last;
        }
        return;
    }
    for (int d = 1; d <= maxf && d <= rem; d++) {
        if (rem % d == 0) {
            brute(rem / d, left - 1, d, top ? top : d, d, best);
        }
    }
}

/* Check dims_create(nnodes, given) against the exhaustive search over its free entries. */
static void dims_check(int nnodes, int ndims, const int *given)
{
    int dims[8], free_p = nnodes, k = 0, prev = INT_MAX, hi = 0, lo = INT_MAX, best = INT_MAX;
    long long prod = 1;

    memcpy(dims, given, (size_t)ndims * sizeof(int));
    ck_assert_int_eq(mpr_topo_dims_create(nnodes, ndims, dims), 0);
    for (int i = 0; i < ndims; i++) {
        prod *= dims[i];
        if (given[i] != 0) {
            ck_assert_int_eq(dims[i], given[i]);
            free_p /= given[i];
            continue;
        }
        ck_assert_msg(dims[i] >= 1 && dims[i] <= prev, "nnodes %d: dims[%d] = %d after %d", nnodes,
                      i, dims[i], prev);
        prev = dims[i];
        hi = dims[i] > hi ? dims[i] : hi;
        lo = dims[i] < lo ? dims[i] : lo;
        k++;
    }
    ck_assert_msg(prod == nnodes, "nnodes %d, ndims %d: product %lld", nnodes, ndims, prod);
    if (k > 0) {
        brute(free_p, k, free_p, 0, 0, &best);
        ck_assert_msg(hi - lo == best, "nnodes %d, ndims %d: spread %d, best %d", nnodes, ndims,
                      hi - lo, best);
    }
}

static int smallest_prime(int n)
{
    for (int q = 2; q * q <= n; q++) {
        if (n % q == 0) {
            return q;
        }
    }
    return n;
}

START_TEST(test_dims_against_brute_force)
{
    for (int n = 1; n <= 400; n++) {
        for (int ndims = 1; ndims <= 5; ndims++) {
            int zeros[5] = {0};
            dims_check(n, ndims, zeros);
            if (ndims >= 2) {
                int one_fixed[5] = {0, smallest_prime(n), 0, 0, 0};
                dims_check(n, ndims, one_fixed);
                int last_fixed[5] = {0};
                last_fixed[ndims - 1] = n % 2 == 0 ? 2 : 1;
                dims_check(n, ndims, last_fixed);
            }
        }
    }
}
END_TEST

/* Large inputs finish quickly and still multiply out, in non-increasing order. */
START_TEST(test_dims_large)
{
    static const int ns[] = {2095133040, 1 << 30, INT_MAX, 735134400, 2 * 3 * 5 * 7 * 11 * 13 * 17};
    int dims[40];

    for (size_t a = 0; a < sizeof(ns) / sizeof(ns[0]); a++) {
        for (int k = 1; k <= 40; k += (k < 12 ? 1 : 7)) {
            long long prod = 1;
            memset(dims, 0, sizeof(dims));
            ck_assert_int_eq(mpr_topo_dims_create(ns[a], k, dims), 0);
            for (int i = 0; i < k; i++) {
                prod *= dims[i];
                ck_assert(dims[i] >= 1);
                ck_assert(i == 0 || dims[i] <= dims[i - 1]);
            }
            ck_assert_msg(prod == ns[a], "nnodes %d, %d dims: product %lld", ns[a], k, prod);
        }
    }
    memset(dims, 0, sizeof(dims));
    ck_assert_int_eq(mpr_topo_dims_create(1 << 30, 2, dims), 0);
    ck_assert_int_eq(dims[0], 1 << 15);
    ck_assert_int_eq(dims[1], 1 << 15);
    memset(dims, 0, sizeof(dims));
    ck_assert_int_eq(mpr_topo_dims_create(1 << 30, 40, dims), 0);
    for (int i = 0; i < 40; i++) {
        ck_assert_int_eq(dims[i], i < 30 ? 2 : 1);
    }
}
END_TEST

/* ---- Cartesian grids ---- */

struct grid {
    int ndims;
    int dims[4];
    int periods[4];
};

static const struct grid grids[] = {
    {1, {5}, {0}},
    {1, {5}, {1}},
    {1, {1}, {1}},
    {1, {2}, {1}},
    {2, {3, 4}, {0, 1}},
    {2, {2, 1}, {1, 1}},
    {3, {2, 3, 4}, {1, 0, 1}},
    {4, {2, 2, 3, 1}, {0, 1, 0, 1}},
    {0, {0}, {0}},
};
#define NGRIDS (sizeof(grids) / sizeof(grids[0]))

static struct mpr_topo *grid_topo(const struct grid *g, int rank)
{
    struct mpr_topo *t = NULL;

    ck_assert_int_eq(mpr_topo_cart_new(g->ndims, g->dims, g->periods, rank, &t), 0);
    ck_assert_ptr_nonnull(t);
    return t;
}

START_TEST(test_cart_rank_coords)
{
    for (size_t gi = 0; gi < NGRIDS; gi++) {
        const struct grid *g = &grids[gi];
        int n = mpr_topo_cart_size(g->ndims, g->dims);
        for (int r = 0; r < n; r++) {
            struct mpr_topo *t = grid_topo(g, r);
            int c[4], lin = 0, moved[4];
            mpr_topo_cart_coords(t, r, c);
            for (int i = 0; i < g->ndims; i++) {
                ck_assert(c[i] >= 0 && c[i] < g->dims[i]);
                ck_assert_int_eq(t->coords[i], c[i]);
                lin = lin * g->dims[i] + c[i]; /* row-major, written out */
            }
            ck_assert_int_eq(lin, r);
            ck_assert_int_eq(mpr_topo_cart_rank(t, c), r);
            /* periodic coordinates wrap, by any number of laps either way */
            for (int i = 0; i < g->ndims; i++) {
                moved[i] = g->periods[i] ? c[i] + (i % 2 ? -3 : 7) * g->dims[i] : c[i];
            }
            ck_assert_int_eq(mpr_topo_cart_rank(t, moved), r);
            mpr_topo_free(t);
        }
    }
}
END_TEST

/* The neighbour at disp along d of the rank at c, by the definition. */
static int shift_ref(const struct grid *g, const int *c, int d, long long disp)
{
    long long x = c[d] + disp;
    int rank = 0;

    if (g->periods[d]) {
        x = ((x % g->dims[d]) + g->dims[d]) % g->dims[d];
    } else if (x < 0 || x >= g->dims[d]) {
        return MPI_PROC_NULL;
    }
    for (int i = 0; i < g->ndims; i++) {
        rank = rank * g->dims[i] + (i == d ? (int)x : c[i]);
    }
    return rank;
}

START_TEST(test_cart_shift)
{
    static const int disps[] = {0, 1, -1, 2, -2, 3, 5, -7, 11, 1000001, INT_MAX, -INT_MAX, INT_MIN};

    for (size_t gi = 0; gi < NGRIDS; gi++) {
        const struct grid *g = &grids[gi];
        int n = mpr_topo_cart_size(g->ndims, g->dims);
        for (int r = 0; r < n; r++) {
            struct mpr_topo *t = grid_topo(g, r);
            for (int d = 0; d < g->ndims; d++) {
                for (size_t k = 0; k < sizeof(disps) / sizeof(disps[0]); k++) {
                    int src, dst;
                    mpr_topo_cart_shift(t, d, disps[k], &src, &dst);
                    ck_assert_int_eq(dst, shift_ref(g, t->coords, d, disps[k]));
                    ck_assert_int_eq(src, shift_ref(g, t->coords, d, -(long long)disps[k]));
                }
            }
            mpr_topo_free(t);
        }
    }
}
END_TEST

/* Every rank's neighbour list: per dimension -1 then +1, both sides the same. */
START_TEST(test_cart_neighbors)
{
    for (size_t gi = 0; gi < NGRIDS; gi++) {
        const struct grid *g = &grids[gi];
        int n = mpr_topo_cart_size(g->ndims, g->dims);
        for (int r = 0; r < n; r++) {
            struct mpr_topo *t = grid_topo(g, r);
            int indeg, outdeg, in[8], out[8];
            mpr_topo_degrees(t, r, &indeg, &outdeg);
            ck_assert_int_eq(indeg, 2 * g->ndims);
            ck_assert_int_eq(outdeg, 2 * g->ndims);
            mpr_topo_neighbors(t, r, in, out);
            for (int d = 0; d < g->ndims; d++) {
                ck_assert_int_eq(in[2 * d], shift_ref(g, t->coords, d, -1));
                ck_assert_int_eq(in[2 * d + 1], shift_ref(g, t->coords, d, 1));
                ck_assert_int_eq(out[2 * d], in[2 * d]);
                ck_assert_int_eq(out[2 * d + 1], in[2 * d + 1]);
            }
            mpr_topo_free(t);
        }
    }
}
END_TEST

/* Cart_sub: same color exactly when the dropped coordinates agree; key orders the kept ones. */
START_TEST(test_cart_sub)
{
    const struct grid *g = &grids[6]; /* 2 x 3 x 4 */
    static const int remains[][3] = {{1, 0, 0}, {0, 1, 1}, {1, 0, 1}, {0, 0, 0}, {1, 1, 1}};

    for (size_t k = 0; k < sizeof(remains) / sizeof(remains[0]); k++) {
        const int *rem = remains[k];
        for (int a = 0; a < 24; a++) {
            struct mpr_topo *ta = grid_topo(g, a), *sub = NULL;
            int ca, ka;
            mpr_topo_cart_sub_split(ta, rem, &ca, &ka);
            ck_assert_int_eq(mpr_topo_cart_sub_new(ta, rem, &sub), 0);
            ck_assert_int_eq(sub->ndims, rem[0] + rem[1] + rem[2]);
            /* the sub-grid coordinates of a are its kept coordinates, its rank the key */
            for (int i = 0, j = 0; i < 3; i++) {
                if (rem[i]) {
                    ck_assert_int_eq(sub->dims[j], g->dims[i]);
                    ck_assert_int_eq(sub->periods[j], g->periods[i]);
                    ck_assert_int_eq(sub->coords[j++], ta->coords[i]);
                }
            }
            ck_assert_int_eq(mpr_topo_cart_rank(sub, sub->coords), ka);
            for (int b = 0; b < 24; b++) {
                struct mpr_topo *tb = grid_topo(g, b);
                int cb, kb, same = 1;
                mpr_topo_cart_sub_split(tb, rem, &cb, &kb);
                for (int i = 0; i < 3; i++) {
                    same &= rem[i] || ta->coords[i] == tb->coords[i];
                }
                ck_assert_int_eq(ca == cb, same);
                ck_assert(!same || (a < b) == (ka < kb) || a == b);
                mpr_topo_free(tb);
            }
            mpr_topo_free(sub);
            mpr_topo_free(ta);
        }
    }
}
END_TEST

START_TEST(test_map)
{
    ck_assert_int_eq(mpr_topo_map(0, 1), 0);
    ck_assert_int_eq(mpr_topo_map(3, 4), 3);
    ck_assert_int_eq(mpr_topo_map(4, 4), MPI_UNDEFINED);
    ck_assert_int_eq(mpr_topo_map(0, 0), MPI_UNDEFINED);
}
END_TEST

/* ---- graphs ---- */

START_TEST(test_graph)
{
    /* MPI 3.1 Example 7.2: 4 nodes; with a self loop and a repeated edge added on node 3 */
    int index[4] = {2, 3, 4, 8}, edges[8] = {1, 3, 0, 3, 0, 2, 3, 2};
    struct mpr_topo *t = NULL, *d;
    int in[4], out[4], indeg, outdeg;

    ck_assert_int_eq(mpr_topo_graph_new(4, index, edges, &t), 0);
    index[0] = 99; /* the topology holds a copy */
    ck_assert_int_eq(t->kind, MPI_GRAPH);
    ck_assert_int_eq(mpr_topo_graph_degree(t, 0), 2);
    ck_assert_int_eq(mpr_topo_graph_degree(t, 1), 1);
    ck_assert_int_eq(mpr_topo_graph_degree(t, 3), 4);
    ck_assert_int_eq(mpr_topo_graph_adj(t, 1)[0], 0);
    d = mpr_topo_dup(t);
    mpr_topo_free(t);
    mpr_topo_degrees(d, 3, &indeg, &outdeg);
    ck_assert_int_eq(indeg, 4);
    ck_assert_int_eq(outdeg, 4);
    mpr_topo_neighbors(d, 3, in, out);
    ck_assert_mem_eq(in, ((int[]){0, 2, 3, 2}), 4 * sizeof(int));
    ck_assert_mem_eq(out, in, 4 * sizeof(int));
    mpr_topo_free(d);

    ck_assert_int_eq(mpr_topo_graph_new(0, NULL, NULL, &t), 0); /* an empty graph */
    ck_assert_int_eq(t->nnodes, 0);
    d = mpr_topo_dup(t);
    ck_assert_ptr_nonnull(d);
    mpr_topo_free(d);
    mpr_topo_free(t);
}
END_TEST

START_TEST(test_dist_graph)
{
    int src[3] = {4, 1, 4}, sw[3] = {7, 0, 9}, dst[2] = {2, 2}, dw[2] = {1, 2};
    struct mpr_dist_adj a = {3, 2, src, sw, dst, dw, 1};
    struct mpr_topo *t = NULL, *d;
    int in[3], out[2], indeg, outdeg;

    ck_assert_int_eq(mpr_topo_dist_graph_new(&a, &t), 0);
    src[0] = -5; /* copied */
    d = mpr_topo_dup(t);
    mpr_topo_free(t);
    ck_assert_int_eq(d->kind, MPI_DIST_GRAPH);
    ck_assert_int_eq(d->weighted, 1);
    mpr_topo_degrees(d, 0, &indeg, &outdeg);
    ck_assert_int_eq(indeg, 3);
    ck_assert_int_eq(outdeg, 2);
    mpr_topo_neighbors(d, 0, in, out);
    ck_assert_mem_eq(in, ((int[]){4, 1, 4}), sizeof(in));
    ck_assert_mem_eq(out, dst, sizeof(out));
    ck_assert_mem_eq(d->sourceweights, sw, sizeof(sw));
    ck_assert_mem_eq(d->destweights, dw, sizeof(dw));
    mpr_topo_free(d);

    struct mpr_dist_adj u = {0, 1, NULL, NULL, dst, NULL, 0};
    ck_assert_int_eq(mpr_topo_dist_graph_new(&u, &t), 0);
    ck_assert_int_eq(t->weighted, 0);
    ck_assert_ptr_null(t->destweights);
    d = mpr_topo_dup(t);
    ck_assert_int_eq(d->destinations[0], 2);
    mpr_topo_free(d);
    mpr_topo_free(t);
}
END_TEST

START_TEST(test_cart_dup)
{
    struct mpr_topo *t = grid_topo(&grids[6], 17), *d = mpr_topo_dup(t);

    ck_assert_ptr_nonnull(d);
    ck_assert_ptr_ne(d->dims, t->dims);
    ck_assert_mem_eq(d->dims, t->dims, 3 * sizeof(int));
    ck_assert_mem_eq(d->periods, t->periods, 3 * sizeof(int));
    ck_assert_mem_eq(d->coords, t->coords, 3 * sizeof(int));
    mpr_topo_free(t);
    mpr_topo_free(d);
    mpr_topo_free(NULL);

    t = grid_topo(&grids[8], 0); /* zero dimensions */
    d = mpr_topo_dup(t);
    ck_assert_int_eq(d->ndims, 0);
    ck_assert_int_eq(mpr_topo_cart_rank(d, NULL), 0);
    mpr_topo_free(t);
    mpr_topo_free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("topo");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, test_dims_standard_examples);
    tcase_add_test(tc, test_dims_small_cases);
    tcase_add_test(tc, test_dims_against_brute_force);
    tcase_add_test(tc, test_dims_large);
    tcase_add_test(tc, test_cart_rank_coords);
    tcase_add_test(tc, test_cart_shift);
    tcase_add_test(tc, test_cart_neighbors);
    tcase_add_test(tc, test_cart_sub);
    tcase_add_test(tc, test_map);
    tcase_add_test(tc, test_graph);
    tcase_add_test(tc, test_dist_graph);
    tcase_add_test(tc, test_cart_dup);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
