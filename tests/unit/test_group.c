/*
 * Process groups (runtime/comm/group.c): the algebra of MPI 3.1 section 6.3 against a reference
 * written straight from the standard's wording (quadratic, obviously right), on random groups of
 * random sizes over many seeds; translation, comparison, reference counting, and a size where a
 * quadratic implementation would time out.
 */
#include "comm/comm.h"
#include "comm/group.h"
#include "core/state.h"

#include <check.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SEEDS 400
#define WORLD_MAX 200

/* A group as the test sees it: world ranks in group order. */
struct ref {
    int n;
    int *w;
};

static uint64_t rng_state;

static void rng_seed(uint64_t seed)
{
    rng_state = seed * 0x9e3779b97f4a7c15ull + 1;
}

static unsigned rnd(unsigned bound)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return bound ? (unsigned)(rng_state % bound) : 0;
}

static struct ref ref_alloc(int n)
{
    struct ref r = {n, malloc((size_t)(n > 0 ? n : 1) * sizeof(int))};

    ck_assert_ptr_nonnull(r.w);
    return r;
}

/* Distinct values 0..bound-1, a random n of them in random order. */
static struct ref ref_random(int bound, int n)
{
    struct ref all = ref_alloc(bound);

    for (int i = 0; i < bound; i++) {
        all.w[i] = i;
    }
    for (int i = 0; i < bound - 1; i++) {
        int j = i + (int)rnd((unsigned)(bound - i));
        int t = all.w[i];

        all.w[i] = all.w[j];
        all.w[j] = t;
    }
    all.n = n;
    return all;
}

static int ref_find(const struct ref *r, int w)
{
    for (int i = 0; i < r->n; i++) {
        if (r->w[i] == w) {
            return i;
        }
    }
    return -1;
}

static struct mpr_group *group_of(const struct ref *r)
{
    struct mpr_group *g = NULL;

    ck_assert_int_eq(mpr_group_new(r->n, r->w, &g), 0);
    return g;
}

/* g is exactly r: members in order, this process's rank, the empty group shared. */
static void assert_group(const struct mpr_group *g, const struct ref *r)
{
    ck_assert(mpr_group_valid(g));
    ck_assert_int_eq(g->size, r->n);
    if (r->n == 0) {
        ck_assert_ptr_eq(g, &mpr_mpi_group_empty);
        return;
    }
    for (int i = 0; i < r->n; i++) {
        ck_assert_int_eq(g->world_ranks[i], r->w[i]);
    }
    int me = ref_find(r, mpr_state.rank);
    ck_assert_int_eq(g->rank, me < 0 ? MPI_UNDEFINED : me);
}

/* A random world, this process somewhere in it, and two random groups of it. */
static void random_world(int seed, struct ref *a, struct ref *b)
{
    int world;

    rng_seed((uint64_t)seed);
    world = 1 + (int)rnd(seed % 4 == 0 ? 8 : WORLD_MAX);
    mpr_state.size = world;
    mpr_state.rank = (int)rnd((unsigned)world);
    *a = ref_random(world, (int)rnd((unsigned)world + 1));
    *b = ref_random(world, (int)rnd((unsigned)world + 1));
    /* Some pairs share a lot: the same group, or one a prefix of the other. */
    if (seed % 7 == 0) {
        b->n = a->n;
        memcpy(b->w, a->w, (size_t)a->n * sizeof(int));
    }
}

/* The standard's definitions, element by element. */
static struct ref ref_union(const struct ref *a, const struct ref *b)
{
    struct ref r = ref_alloc(a->n + b->n);

    r.n = 0;
    for (int i = 0; i < a->n; i++) {
        r.w[r.n++] = a->w[i];
    }
    for (int i = 0; i < b->n; i++) {
        if (ref_find(a, b->w[i]) < 0) {
            r.w[r.n++] = b->w[i];
        }
    }
    return r;
}

static struct ref ref_filter(const struct ref *a, const struct ref *b, int in_b)
{
    struct ref r = ref_alloc(a->n);

    r.n = 0;
    for (int i = 0; i < a->n; i++) {
        if ((ref_find(b, a->w[i]) >= 0) == in_b) {
            r.w[r.n++] = a->w[i];
        }
    }
    return r;
}

START_TEST(test_algebra_random)
{
    for (int seed = 1; seed <= SEEDS; seed++) {
        struct ref a, b, u, x, d;
        struct mpr_group *ga, *gb, *g;

        random_world(seed, &a, &b);
        ga = group_of(&a);
        gb = group_of(&b);
        assert_group(ga, &a);
        u = ref_union(&a, &b);
        x = ref_filter(&a, &b, 1);
        d = ref_filter(&a, &b, 0);
        ck_assert_int_eq(mpr_group_union(ga, gb, &g), 0);
        assert_group(g, &u);
        mpr_group_release(g);
        ck_assert_int_eq(mpr_group_intersection(ga, gb, &g), 0);
        assert_group(g, &x);
        mpr_group_release(g);
        ck_assert_int_eq(mpr_group_difference(ga, gb, &g), 0);
        assert_group(g, &d);
        mpr_group_release(g);
        mpr_group_release(ga);
        mpr_group_release(gb);
        free(a.w), free(b.w), free(u.w), free(x.w), free(d.w);
    }
}
END_TEST

/* The standard's wording on the empty group and on a group with itself. */
START_TEST(test_algebra_edges)
{
    struct ref a;
    struct mpr_group *ga, *e = &mpr_mpi_group_empty, *g;

    rng_seed(99);
    mpr_state.size = 10;
    mpr_state.rank = 3;
    a = ref_random(10, 6);
    ga = group_of(&a);
    ck_assert_int_eq(mpr_group_union(ga, e, &g), 0);
    assert_group(g, &a);
    mpr_group_release(g);
    ck_assert_int_eq(mpr_group_union(e, ga, &g), 0);
    assert_group(g, &a);
    mpr_group_release(g);
    ck_assert_int_eq(mpr_group_union(ga, ga, &g), 0);
    assert_group(g, &a);
    mpr_group_release(g);
    ck_assert_int_eq(mpr_group_intersection(ga, ga, &g), 0);
    assert_group(g, &a);
    mpr_group_release(g);
    ck_assert_int_eq(mpr_group_difference(ga, ga, &g), 0);
    ck_assert_ptr_eq(g, e);
    ck_assert_int_eq(mpr_group_intersection(ga, e, &g), 0);
    ck_assert_ptr_eq(g, e);
    ck_assert_int_eq(mpr_group_union(e, e, &g), 0);
    ck_assert_ptr_eq(g, e);
    ck_assert_int_eq(mpr_group_new(0, NULL, &g), 0);
    ck_assert_ptr_eq(g, e);
    mpr_group_release(ga);
    free(a.w);
}
END_TEST

START_TEST(test_incl_excl_random)
{
    for (int seed = 1; seed <= SEEDS; seed++) {
        struct ref a, b, pick, want;
        struct mpr_group *ga, *g;
        int k;

        random_world(seed, &a, &b);
        ga = group_of(&a);
        pick = ref_random(a.n, (int)rnd((unsigned)a.n + 1)); /* distinct ranks of a */
        want = ref_alloc(a.n);
        want.n = pick.n;
        for (int i = 0; i < pick.n; i++) {
            want.w[i] = a.w[pick.w[i]];
        }
        ck_assert_int_eq(mpr_group_incl(ga, pick.n, pick.w, &g), 0);
        assert_group(g, &want);
        mpr_group_release(g);
        /* excl keeps the others in a's order */
        k = 0;
        for (int r = 0; r < a.n; r++) {
            if (ref_find(&pick, r) < 0) {
                want.w[k++] = a.w[r];
            }
        }
        want.n = k;
        ck_assert_int_eq(mpr_group_excl(ga, pick.n, pick.w, &g), 0);
        assert_group(g, &want);
        mpr_group_release(g);
        mpr_group_release(ga);
        free(a.w), free(b.w), free(pick.w), free(want.w);
    }
}
END_TEST

/*
 * A valid triplet in a group of size n that computes no rank marked in `used`: a random first,
 * stride and count, and a last anywhere between the last computed rank and the next one, as the
 * standard allows. 0 when the random pick overlaps or leaves the group.
 */
static int random_triplet(int n, const char *used, int t[3])
{
    int first = (int)rnd((unsigned)n);
    int stride = 1 + (int)rnd(4);
    int count = 1 + (int)rnd(6);
    int end;

    if (rnd(2)) {
        stride = -stride;
    }
    end = first + (count - 1) * stride;
    if (end < 0 || end >= n) {
        return 0;
    }
    for (int r = first;; r += stride) {
        if (used[r]) {
            return 0;
        }
        if (r == end) {
            break;
        }
    }
    t[0] = first;
    t[1] = end + (stride > 0 ? 1 : -1) * (int)rnd((unsigned)abs(stride));
    t[2] = stride;
    return 1;
}

/* The ranks of the triplets as the standard writes them: first + i * stride, i = 0..floor(). */
static struct ref ref_expand(int n, int (*ranges)[3], int size)
{
    struct ref r = ref_alloc(size);

    r.n = 0;
    for (int i = 0; i < n; i++) {
        int q = (ranges[i][1] - ranges[i][0]) / ranges[i][2]; /* same sign: C's / is floor */

        for (int j = 0; j <= q; j++) {
            r.w[r.n++] = ranges[i][0] + j * ranges[i][2];
        }
    }
    return r;
}

START_TEST(test_ranges_random)
{
    for (int seed = 1; seed <= SEEDS; seed++) {
        struct ref a, b, ranks;
        struct mpr_group *ga, *gi, *gr;
        int ranges[16][3], n = 0;
        char *used;

        random_world(seed, &a, &b);
        ga = group_of(&a);
        used = calloc((size_t)a.n + 1, 1);
        for (int tries = 0; a.n > 0 && tries < 40 && n < 16; tries++) {
            if (random_triplet(a.n, used, ranges[n])) {
                ck_assert_int_eq(mpr_group_range_count(ranges[n]),
                                 abs(ranges[n][1] - ranges[n][0]) / abs(ranges[n][2]) + 1);
                for (long long j = 0; j < mpr_group_range_count(ranges[n]); j++) {
                    used[ranges[n][0] + j * ranges[n][2]] = 1;
                }
                n++;
            }
        }
        ranks = ref_expand(n, ranges, a.n);
        /* range_incl/excl are incl/excl of the expanded list, by definition */
        ck_assert_int_eq(mpr_group_range_incl(ga, n, (const int(*)[3])ranges, &gr), 0);
        ck_assert_int_eq(mpr_group_incl(ga, ranks.n, ranks.w, &gi), 0);
        ck_assert_int_eq(gr->size, ranks.n);
        ck_assert_int_eq(gr->size, gi->size);
        for (int i = 0; i < ranks.n; i++) {
            ck_assert_int_eq(gr->world_ranks[i], a.w[ranks.w[i]]);
        }
        ck_assert_int_eq(gr->rank, gi->rank);
        mpr_group_release(gr);
        mpr_group_release(gi);
        ck_assert_int_eq(mpr_group_range_excl(ga, n, (const int(*)[3])ranges, &gr), 0);
        ck_assert_int_eq(mpr_group_excl(ga, ranks.n, ranks.w, &gi), 0);
        ck_assert_int_eq(gr->size, a.n - ranks.n);
        ck_assert_int_eq(gr->size, gi->size);
        for (int i = 0; i < gr->size; i++) {
            ck_assert_int_eq(gr->world_ranks[i], gi->world_ranks[i]);
        }
        mpr_group_release(gr);
        mpr_group_release(gi);
        mpr_group_release(ga);
        free(used), free(a.w), free(b.w), free(ranks.w);
    }
}
END_TEST

/* Counts of extreme triplets: no overflow, 0 for the ones that compute nothing. */
START_TEST(test_range_count)
{
    static const struct {
        int t[3];
        long long count;
    } cases[] = {
        {{0, 0, 1}, 1},
        {{0, 0, -1}, 1},
        {{5, 5, INT_MAX}, 1},
        {{0, 9, 3}, 4},
        {{0, 10, 3}, 4},
        {{0, 11, 3}, 4},
        {{0, 12, 3}, 5},
        {{9, 0, -3}, 4},
        {{9, -1, -3}, 4},
        {{9, -3, -3}, 5},
        {{0, 5, -1}, 0},
        {{5, 0, 1}, 0},
        {{0, 5, 0}, 0},
        {{INT_MIN, INT_MAX, 1}, 4294967296ll},
        {{INT_MAX, INT_MIN, -1}, 4294967296ll},
        {{INT_MIN, INT_MAX, INT_MAX}, 3},
        {{0, INT_MAX, INT_MAX}, 2},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        ck_assert_int_eq(mpr_group_range_count(cases[i].t), cases[i].count);
    }
}
END_TEST

START_TEST(test_translate_random)
{
    for (int seed = 1; seed <= SEEDS; seed++) {
        struct ref a, b;
        struct mpr_group *ga, *gb;
        int n, *in, *out;

        random_world(seed, &a, &b);
        ga = group_of(&a);
        gb = group_of(&b);
        n = a.n > 0 ? (int)rnd(2 * (unsigned)a.n + 1) : (int)rnd(3);
        in = malloc((size_t)(n + 1) * sizeof(int));
        out = malloc((size_t)(n + 1) * sizeof(int));
        for (int i = 0; i < n; i++) { /* repeats are fine here; some MPI_PROC_NULL */
            in[i] = a.n == 0 || rnd(8) == 0 ? MPI_PROC_NULL : (int)rnd((unsigned)a.n);
        }
        ck_assert_int_eq(mpr_group_translate(ga, n, in, gb, out), 0);
        for (int i = 0; i < n; i++) {
            int want = MPI_PROC_NULL;

            if (in[i] != MPI_PROC_NULL) {
                want = ref_find(&b, a.w[in[i]]);
                want = want < 0 ? MPI_UNDEFINED : want;
            }
            ck_assert_int_eq(out[i], want);
        }
        /* into the group itself: the identity */
        ck_assert_int_eq(mpr_group_translate(ga, n, in, ga, out), 0);
        for (int i = 0; i < n; i++) {
            ck_assert_int_eq(out[i], in[i]);
        }
        mpr_group_release(ga);
        mpr_group_release(gb);
        free(a.w), free(b.w), free(in), free(out);
    }
}
END_TEST

/* The standard's definition: same members in the same order, same members, or not. */
static int ref_compare(const struct ref *a, const struct ref *b)
{
    int same_order = a->n == b->n;

    if (a->n != b->n) {
        return MPI_UNEQUAL;
    }
    for (int i = 0; i < a->n; i++) {
        same_order &= a->w[i] == b->w[i];
        if (ref_find(b, a->w[i]) < 0) {
            return MPI_UNEQUAL;
        }
    }
    return same_order ? MPI_IDENT : MPI_SIMILAR;
}

START_TEST(test_compare_random)
{
    int seen[4] = {0};

    for (int seed = 1; seed <= SEEDS; seed++) {
        struct ref a, b;
        struct mpr_group *ga, *gb;
        int res = -1;

        random_world(seed, &a, &b);
        if (seed % 3 == 0) { /* same members, maybe reordered */
            b.n = a.n;
            memcpy(b.w, a.w, (size_t)a.n * sizeof(int));
            for (int i = 0; i + 1 < b.n && rnd(2); i++) {
                int j = (int)rnd((unsigned)b.n), t = b.w[i];

                b.w[i] = b.w[j];
                b.w[j] = t;
            }
        }
        ga = group_of(&a);
        gb = group_of(&b);
        ck_assert_int_eq(mpr_group_compare(ga, gb, &res), 0);
        ck_assert_int_eq(res, ref_compare(&a, &b));
        seen[res]++;
        mpr_group_release(ga);
        mpr_group_release(gb);
        free(a.w), free(b.w);
    }
    /* the random pairs reach all three answers */
    ck_assert_int_gt(seen[MPI_IDENT], 0);
    ck_assert_int_gt(seen[MPI_SIMILAR], 0);
    ck_assert_int_gt(seen[MPI_UNEQUAL], 0);
}
END_TEST

START_TEST(test_from_comm)
{
    static const int world[] = {4, 0, 6, 2};
    struct mpr_comm c = {.rank = 3, .size = 4, .world = world};
    struct mpr_group *g;

    mpr_state.size = 8;
    mpr_state.rank = 2;
    ck_assert_int_eq(mpr_group_from_comm(&c, &g), 0);
    ck_assert_int_eq(g->size, 4);
    ck_assert_int_eq(g->rank, 3);
    ck_assert_mem_eq(g->world_ranks, world, sizeof(world));
    mpr_group_release(g);
    /* world == NULL: MPI_COMM_WORLD's identity map */
    c.world = NULL;
    c.size = 8;
    c.rank = 2;
    ck_assert_int_eq(mpr_group_from_comm(&c, &g), 0);
    ck_assert_int_eq(g->size, 8);
    ck_assert_int_eq(g->rank, 2);
    for (int i = 0; i < 8; i++) {
        ck_assert_int_eq(g->world_ranks[i], i);
    }
    mpr_group_release(g);
}
END_TEST

START_TEST(test_refcount)
{
    static const int w[] = {1, 0};
    struct mpr_group *g, *e = &mpr_mpi_group_empty;
    int before = e->refcount;

    mpr_state.size = 2;
    mpr_state.rank = 1;
    ck_assert_int_eq(mpr_group_new(2, w, &g), 0);
    ck_assert_int_eq(g->refcount, 1);
    ck_assert_int_eq(g->rank, 0);
    mpr_group_retain(g);
    mpr_group_release(g);
    ck_assert(mpr_group_valid(g)); /* still referenced once */
    mpr_group_release(g);
    mpr_group_retain(e);
    mpr_group_release(e);
    mpr_group_release(e);
    ck_assert_int_eq(e->refcount, before);
    ck_assert(mpr_group_valid(e));
    ck_assert(!mpr_group_valid(NULL));
}
END_TEST

/* World 2^17, groups of about all of it: minutes at O(n^2), milliseconds at O(n). */
START_TEST(test_large)
{
    const int world = 1 << 17;
    struct ref a, b, pick;
    struct mpr_group *ga, *gb, *g;
    int res, *out, *pos_a;

    rng_seed(7);
    mpr_state.size = world;
    mpr_state.rank = world - 1;
    a = ref_random(world, world - 3);
    b = ref_random(world, world / 2);
    pick = ref_random(b.n, b.n / 3);
    ga = group_of(&a);
    gb = group_of(&b);
    ck_assert_int_eq(mpr_group_union(ga, gb, &g), 0);
    ck_assert_int_le(g->size, world);
    ck_assert_int_ge(g->size, world - 3);
    mpr_group_release(g);
    ck_assert_int_eq(mpr_group_intersection(ga, gb, &g), 0);
    ck_assert_int_le(g->size, b.n);
    mpr_group_release(g);
    ck_assert_int_eq(mpr_group_difference(ga, gb, &g), 0);
    mpr_group_release(g);
    ck_assert_int_eq(mpr_group_excl(gb, pick.n, pick.w, &g), 0);
    ck_assert_int_eq(g->size, b.n - pick.n);
    mpr_group_release(g);
    ck_assert_int_eq(mpr_group_compare(ga, ga, &res), 0);
    ck_assert_int_eq(res, MPI_IDENT);
    ck_assert_int_eq(mpr_group_compare(ga, gb, &res), 0);
    ck_assert_int_eq(res, MPI_UNEQUAL);
    out = malloc((size_t)pick.n * sizeof(int));
    pos_a = malloc((size_t)world * sizeof(int));
    for (int w = 0; w < world; w++) {
        pos_a[w] = MPI_UNDEFINED;
    }
    for (int i = 0; i < a.n; i++) {
        pos_a[a.w[i]] = i;
    }
    ck_assert_int_eq(mpr_group_translate(gb, pick.n, pick.w, ga, out), 0);
    for (int i = 0; i < pick.n; i++) {
        ck_assert_int_eq(out[i], pos_a[b.w[pick.w[i]]]);
    }
    free(out), free(pos_a);
    mpr_group_release(ga);
    mpr_group_release(gb);
    free(a.w), free(b.w), free(pick.w);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("group");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, test_algebra_random);
    tcase_add_test(tc, test_algebra_edges);
    tcase_add_test(tc, test_incl_excl_random);
    tcase_add_test(tc, test_ranges_random);
    tcase_add_test(tc, test_range_count);
    tcase_add_test(tc, test_translate_random);
    tcase_add_test(tc, test_compare_random);
    tcase_add_test(tc, test_from_comm);
    tcase_add_test(tc, test_refcount);
    tcase_add_test(tc, test_large);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
