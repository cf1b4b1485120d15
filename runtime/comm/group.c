/*
 * Process groups: construction, the set algebra of MPI 3.1 section 6.3, translation, comparison
 * and reference counting.
 *
 * Every operation that asks "is world rank w in group g, and where?" builds a group_index, a table
 * indexed by world rank, so the algebra costs O(n + largest world rank) rather than O(n^2):
 * groups of thousands of processes are normal.
 */
#include "comm/group.h"

#include "comm/comm.h"
#include "core/errcode.h"
#include "core/state.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Where each world rank sits in one group. */
struct group_index {
    int *pos; /* pos[w] = group rank of world rank w + 1; 0: not a member */
    int span; /* entries in pos: the group's largest world rank + 1 */
};

static int index_build(const struct mpr_group *g, struct group_index *ix)
{
    int span = 0;

    for (int i = 0; i < g->size; i++) {
        if (g->world_ranks[i] >= span) {
            span = g->world_ranks[i] + 1;
        }
    }
    ix->span = span;
    ix->pos = NULL;
    if (span == 0) {
        return 0;
    }
    ix->pos = calloc((size_t)span, sizeof(*ix->pos));
    if (ix->pos == NULL) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < g->size; i++) {
        ix->pos[g->world_ranks[i]] = i + 1;
    }
    return 0;
}

/* The group rank of world rank w, or -1 if w is not a member. */
static int index_find(const struct group_index *ix, int w)
{
    return w < ix->span ? ix->pos[w] - 1 : -1;
}

static void index_fini(struct group_index *ix)
{
    free(ix->pos);
}

/* malloc for n world ranks; never malloc(0), whose NULL would read as a failure. */
static int *ranks_alloc(size_t n)
{
    return malloc((n > 0 ? n : 1) * sizeof(int));
}

/*
 * The group whose member i is world rank wr[i], i < n. Takes ownership of wr (freed on failure
 * and when the result is MPI_GROUP_EMPTY).
 */
static int group_adopt(int *wr, int n, struct mpr_group **out)
{
    struct mpr_group *g;

    if (n == 0) {
        free(wr);
        *out = &mpr_mpi_group_empty;
        return 0;
    }
    g = malloc(sizeof(*g));
    if (g == NULL) {
        free(wr);
        return -MPR_ERR_NOMEM;
    }
    g->magic = MPR_GROUP_MAGIC;
    g->size = n;
    g->rank = MPI_UNDEFINED;
    g->refcount = 1;
    g->world_ranks = wr;
    for (int i = 0; i < n; i++) {
        if (wr[i] == mpr_state.rank) {
            g->rank = i;
            break;
        }
    }
    *out = g;
    return 0;
}

int mpr_group_new(int n, const int *world_ranks, struct mpr_group **out)
{
    int *wr = ranks_alloc((size_t)n);

    if (wr == NULL) {
        return -MPR_ERR_NOMEM;
    }
    if (n > 0) {
        memcpy(wr, world_ranks, (size_t)n * sizeof(*wr));
    }
    return group_adopt(wr, n, out);
}

int mpr_group_from_comm(const struct mpr_comm *c, struct mpr_group **out)
{
    int *wr = ranks_alloc((size_t)c->size);

    if (wr == NULL) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < c->size; i++) {
        wr[i] = mpr_comm_world_rank(c, i);
    }
    return group_adopt(wr, c->size, out);
}

int mpr_group_union(const struct mpr_group *a, const struct mpr_group *b, struct mpr_group **out)
{
    struct group_index ix;
    int *wr;
    int n = a->size;

    wr = ranks_alloc((size_t)a->size + (size_t)b->size);
    if (wr == NULL) {
        return -MPR_ERR_NOMEM;
    }
    if (index_build(a, &ix) != 0) {
        free(wr);
        return -MPR_ERR_NOMEM;
    }
    if (a->size > 0) {
        memcpy(wr, a->world_ranks, (size_t)a->size * sizeof(*wr));
    }
    for (int i = 0; i < b->size; i++) {
        if (index_find(&ix, b->world_ranks[i]) < 0) {
            wr[n++] = b->world_ranks[i];
        }
    }
    index_fini(&ix);
    return group_adopt(wr, n, out);
}

/* a's members whose presence in b equals `in_b`, in a's order: intersection and difference. */
static int group_filter(const struct mpr_group *a, const struct mpr_group *b, int in_b,
                        struct mpr_group **out)
{
    struct group_index ix;
    int *wr;
    int n = 0;

    wr = ranks_alloc((size_t)a->size);
    if (wr == NULL) {
        return -MPR_ERR_NOMEM;
    }
    if (index_build(b, &ix) != 0) {
        free(wr);
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < a->size; i++) {
        if ((index_find(&ix, a->world_ranks[i]) >= 0) == in_b) {
            wr[n++] = a->world_ranks[i];
        }
    }
    index_fini(&ix);
    return group_adopt(wr, n, out);
}

int mpr_group_intersection(const struct mpr_group *a, const struct mpr_group *b,
                           struct mpr_group **out)
{
    return group_filter(a, b, 1, out);
}

int mpr_group_difference(const struct mpr_group *a, const struct mpr_group *b,
                         struct mpr_group **out)
{
    return group_filter(a, b, 0, out);
}

int mpr_group_incl(const struct mpr_group *g, int n, const int *ranks, struct mpr_group **out)
{
    int *wr = ranks_alloc((size_t)n);

    if (wr == NULL) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < n; i++) {
        wr[i] = g->world_ranks[ranks[i]];
    }
    return group_adopt(wr, n, out);
}

int mpr_group_excl(const struct mpr_group *g, int n, const int *ranks, struct mpr_group **out)
{
    unsigned char *gone;
    int *wr;
    int k = 0;

    gone = calloc((size_t)g->size + 1, 1);
    wr = ranks_alloc((size_t)g->size);
    if (gone == NULL || wr == NULL) {
        free(gone);
        free(wr);
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < n; i++) {
        gone[ranks[i]] = 1;
    }
    for (int r = 0; r < g->size; r++) {
        if (!gone[r]) {
            wr[k++] = g->world_ranks[r];
        }
    }
    free(gone);
    return group_adopt(wr, k, out);
}

long long mpr_group_range_count(const int range[3])
{
    long long first = range[0], last = range[1], stride = range[2];

    if (stride == 0 || (stride > 0 && first > last) || (stride < 0 && first < last)) {
        return 0;
    }
    return (last - first) / stride + 1;
}

/* The ranks the triplets compute, in order, into a new array *ranks of *count entries. */
static int ranges_expand(int n, const int (*ranges)[3], int **ranks, int *count)
{
    long long total = 0;
    int *r;
    int k = 0;

    for (int i = 0; i < n; i++) {
        total += mpr_group_range_count(ranges[i]);
    }
    /* Distinct valid ranks never outnumber an int; more means the precondition was broken. */
    if (total > INT_MAX) {
        return -MPR_ERR_ARG;
    }
    r = ranks_alloc((size_t)total);
    if (r == NULL) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < n; i++) {
        long long c = mpr_group_range_count(ranges[i]);

        for (long long j = 0; j < c; j++) {
            r[k++] = (int)(ranges[i][0] + j * ranges[i][2]);
        }
    }
    *ranks = r;
    *count = k;
    return 0;
}

int mpr_group_range_incl(const struct mpr_group *g, int n, const int (*ranges)[3],
                         struct mpr_group **out)
{
    int *ranks;
    int count;
    int rc = ranges_expand(n, ranges, &ranks, &count);

    if (rc == 0) {
        rc = mpr_group_incl(g, count, ranks, out);
        free(ranks);
    }
    return rc;
}

int mpr_group_range_excl(const struct mpr_group *g, int n, const int (*ranges)[3],
                         struct mpr_group **out)
{
    int *ranks;
    int count;
    int rc = ranges_expand(n, ranges, &ranks, &count);

    if (rc == 0) {
        rc = mpr_group_excl(g, count, ranks, out);
        free(ranks);
    }
    return rc;
}

int mpr_group_translate(const struct mpr_group *a, int n, const int *ranks,
                        const struct mpr_group *b, int *out)
{
    struct group_index ix;

    if (index_build(b, &ix) != 0) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < n; i++) {
        if (ranks[i] == MPI_PROC_NULL) {
            out[i] = MPI_PROC_NULL;
        } else {
            int r = index_find(&ix, a->world_ranks[ranks[i]]);

            out[i] = r < 0 ? MPI_UNDEFINED : r;
        }
    }
    index_fini(&ix);
    return 0;
}

int mpr_group_compare(const struct mpr_group *a, const struct mpr_group *b, int *result)
{
    struct group_index ix;
    int res = MPI_SIMILAR;

    if (a->size != b->size) {
        *result = MPI_UNEQUAL;
        return 0;
    }
    if (a->size == 0 ||
        memcmp(a->world_ranks, b->world_ranks, (size_t)a->size * sizeof(int)) == 0) {
        *result = MPI_IDENT;
        return 0;
    }
    /* Same size and members are distinct: b is a permutation of a iff all of b is in a. */
    if (index_build(a, &ix) != 0) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < b->size && res == MPI_SIMILAR; i++) {
        if (index_find(&ix, b->world_ranks[i]) < 0) {
            res = MPI_UNEQUAL;
        }
    }
    index_fini(&ix);
    *result = res;
    return 0;
}

void mpr_group_retain(struct mpr_group *g)
{
    if (g != &mpr_mpi_group_empty) {
        g->refcount++;
    }
}

void mpr_group_release(struct mpr_group *g)
{
    if (g == &mpr_mpi_group_empty || --g->refcount > 0) {
        return;
    }
    g->magic = 0; /* a stale handle now fails mpr_group_valid while the memory is not reused */
    free(g->world_ranks);
    free(g);
}
