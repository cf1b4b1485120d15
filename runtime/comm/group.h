/*
 * Process groups: an ordered set of processes, named by their MPI_COMM_WORLD ranks.
 * MPI_GROUP_EMPTY is the static object in group_predefined.c; every constructor below returns it
 * for an empty result, so an empty group is never allocated. Other groups are allocated and
 * reference counted (group.c).
 *
 * The constructors trust their arguments: ranks are valid and distinct, triplets have a nonzero
 * stride that walks from first towards last, and every rank they compute is valid and distinct.
 * runtime/api/group.c checks user input against these preconditions first.
 */
#ifndef MPR_GROUP_H
#define MPR_GROUP_H

#include <mpi.h>
#include <stdint.h>

#define MPR_GROUP_MAGIC 0x4d50526772707331ull /* "MPRgrps1": catches stale or foreign handles */

struct mpr_comm;

struct mpr_group {
    uint64_t magic;
    int size;
    int rank; /* this process's rank in the group, MPI_UNDEFINED if not a member */
    /* MPI_GROUP_EMPTY is never freed. Not atomic: a group is shared between threads only
     * read-only, and only its owner retains or releases it. */
    int refcount;
    int *world_ranks; /* size entries: group rank -> MPI_COMM_WORLD rank; NULL when size is 0 */
};

/* A live group object: non-NULL and not freed (as far as the magic can tell). */
static inline int mpr_group_valid(const struct mpr_group *g)
{
    return g != NULL && g->magic == MPR_GROUP_MAGIC;
}

/*
 * Constructors: 0 or -MPR_ERR_NOMEM; *out (refcount 1, or MPI_GROUP_EMPTY) is set only on
 * success. This process's rank in the result comes from mpr_state.rank.
 */
/* Member i is world rank world_ranks[i] (copied); the n ranks are distinct. */
int mpr_group_new(int n, const int *world_ranks, struct mpr_group **out);
/* The group of a communicator: member i is the communicator's rank i. */
int mpr_group_from_comm(const struct mpr_comm *c, struct mpr_group **out);

/* MPI 3.1 section 6.3.2: a's members in a's order, then b's members not in a, in b's order. */
int mpr_group_union(const struct mpr_group *a, const struct mpr_group *b, struct mpr_group **out);
/* a's members that are also in b, in a's order. */
int mpr_group_intersection(const struct mpr_group *a, const struct mpr_group *b,
                           struct mpr_group **out);
/* a's members that are not in b, in a's order. */
int mpr_group_difference(const struct mpr_group *a, const struct mpr_group *b,
                         struct mpr_group **out);
/* g's ranks ranks[0..n) in that order. */
int mpr_group_incl(const struct mpr_group *g, int n, const int *ranks, struct mpr_group **out);
/* g without the ranks ranks[0..n), the others in g's order. */
int mpr_group_excl(const struct mpr_group *g, int n, const int *ranks, struct mpr_group **out);
/* incl/excl of the ranks the n (first, last, stride) triplets compute, in triplet order. */
int mpr_group_range_incl(const struct mpr_group *g, int n, const int (*ranges)[3],
                         struct mpr_group **out);
int mpr_group_range_excl(const struct mpr_group *g, int n, const int (*ranges)[3],
                         struct mpr_group **out);

/*
 * Ranks in `b` of a's ranks ranks[0..n) into out[0..n): MPI_UNDEFINED for a process not in b,
 * MPI_PROC_NULL for MPI_PROC_NULL. 0 or -MPR_ERR_NOMEM (out untouched then).
 */
int mpr_group_translate(const struct mpr_group *a, int n, const int *ranks,
                        const struct mpr_group *b, int *out);
/* MPI_IDENT, MPI_SIMILAR or MPI_UNEQUAL into *result. 0 or -MPR_ERR_NOMEM. */
int mpr_group_compare(const struct mpr_group *a, const struct mpr_group *b, int *result);

/*
 * The number of ranks the triplet (first, last, stride) computes (first, first + stride, ...
 * while not past last): 0 when stride is 0 or points away from last. Wide, since a triplet of
 * extreme ints can compute more ranks than an int holds.
 */
long long mpr_group_range_count(const int range[3]);

/* Reference counting; both are no-ops on MPI_GROUP_EMPTY. Release frees at zero. */
void mpr_group_retain(struct mpr_group *g);
void mpr_group_release(struct mpr_group *g);

#endif
