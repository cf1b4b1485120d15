/* topotest.h — helpers shared by the tests/mpi/topo programs (MPI 3.1 chapter 7, process
 * topologies). Plain MPI C API only: every program also builds with Open MPI's and MPICH's
 * mpicc. On any mismatch a program prints one line "FAIL <prog> rank R: reason" to stderr and
 * calls MPI_Abort(MPI_COMM_WORLD, 1); on success rank 0 prints one summary line. */
#ifndef TOPOTEST_H
#define TOPOTEST_H

#include "../check.h"

static inline void *tt_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        tc_fail("out of memory (%zu bytes)", n);
    return p;
}

/* MPI_UNWEIGHTED and MPI_WEIGHTS_EMPTY are small integers cast to int * (in mpr as in Open MPI),
 * and GCC 12 takes one passed for an int[] parameter for a pointer to nothing
 * (-Wstringop-overflow, a false positive). Passing it through a volatile keeps the value and
 * hides the constant: tt_w(MPI_UNWEIGHTED). */
static inline int *tt_w(int *w)
{
    int *volatile v = w;
    return v;
}

/* The class of an error code (MPI_SUCCESS for success). */
static inline int tt_class(int rc)
{
    int cls = -1;
    if (rc == MPI_SUCCESS)
        return MPI_SUCCESS;
    if (MPI_Error_class(rc, &cls) != MPI_SUCCESS)
        return -1;
    return cls;
}

/* Rank 0 prints the one summary line after everyone has passed. */
static inline void tt_done(const char *what)
{
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    if (tc_rank == 0) {
        printf("%s: %s ok on %d ranks\n", tc_prog, what, tc_size);
        fflush(stdout);
    }
    TC_OK(MPI_Finalize());
}

static inline void tt_free(MPI_Comm *c)
{
    if (*c != MPI_COMM_NULL)
        TC_OK(MPI_Comm_free(c));
    TC_CHECK(*c == MPI_COMM_NULL, "MPI_Comm_free left the handle set");
}

/* x mod n in [0, n) */
static inline int tt_mod(long long x, int n)
{
    long long m = x % n;
    return (int)(m < 0 ? m + n : m);
}

/* MPI_Cart_map, MPI_Graph_map: exactly n ranks get a new rank, each of 0..n-1 once (any
 * mapping is allowed; the others get MPI_UNDEFINED). nr is this rank's answer. */
static inline void tt_check_map(int nr, int n, const char *what)
{
    int *all = tt_malloc((size_t)tc_size * sizeof(int)), *seen = tt_malloc((size_t)n * sizeof(int));
    int count = 0;
    memset(seen, 0, (size_t)n * sizeof(int));
    TC_OK(MPI_Allgather(&nr, 1, MPI_INT, all, 1, MPI_INT, MPI_COMM_WORLD));
    for (int r = 0; r < tc_size; r++) {
#ifdef OPEN_MPI
        /* Open MPI 4.1 answers with the old rank also beyond the topology: take that as
         * MPI_UNDEFINED, when it is. */
        if (all[r] == r && r >= n)
            continue;
#endif
        if (all[r] == MPI_UNDEFINED)
            continue;
        TC_CHECK(all[r] >= 0 && all[r] < n && !seen[all[r]], "%s: rank %d got %d of %d", what, r,
                 all[r], n);
        seen[all[r]] = 1;
        count++;
    }
    TC_CHECK(count == n, "%s: %d ranks mapped into %d nodes", what, count, n);
    free(all);
    free(seen);
}

/* The undirected multigraph for MPI_Graph_create on n nodes: a ring (both directions), a self
 * loop on node 0 and the edge 0 - 1 doubled. index/edges as the standard has them. */
static inline int tt_graph(int n, int *index, int *edges)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (i == 0)
            edges[k++] = 0;
        if (n >= 2) {
            edges[k++] = (i + 1) % n;
            if (n >= 3)
                edges[k++] = (i + n - 1) % n;
        }
        if (n >= 2 && i <= 1)
            edges[k++] = 1 - i;
        index[i] = k;
    }
    return k;
}

/* ---- the irregular directed graph the graph programs share ----------------------------------
 * On n ranks: a ring s -> s+1, chords s -> s+2 from even s, a self loop on 0, the edge 1 -> 2
 * twice (n >= 3), and no out-edges at all from rank n-2 (n >= 4). Edge k is given to
 * MPI_Dist_graph_create by rank (5k + 1) mod n, so mostly by a rank that is neither end. */
struct tt_edge {
    int s, d;
};

static inline int tt_weight(int s, int d)
{
    return 10 * s + d + 1;
}

/* The edges in their global order; returns how many (at most 3n + 2). */
static inline int tt_edges(int n, struct tt_edge *e)
{
    int k = 0;
    for (int s = 0; s < n; s++) {
        if (n >= 4 && s == n - 2)
            continue;
        e[k++] = (struct tt_edge){s, (s + 1) % n};
        if (s % 2 == 0)
            e[k++] = (struct tt_edge){s, (s + 2) % n};
    }
    e[k++] = (struct tt_edge){0, 0};
    if (n >= 3)
        e[k++] = (struct tt_edge){1, 2};
    return k;
}

static inline int tt_giver(int k, int n)
{
    return (5 * k + 1) % n;
}

#endif
