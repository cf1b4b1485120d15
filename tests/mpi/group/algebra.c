/* algebra.c — group algebra through the MPI API (MPI 3.1 section 6.3) on MPI_COMM_WORLD's group,
 * against a reference written from the standard's wording: random member lists (the same on every
 * rank, since group calls are local), then union, intersection, difference, incl, excl, the range
 * variants, translate_ranks and compare, checking members in order, size and the caller's rank.
 * Any n >= 1. Usage: mpt_group_algebra [cases] */
#include "grp.h"

#define MAXP 64

static MPI_Group world;

/* A member list: world ranks in group order. */
struct ref {
    int n;
    int w[MAXP];
};

static int ref_find(const struct ref *r, int w)
{
    for (int i = 0; i < r->n; i++)
        if (r->w[i] == w)
            return i;
    return -1;
}

/* A random n-subset of 0..bound-1 in random order. */
static void ref_random(struct ref *r, int bound, int n)
{
    for (int i = 0; i < bound; i++)
        r->w[i] = i;
    for (int i = 0; i + 1 < bound; i++) {
        int j = i + gt_rnd(bound - i), t = r->w[i];
        r->w[i] = r->w[j];
        r->w[j] = t;
    }
    r->n = n;
}

/* The group's members as world ranks, through MPI_Group_translate_ranks into world. */
static void members(MPI_Group g, struct ref *out)
{
    int idx[MAXP];
    TC_OK(MPI_Group_size(g, &out->n));
    TC_CHECK(out->n <= MAXP, "group of size %d", out->n);
    for (int i = 0; i < out->n; i++)
        idx[i] = i;
    TC_OK(MPI_Group_translate_ranks(g, out->n, idx, world, out->w));
}

/* g is exactly r: members in order, the caller's rank, and an empty group compares IDENT to
 * MPI_GROUP_EMPTY. Frees g. */
static void check_group(MPI_Group *g, const struct ref *r, const char *what)
{
    struct ref got;
    int rank, cmp, me = ref_find(r, tc_rank);

    members(*g, &got);
    TC_CHECK(got.n == r->n, "%s: size %d, expected %d", what, got.n, r->n);
    for (int i = 0; i < r->n; i++)
        TC_CHECK(got.w[i] == r->w[i], "%s: member %d is world rank %d, expected %d", what, i,
                 got.w[i], r->w[i]);
    TC_OK(MPI_Group_rank(*g, &rank));
    TC_CHECK(rank == (me < 0 ? MPI_UNDEFINED : me), "%s: MPI_Group_rank %d, expected %d", what,
             rank, me < 0 ? MPI_UNDEFINED : me);
    if (r->n == 0) {
        TC_OK(MPI_Group_compare(*g, MPI_GROUP_EMPTY, &cmp));
        TC_CHECK(cmp == MPI_IDENT, "%s: empty result compares %d to MPI_GROUP_EMPTY", what, cmp);
    }
    TC_OK(MPI_Group_free(g));
    TC_CHECK(*g == MPI_GROUP_NULL, "%s: MPI_Group_free left the handle set", what);
}

static MPI_Group make(const struct ref *r)
{
    MPI_Group g;
    TC_OK(MPI_Group_incl(world, r->n, r->w, &g)); /* world rank i is world's group rank i */
    return g;
}

static void check_set_ops(MPI_Group ga, MPI_Group gb, const struct ref *a, const struct ref *b)
{
    struct ref u = *a, x = {0}, d = {0};
    MPI_Group g;

    for (int i = 0; i < b->n; i++)
        if (ref_find(a, b->w[i]) < 0)
            u.w[u.n++] = b->w[i];
    for (int i = 0; i < a->n; i++) {
        if (ref_find(b, a->w[i]) >= 0)
            x.w[x.n++] = a->w[i];
        else
            d.w[d.n++] = a->w[i];
    }
    TC_OK(MPI_Group_union(ga, gb, &g));
    check_group(&g, &u, "union");
    TC_OK(MPI_Group_intersection(ga, gb, &g));
    check_group(&g, &x, "intersection");
    TC_OK(MPI_Group_difference(ga, gb, &g));
    check_group(&g, &d, "difference");
}

/* incl and excl of a random list of ranks of a (a not world's group: ranks are remapped). */
static void check_incl_excl(MPI_Group ga, const struct ref *a)
{
    struct ref pick, want = {0};
    MPI_Group g;

    ref_random(&pick, a->n, gt_rnd(a->n + 1));
    for (int i = 0; i < pick.n; i++)
        want.w[want.n++] = a->w[pick.w[i]];
    TC_OK(MPI_Group_incl(ga, pick.n, pick.w, &g));
    check_group(&g, &want, "incl");
    want.n = 0;
    for (int r = 0; r < a->n; r++)
        if (ref_find(&pick, r) < 0)
            want.w[want.n++] = a->w[r];
    TC_OK(MPI_Group_excl(ga, pick.n, pick.w, &g));
    check_group(&g, &want, "excl");
}

/* Random valid triplets over a group of size n, none computing a rank twice; the ranks they
 * compute, as the standard writes them (first + i * stride, i = 0 .. floor((last-first)/stride)),
 * into *ranks. Returns the number of triplets. */
static int random_ranges(int n, int ranges[][3], struct ref *ranks)
{
    char used[MAXP] = {0};
    int k = 0;

    ranks->n = 0;
    for (int tries = 0; n > 0 && tries < 12; tries++) {
        int first = gt_rnd(n), stride = (1 + gt_rnd(3)) * (gt_rnd(2) ? 1 : -1);
        int count = 1 + gt_rnd(4), end = first + (count - 1) * stride, ok = end >= 0 && end < n;
        for (int j = 0; ok && j < count; j++)
            ok = !used[first + j * stride];
        if (!ok)
            continue;
        ranges[k][0] = first;
        ranges[k][2] = stride;
        /* last may lie anywhere short of the next computed rank, even outside the group */
        ranges[k][1] = end + (stride > 0 ? 1 : -1) * gt_rnd(stride > 0 ? stride : -stride);
#ifdef OPEN_MPI
        ranges[k][1] = end; /* Open MPI 4.1 rejects a last outside the group with MPI_ERR_RANK */
#endif
        for (int j = 0; j <= (ranges[k][1] - first) / stride; j++) {
            used[first + j * stride] = 1;
            ranks->w[ranks->n++] = first + j * stride;
        }
        k++;
    }
    return k;
}

static void check_ranges(MPI_Group ga, const struct ref *a)
{
    int ranges[12][3], nr;
    struct ref ranks, want = {0};
    MPI_Group g;

    nr = random_ranges(a->n, ranges, &ranks);
    for (int i = 0; i < ranks.n; i++)
        want.w[want.n++] = a->w[ranks.w[i]];
    TC_OK(MPI_Group_range_incl(ga, nr, ranges, &g));
    check_group(&g, &want, "range_incl");
    want.n = 0;
    for (int r = 0; r < a->n; r++)
        if (ref_find(&ranks, r) < 0)
            want.w[want.n++] = a->w[r];
    TC_OK(MPI_Group_range_excl(ga, nr, ranges, &g));
    check_group(&g, &want, "range_excl");
}

static void check_translate(MPI_Group ga, MPI_Group gb, const struct ref *a, const struct ref *b)
{
    int n = gt_rnd(2 * MAXP), in[2 * MAXP], out[2 * MAXP];

    for (int i = 0; i < n; i++)
        in[i] = a->n == 0 || gt_rnd(6) == 0 ? MPI_PROC_NULL : gt_rnd(a->n);
    TC_OK(MPI_Group_translate_ranks(ga, n, in, gb, out));
    for (int i = 0; i < n; i++) {
        int want = MPI_PROC_NULL;
        if (in[i] != MPI_PROC_NULL) /* MPI_PROC_NULL may be -1, ref_find's "absent" */
            want = ref_find(b, a->w[in[i]]) < 0 ? MPI_UNDEFINED : ref_find(b, a->w[in[i]]);
/* Open MPI 4.1 answers MPI_UNDEFINED even for MPI_PROC_NULL when either group
 * is empty; the standard says MPI_PROC_NULL translates to MPI_PROC_NULL */
#ifdef OPEN_MPI
        if (a->n == 0 || b->n == 0)
            want = MPI_UNDEFINED;
#endif
        TC_CHECK(out[i] == want, "translate_ranks: rank %d -> %d, expected %d", in[i], out[i],
                 want);
    }
}

static int ref_compare(const struct ref *a, const struct ref *b)
{
    int same_order = 1;
    if (a->n != b->n)
        return MPI_UNEQUAL;
    for (int i = 0; i < a->n; i++) {
        same_order &= a->w[i] == b->w[i];
        if (ref_find(b, a->w[i]) < 0)
            return MPI_UNEQUAL;
    }
    return same_order ? MPI_IDENT : MPI_SIMILAR;
}

static void check_compare(MPI_Group ga, MPI_Group gb, const struct ref *a, const struct ref *b)
{
    int res;
    TC_OK(MPI_Group_compare(ga, gb, &res));
    TC_CHECK(res == ref_compare(a, b), "compare: %d, expected %d", res, ref_compare(a, b));
    TC_OK(MPI_Group_compare(gb, ga, &res));
    TC_CHECK(res == ref_compare(a, b), "compare (swapped): %d, expected %d", res,
             ref_compare(a, b));
}

static void one_case(int seed)
{
    struct ref a, b;
    MPI_Group ga, gb;

    gt_seed((uint64_t)seed);
    ref_random(&a, tc_size, gt_rnd(tc_size + 1));
    ref_random(&b, tc_size, gt_rnd(tc_size + 1));
    if (seed % 5 == 0) { /* the same members, reordered or not: IDENT / SIMILAR */
        b = a;
        if (b.n > 1 && gt_rnd(2)) {
            int t = b.w[0];
            b.w[0] = b.w[b.n - 1];
            b.w[b.n - 1] = t;
        }
    }
    ga = make(&a);
    gb = make(&b);
    check_set_ops(ga, gb, &a, &b);
    check_incl_excl(ga, &a);
    check_ranges(ga, &a);
    check_translate(ga, gb, &a, &b);
    check_compare(ga, gb, &a, &b);
    TC_OK(MPI_Group_free(&ga));
    TC_OK(MPI_Group_free(&gb));
}

/* The predefined groups and the groups of the predefined communicators. */
static void check_basics(void)
{
    struct ref all = {tc_size, {0}}, none = {0, {0}};
    MPI_Group g, self;
    int res, size, zero = 0, out = -1;

    for (int i = 0; i < tc_size; i++)
        all.w[i] = i;
    TC_OK(MPI_Comm_group(MPI_COMM_WORLD, &g));
    check_group(&g, &all, "MPI_Comm_group(MPI_COMM_WORLD)");
    TC_OK(MPI_Comm_group(MPI_COMM_SELF, &self));
    TC_OK(MPI_Group_translate_ranks(self, 1, &zero, world, &out));
    TC_CHECK(out == tc_rank, "MPI_COMM_SELF's rank 0 is world rank %d", out);
    TC_OK(MPI_Group_incl(world, 1, &tc_rank, &g));
    TC_OK(MPI_Group_compare(self, g, &res));
    TC_CHECK(res == MPI_IDENT, "MPI_COMM_SELF's group compares %d to incl of my rank", res);
    TC_OK(MPI_Group_free(&g));
    TC_OK(MPI_Group_free(&self));

    TC_OK(MPI_Group_size(MPI_GROUP_EMPTY, &size));
    TC_CHECK(size == 0, "MPI_GROUP_EMPTY has size %d", size);
    TC_OK(MPI_Group_rank(MPI_GROUP_EMPTY, &res));
    TC_CHECK(res == MPI_UNDEFINED, "rank in MPI_GROUP_EMPTY: %d", res);
    TC_OK(MPI_Group_compare(world, MPI_GROUP_EMPTY, &res));
    TC_CHECK(res == MPI_UNEQUAL, "world vs MPI_GROUP_EMPTY: %d", res);
    TC_OK(MPI_Group_compare(MPI_GROUP_EMPTY, MPI_GROUP_EMPTY, &res));
    TC_CHECK(res == MPI_IDENT, "MPI_GROUP_EMPTY vs itself: %d", res);
    TC_OK(MPI_Group_union(MPI_GROUP_EMPTY, world, &g));
    check_group(&g, &all, "union(MPI_GROUP_EMPTY, world)");
    TC_OK(MPI_Group_difference(world, world, &g));
    check_group(&g, &none, "difference(world, world)");
    TC_OK(MPI_Group_excl(world, 0, &zero, &g));
    check_group(&g, &all, "excl of nothing");
#ifndef OPEN_MPI
    /* Freeing MPI_GROUP_EMPTY itself is harmless under mpr, which returns it for every empty
     * result. Open MPI 4.1 counts references on it and frees the static object when a program
     * frees it once more than the calls handed it out. */
    g = MPI_GROUP_EMPTY;
    TC_OK(MPI_Group_free(&g));
    TC_CHECK(g == MPI_GROUP_NULL, "MPI_Group_free(MPI_GROUP_EMPTY) left the handle set");
    TC_OK(MPI_Group_size(MPI_GROUP_EMPTY, &size));
#endif
}

int main(int argc, char **argv)
{
    int cases = argc > 1 ? atoi(argv[1]) : 600;

    tc_init(&argc, &argv, "algebra");
    TC_CHECK(tc_size <= MAXP, "at most %d ranks", MAXP);
    TC_OK(MPI_Comm_group(MPI_COMM_WORLD, &world));
    check_basics();
    for (int seed = 1; seed <= cases; seed++)
        one_case(seed);
    TC_OK(MPI_Group_free(&world));
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    if (tc_rank == 0)
        printf("group algebra: %d cases on %d ranks ok\n", cases, tc_size);
    TC_OK(MPI_Finalize());
    return 0;
}
