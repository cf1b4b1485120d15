/* split: MPI_Comm_split with random colors and keys against a reference every rank computes,
 * MPI_Comm_split_type(MPI_COMM_TYPE_SHARED), MPI_Comm_create (one group, and disjoint groups as
 * MPI-3 allows), MPI_Comm_create_group with tags, MPI_Comm_compare, names, and point-to-point
 * and collectives on the results (their ranks map to world ranks in a scrambled order). Any size.
 */
#include "../check.h"

static uint32_t rng_state;
static uint32_t rnd(void)
{
    rng_state = rng_state * 1664525u + 1013904223u;
    return rng_state >> 8;
}

/* Check c's membership against the expected world ranks in rank order: every member learns
 * the world rank behind each rank with an allgather, and a ring message and an allreduce
 * run on it. */
static void check_members(MPI_Comm c, const int *world, int n, const char *what)
{
    int size, rank, *got = malloc((size_t)n * sizeof(int)), sum = 0, v, prev, next, from = -1;
    TC_OK(MPI_Comm_size(c, &size));
    TC_OK(MPI_Comm_rank(c, &rank));
    TC_CHECK(size == n, "%s: size %d, expected %d", what, size, n);
    TC_CHECK(world[rank] == tc_rank, "%s: rank %d, but that is world rank %d", what, rank,
             world[rank]);
    TC_OK(MPI_Allgather(&tc_rank, 1, MPI_INT, got, 1, MPI_INT, c));
    for (int i = 0; i < n; i++)
        TC_CHECK(got[i] == world[i], "%s: rank %d is world %d, expected %d", what, i, got[i],
                 world[i]);
    v = tc_rank;
    TC_OK(MPI_Allreduce(&v, &sum, 1, MPI_INT, MPI_SUM, c));
    for (int i = 0; i < n; i++)
        sum -= world[i];
    TC_CHECK(sum == 0, "%s: allreduce off by %d", what, sum);
    prev = (rank + n - 1) % n;
    next = (rank + 1) % n;
    TC_OK(
        MPI_Sendrecv(&rank, 1, MPI_INT, next, 3, &from, 1, MPI_INT, prev, 3, c, MPI_STATUS_IGNORE));
    TC_CHECK(from == prev, "%s: ring got %d, expected %d", what, from, prev);
    free(got);
}

static void random_splits(int rounds)
{
    int *color = malloc((size_t)tc_size * sizeof(int)),
        *key = malloc((size_t)tc_size * sizeof(int));
    int *world = malloc((size_t)tc_size * sizeof(int));
    for (int round = 0; round < rounds; round++) {
        int ncolors = 1 + (int)(rnd() % 4), n = 0;
        char what[64];
        MPI_Comm c;
        for (int r = 0; r < tc_size; r++) {
            color[r] = (int)(rnd() % (uint32_t)(ncolors + 1)) - 1; /* -1 stands for UNDEFINED */
            key[r] = (int)(rnd() % 5) - 2; /* equal keys: the world rank breaks the tie */
        }
        if (color[tc_rank] < 0)
            color[tc_rank] = MPI_UNDEFINED;
        TC_OK(MPI_Comm_split(MPI_COMM_WORLD, color[tc_rank], key[tc_rank], &c));
        snprintf(what, sizeof what, "split round %d", round);
        if (color[tc_rank] == MPI_UNDEFINED) {
            TC_CHECK(c == MPI_COMM_NULL, "%s: MPI_UNDEFINED color got a communicator", what);
            continue;
        }
        /* reference: members of my color sorted by (key, world rank) */
        for (int k = -2; k <= 2; k++)
            for (int r = 0; r < tc_size; r++)
                if (color[r] == color[tc_rank] && key[r] == k)
                    world[n++] = r;
        check_members(c, world, n, what);
        TC_OK(MPI_Comm_free(&c));
    }
    free(color);
    free(key);
    free(world);
}

static void split_type_and_compare(void)
{
    MPI_Comm shared, dup, rev;
    int res, *world = malloc((size_t)tc_size * sizeof(int));
    TC_OK(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &shared));
    for (int r = 0; r < tc_size; r++)
        world[r] = r;
    check_members(shared, world, tc_size, "split_type shared");
    TC_OK(MPI_Comm_dup(MPI_COMM_WORLD, &dup));
    TC_OK(MPI_Comm_split(MPI_COMM_WORLD, 5, tc_size - tc_rank, &rev));
    TC_OK(MPI_Comm_compare(MPI_COMM_WORLD, MPI_COMM_WORLD, &res));
    TC_CHECK(res == MPI_IDENT, "compare(world, world) = %d", res);
    TC_OK(MPI_Comm_compare(MPI_COMM_WORLD, dup, &res));
    TC_CHECK(res == MPI_CONGRUENT, "compare(world, dup) = %d", res);
    TC_OK(MPI_Comm_compare(dup, rev, &res));
    TC_CHECK(res == (tc_size == 1 ? MPI_CONGRUENT : MPI_SIMILAR), "compare(dup, reversed) = %d",
             res);
    if (tc_size > 1) {
        TC_OK(MPI_Comm_compare(MPI_COMM_SELF, MPI_COMM_WORLD, &res));
        TC_CHECK(res == MPI_UNEQUAL, "compare(self, world) = %d", res);
    }
    TC_OK(MPI_Comm_free(&shared));
    TC_OK(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_UNDEFINED, 0, MPI_INFO_NULL, &shared));
    TC_CHECK(shared == MPI_COMM_NULL, "split_type(MPI_UNDEFINED) gave a communicator");
    TC_OK(MPI_Comm_free(&dup));
    TC_OK(MPI_Comm_free(&rev));
    free(world);
}

static void names(void)
{
    MPI_Comm c;
    char name[MPI_MAX_OBJECT_NAME];
    int len = -1;
    TC_OK(MPI_Comm_dup(MPI_COMM_WORLD, &c));
    TC_OK(MPI_Comm_get_name(c, name, &len));
    TC_CHECK(len == 0 && name[0] == '\0', "a new communicator is named \"%s\"", name);
    TC_OK(MPI_Comm_set_name(c, "halo"));
    TC_OK(MPI_Comm_get_name(c, name, &len));
    TC_CHECK(len == 4 && strcmp(name, "halo") == 0, "name \"%s\" after set_name", name);
    TC_OK(MPI_Comm_free(&c));
}

/* Hints: dup_with_info and set_info take any info; get_info gives an object the caller frees. */
static void info_hints(void)
{
    MPI_Info info, used = MPI_INFO_NULL;
    MPI_Comm c;
    int nkeys = -1, res;
    TC_OK(MPI_Info_create(&info));
    TC_OK(MPI_Info_set(info, "mpr_no_such_hint", "true"));
    TC_OK(MPI_Comm_dup_with_info(MPI_COMM_WORLD, info, &c));
    TC_OK(MPI_Comm_compare(MPI_COMM_WORLD, c, &res));
    TC_CHECK(res == MPI_CONGRUENT, "dup_with_info: compare gave %d", res);
    TC_OK(MPI_Comm_set_info(c, info));
    TC_OK(MPI_Comm_get_info(c, &used));
    TC_CHECK(used != MPI_INFO_NULL, "get_info gave MPI_INFO_NULL");
    TC_OK(MPI_Info_get_nkeys(used, &nkeys));
    TC_CHECK(nkeys >= 0, "get_info: %d keys", nkeys);
    TC_OK(MPI_Info_free(&used));
    TC_OK(MPI_Info_free(&info));
    TC_OK(MPI_Comm_free(&c));
}

/* MPI_Comm_create: the even world ranks, in reverse order; then disjoint halves at once. */
static void create(void)
{
    MPI_Group wg, g;
    MPI_Comm c;
    int n = 0, *ranks = malloc((size_t)tc_size * sizeof(int));
    TC_OK(MPI_Comm_group(MPI_COMM_WORLD, &wg));
    for (int r = tc_size - 1; r >= 0; r--)
        if (r % 2 == 0)
            ranks[n++] = r;
    TC_OK(MPI_Group_incl(wg, n, ranks, &g));
    TC_OK(MPI_Comm_create(MPI_COMM_WORLD, g, &c));
    if (tc_rank % 2 == 0) {
        check_members(c, ranks, n, "create evens");
        TC_OK(MPI_Comm_free(&c));
    } else {
        TC_CHECK(c == MPI_COMM_NULL, "create: a non-member got a communicator");
    }
    TC_OK(MPI_Group_free(&g));
    /* disjoint groups: lower half and upper half, each passes its own */
    {
        int half = tc_size / 2, lo = tc_rank < half, m = 0;
        for (int r = lo ? 0 : half; r < (lo ? half : tc_size); r++)
            ranks[m++] = r;
        TC_OK(MPI_Group_incl(wg, m, ranks, &g));
        TC_OK(MPI_Comm_create(MPI_COMM_WORLD, g, &c));
        check_members(c, ranks, m, "create halves");
        TC_OK(MPI_Comm_free(&c));
        TC_OK(MPI_Group_free(&g));
    }
    TC_OK(MPI_Group_free(&wg));
    free(ranks);
}

/* MPI_Comm_create_group: only members call; two groups with different tags at once, and the
 * other ranks busy with a collective on the parent meanwhile. */
static void create_group(void)
{
    MPI_Group wg, g;
    MPI_Comm c;
    int n = 0, *ranks = malloc((size_t)tc_size * sizeof(int)), in = tc_rank % 3 != 1;
    TC_OK(MPI_Comm_group(MPI_COMM_WORLD, &wg));
    for (int r = 0; r < tc_size; r++)
        if ((r % 3 != 1) == in)
            ranks[n++] = r;
    TC_OK(MPI_Group_incl(wg, n, ranks, &g));
    TC_OK(MPI_Comm_create_group(MPI_COMM_WORLD, g, in ? 11 : 12, &c));
    check_members(c, ranks, n, in ? "create_group A" : "create_group B");
    TC_OK(MPI_Comm_free(&c));
    TC_OK(MPI_Group_free(&g));
    TC_OK(MPI_Group_free(&wg));
    free(ranks);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "comm-split");
    rng_state = 12345;
    random_splits(60);
    split_type_and_compare();
    names();
    info_hints();
    create();
    create_group();
    TC_OK(MPI_Finalize());
    if (tc_rank == 0)
        printf("comm split ok\n");
    return 0;
}
