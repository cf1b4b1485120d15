/*
 * Groups: the MPI entry points (MPI 3.1 sections 6.3 and 6.4.1).
 * Each checks its arguments, then calls comm/group.c. Groups have no error handler, so every
 * error goes through MPI_COMM_WORLD's (MPI_Comm_group: through the communicator's).
 *
 * Error classes: a bad handle is MPI_ERR_GROUP; a negative n or a NULL array or output is
 * MPI_ERR_ARG; a rank that is not in the group, or named twice, is MPI_ERR_RANK. The standard
 * defines the range calls as incl/excl of the ranks the triplets compute, so a computed rank that
 * is out of range or repeated is MPI_ERR_RANK too; a triplet that computes nothing sensible
 * (stride 0, or a stride pointing away from last) is MPI_ERR_ARG, as in MPICH.
 */
#include "api/api.h"

#include "comm/group.h"
#include "core/errcode.h"

#include <stdlib.h>

static int bad_group(const char *fn, const char *arg)
{
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_GROUP, "%s: not a valid group", arg);
}

static int null_out(const char *fn, const char *arg)
{
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL output pointer", arg);
}

/* The result of a group constructor: the only failure left after the checks is memory. */
static int group_result(const char *fn, int rc)
{
    if (rc == 0) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, fn, rc == -MPR_ERR_NOMEM ? MPI_ERR_NO_MEM : MPI_ERR_INTERN,
                         "%s", rc == -MPR_ERR_NOMEM ? "out of memory" : "internal error");
}

/* n and the array that holds n entries (`what`), the checks every list argument shares. */
static int check_count(const char *fn, int n, const void *array, const char *what)
{
    if (n < 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "n: %d is negative", n);
    }
    if (n > 0 && array == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL with n = %d", what, n);
    }
    return MPI_SUCCESS;
}

/* Per group rank: 1 + the index of the list entry that named it, 0 if none did yet. */
static int *seen_alloc(const char *fn, MPI_Group g, int *rc)
{
    int *seen = calloc((size_t)g->size + 1, sizeof(*seen));

    *rc = seen ? MPI_SUCCESS : mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_NO_MEM, "out of memory");
    return seen;
}

/* incl/excl: each of ranks[0..n) is a rank of g and none is named twice (MPI 3.1 6.3.2). */
static int check_ranks(const char *fn, MPI_Group g, int n, const int ranks[])
{
    int rc = check_count(fn, n, ranks, "ranks");
    int *seen;

    if (rc != MPI_SUCCESS || n == 0) {
        return rc;
    }
    seen = seen_alloc(fn, g, &rc);
    for (int i = 0; seen != NULL && i < n && rc == MPI_SUCCESS; i++) {
        int r = ranks[i];

        if (r < 0 || r >= g->size) {
            rc = mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_RANK,
                               "ranks[%d]: %d is not a rank of group (size %d)", i, r, g->size);
        } else if (seen[r] != 0) {
            rc = mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_RANK,
                               "ranks[%d]: rank %d is already named by ranks[%d]", i, r,
                               seen[r] - 1);
        } else {
            seen[r] = i + 1;
        }
    }
    free(seen);
    return rc;
}

/* One triplet on its own: a nonzero stride towards last, computing only ranks of g. */
static int check_triplet(const char *fn, MPI_Group g, int i, const int range[3])
{
    long long first = range[0], count = mpr_group_range_count(range), end;

    if (range[2] == 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "ranges[%d]: stride is 0", i);
    }
    if (count == 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                             "ranges[%d]: stride %d never gets from first %d to last %d", i,
                             range[2], range[0], range[1]);
    }
    /* The computed ranks run monotonically from first to end: checking both checks them all. */
    end = first + (count - 1) * range[2];
    if (first < 0 || first >= g->size || end < 0 || end >= g->size) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_RANK,
                             "ranges[%d]: computes rank %lld, not a rank of group (size %d)", i,
                             first < 0 || first >= g->size ? first : end, g->size);
    }
    return MPI_SUCCESS;
}

/* No rank computed twice, by one triplet or two: stops at the first repeat, so O(g->size). */
static int check_triplet_overlap(const char *fn, MPI_Group g, int n, int ranges[][3])
{
    int rc;
    int *seen = seen_alloc(fn, g, &rc);

    for (int i = 0; seen != NULL && i < n && rc == MPI_SUCCESS; i++) {
        long long count = mpr_group_range_count(ranges[i]);

        for (long long j = 0; j < count && rc == MPI_SUCCESS; j++) {
            int r = (int)(ranges[i][0] + j * ranges[i][2]);

            if (seen[r] != 0) {
                rc = mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_RANK,
                                   "ranges[%d]: rank %d is also computed by ranges[%d]", i, r,
                                   seen[r] - 1);
            } else {
                seen[r] = i + 1;
            }
        }
    }
    free(seen);
    return rc;
}

static int check_ranges(const char *fn, MPI_Group g, int n, int ranges[][3])
{
    int rc = check_count(fn, n, ranges, "ranges");

    for (int i = 0; i < n && rc == MPI_SUCCESS; i++) {
        rc = check_triplet(fn, g, i, ranges[i]);
    }
    if (rc == MPI_SUCCESS && n > 0) {
        rc = check_triplet_overlap(fn, g, n, ranges);
    }
    return rc;
}

/* The checks of the calls that make a group from one group and a list. */
static int check_one(const char *fn, MPI_Group group, const MPI_Group *newgroup)
{
    mpr_api_require_init(fn);
    if (!mpr_group_valid(group)) {
        return bad_group(fn, "group");
    }
    if (newgroup == NULL) {
        return null_out(fn, "newgroup");
    }
    return MPI_SUCCESS;
}

/* The checks of the calls that combine two groups, and of MPI_Group_compare. */
static int check_two(const char *fn, MPI_Group group1, MPI_Group group2, const void *out,
                     const char *what)
{
    mpr_api_require_init(fn);
    if (!mpr_group_valid(group1)) {
        return bad_group(fn, "group1");
    }
    if (!mpr_group_valid(group2)) {
        return bad_group(fn, "group2");
    }
    if (out == NULL) {
        return null_out(fn, what);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Group_size = PMPI_Group_size
int PMPI_Group_size(MPI_Group group, int *size)
{
    static const char fn[] = "MPI_Group_size";

    mpr_api_require_init(fn);
    if (!mpr_group_valid(group)) {
        return bad_group(fn, "group");
    }
    if (size == NULL) {
        return null_out(fn, "size");
    }
    *size = group->size;
    return MPI_SUCCESS;
}

#pragma weak MPI_Group_rank = PMPI_Group_rank
int PMPI_Group_rank(MPI_Group group, int *rank)
{
    static const char fn[] = "MPI_Group_rank";

    mpr_api_require_init(fn);
    if (!mpr_group_valid(group)) {
        return bad_group(fn, "group");
    }
    if (rank == NULL) {
        return null_out(fn, "rank");
    }
    *rank = group->rank;
    return MPI_SUCCESS;
}

/* Each of ranks1[0..n) is a rank of group1 or MPI_PROC_NULL; repeats are allowed here. */
static int check_translate_ranks(const char *fn, MPI_Group g, int n, const int ranks[])
{
    for (int i = 0; i < n; i++) {
        if (ranks[i] != MPI_PROC_NULL && (ranks[i] < 0 || ranks[i] >= g->size)) {
            return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_RANK,
                                 "ranks1[%d]: %d is neither a rank of group1 (size %d) nor "
                                 "MPI_PROC_NULL",
                                 i, ranks[i], g->size);
        }
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Group_translate_ranks = PMPI_Group_translate_ranks
int PMPI_Group_translate_ranks(MPI_Group group1, int n, const int ranks1[], MPI_Group group2,
                               int ranks2[])
{
    static const char fn[] = "MPI_Group_translate_ranks";
    int rc;

    mpr_api_require_init(fn);
    if (!mpr_group_valid(group1)) {
        return bad_group(fn, "group1");
    }
    if (!mpr_group_valid(group2)) {
        return bad_group(fn, "group2");
    }
    rc = check_count(fn, n, ranks1, "ranks1");
    if (rc == MPI_SUCCESS) {
        rc = check_count(fn, n, ranks2, "ranks2");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_translate_ranks(fn, group1, n, ranks1);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return group_result(fn, mpr_group_translate(group1, n, ranks1, group2, ranks2));
}

#pragma weak MPI_Group_compare = PMPI_Group_compare
int PMPI_Group_compare(MPI_Group group1, MPI_Group group2, int *result)
{
    static const char fn[] = "MPI_Group_compare";
    int rc = check_two(fn, group1, group2, result, "result");

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return group_result(fn, mpr_group_compare(group1, group2, result));
}

#pragma weak MPI_Comm_group = PMPI_Comm_group
int PMPI_Comm_group(MPI_Comm comm, MPI_Group *group)
{
    static const char fn[] = "MPI_Comm_group";

    mpr_api_require_init(fn);
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: not a valid communicator");
    }
    if (group == NULL) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "group: NULL output pointer");
    }
    if (mpr_group_from_comm(comm, group) != 0) {
        return mpr_api_error(comm, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Group_union = PMPI_Group_union
int PMPI_Group_union(MPI_Group group1, MPI_Group group2, MPI_Group *newgroup)
{
    static const char fn[] = "MPI_Group_union";
    int rc = check_two(fn, group1, group2, newgroup, "newgroup");

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return group_result(fn, mpr_group_union(group1, group2, newgroup));
}

#pragma weak MPI_Group_intersection = PMPI_Group_intersection
int PMPI_Group_intersection(MPI_Group group1, MPI_Group group2, MPI_Group *newgroup)
{
    static const char fn[] = "MPI_Group_intersection";
    int rc = check_two(fn, group1, group2, newgroup, "newgroup");

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return group_result(fn, mpr_group_intersection(group1, group2, newgroup));
}

#pragma weak MPI_Group_difference = PMPI_Group_difference
int PMPI_Group_difference(MPI_Group group1, MPI_Group group2, MPI_Group *newgroup)
{
    static const char fn[] = "MPI_Group_difference";
    int rc = check_two(fn, group1, group2, newgroup, "newgroup");

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return group_result(fn, mpr_group_difference(group1, group2, newgroup));
}

#pragma weak MPI_Group_incl = PMPI_Group_incl
int PMPI_Group_incl(MPI_Group group, int n, const int ranks[], MPI_Group *newgroup)
{
    static const char fn[] = "MPI_Group_incl";
    int rc = check_one(fn, group, newgroup);

    if (rc == MPI_SUCCESS) {
        rc = check_ranks(fn, group, n, ranks);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return group_result(fn, mpr_group_incl(group, n, ranks, newgroup));
}

#pragma weak MPI_Group_excl = PMPI_Group_excl
int PMPI_Group_excl(MPI_Group group, int n, const int ranks[], MPI_Group *newgroup)
{
    static const char fn[] = "MPI_Group_excl";
    int rc = check_one(fn, group, newgroup);

    if (rc == MPI_SUCCESS) {
        rc = check_ranks(fn, group, n, ranks);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return group_result(fn, mpr_group_excl(group, n, ranks, newgroup));
}

#pragma weak MPI_Group_range_incl = PMPI_Group_range_incl
int PMPI_Group_range_incl(MPI_Group group, int n, int ranges[][3], MPI_Group *newgroup)
{
    static const char fn[] = "MPI_Group_range_incl";
    int rc = check_one(fn, group, newgroup);

    if (rc == MPI_SUCCESS) {
        rc = check_ranges(fn, group, n, ranges);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return group_result(fn, mpr_group_range_incl(group, n, (const int(*)[3])ranges, newgroup));
}

#pragma weak MPI_Group_range_excl = PMPI_Group_range_excl
int PMPI_Group_range_excl(MPI_Group group, int n, int ranges[][3], MPI_Group *newgroup)
{
    static const char fn[] = "MPI_Group_range_excl";
    int rc = check_one(fn, group, newgroup);

    if (rc == MPI_SUCCESS) {
        rc = check_ranges(fn, group, n, ranges);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return group_result(fn, mpr_group_range_excl(group, n, (const int(*)[3])ranges, newgroup));
}

/* Freeing MPI_GROUP_EMPTY is allowed: the constructors hand it out for every empty result. */
#pragma weak MPI_Group_free = PMPI_Group_free
int PMPI_Group_free(MPI_Group *group)
{
    static const char fn[] = "MPI_Group_free";

    mpr_api_require_init(fn);
    if (group == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "group: NULL pointer");
    }
    if (!mpr_group_valid(*group)) {
        return bad_group(fn, "*group");
    }
    mpr_group_release(*group);
    *group = MPI_GROUP_NULL;
    return MPI_SUCCESS;
}
