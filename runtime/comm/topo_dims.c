/*
 * MPI_Dims_create: split p nodes (nnodes over the fixed entries) into k free dimensions "as close
 * to each other as possible" (MPI 3.1 section 7.5.2). Closeness here is the spread, largest
 * minus smallest factor, and the search is exact: a depth-first walk over non-increasing
 * factorisations d1 >= d2 >= ... >= dk of p, pruned by a lower bound on the spread.
 *
 * Why the bound holds: the factor chosen at level i is the largest of the k - i still open, so
 * it is at least the (k - i)-th root of what is left; and the smallest factor in the end is at
 * most the (k - i - 1)-th root of what remains after it. Trying candidates from small to large,
 * the bound only grows, so the first candidate that cannot win ends the level.
 *
 * Cost: the divisors of p (at most 1600 below 2^31) per level, depth k; k beyond the number of
 * prime factors of p (at most 30) is answered directly.
 */
#include "comm/topo.h"

#include "core/errcode.h"

#include <limits.h>

#define DIMS_MAX_DIVISORS 1600 /* no int has more divisors */
#define DIMS_MAX_DEPTH 31      /* no int has more prime factors, counted with multiplicity */

struct dims_search {
    int div[DIMS_MAX_DIVISORS]; /* divisors of p, increasing */
    int ndiv;
    int k;
    int cur[DIMS_MAX_DEPTH];
    int best[DIMS_MAX_DEPTH];
    int best_spread;
};

/* r^e <= n, without overflow. */
static int pow_le(long long r, int e, long long n)
{
    long long x = 1;

    for (int i = 0; i < e; i++) {
        x *= r;
        if (x > n) {
            return 0;
        }
    }
    return 1;
}

/* The largest r with r^e <= n (n >= 1, e >= 1). */
static int iroot(int n, int e)
{
    int lo = 1, hi = n;

    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (pow_le(mid, e, n)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

static void divisors(struct dims_search *s, int p)
{
    int small = 0, large[DIMS_MAX_DIVISORS], nlarge = 0;

    for (long long d = 1; d * d <= p; d++) {
        if (p % d == 0) {
            s->div[small++] = (int)d;
            if (d * d != p) {
                large[nlarge++] = (int)(p / d);
            }
        }
    }
    while (nlarge > 0) {
        s->div[small++] = large[--nlarge];
    }
    s->ndiv = small;
}

/* Level i of the walk: rem is left to split over k - i factors, none above prev. */
static void walk(struct dims_search *s, int i, int rem, int prev)
{
    int open = s->k - i;

    if (open == 1) {
        int spread = (i == 0 ? rem : s->cur[0]) - rem;
        if (rem <= prev && spread < s->best_spread) {
            s->cur[i] = rem;
            s->best_spread = spread;
            for (int j = 0; j < s->k; j++) {
                s->best[j] = s->cur[j];
            }
        }
        return;
    }
    for (int j = 0; j < s->ndiv && s->div[j] <= prev && s->div[j] <= rem; j++) {
        int d = s->div[j];
        if (rem % d != 0 || pow_le(d, open, rem - 1)) {
            continue; /* not a factor of rem, or below the open-th root of rem */
        }
        int bound = (i == 0 ? d : s->cur[0]) - iroot(rem / d, open - 1);
        if (bound >= s->best_spread) {
            break;
        }
        s->cur[i] = d;
        walk(s, i + 1, rem / d, d);
    }
}

/* More free dimensions than prime factors: one prime each, largest first, then ones. */
static void primes_then_ones(int p, int *f, int k)
{
    int n = 0;

    for (int q = 2; (long long)q * q <= p; q++) {
        while (p % q == 0) {
            f[n++] = q;
            p /= q;
        }
    }
    if (p > 1) {
        f[n++] = p;
    }
    for (int a = 0, b = n - 1; a < b; a++, b--) {
        int x = f[a];
        f[a] = f[b];
        f[b] = x;
    }
    while (n < k) {
        f[n++] = 1;
    }
}

/* Balanced factors of p for k free entries, non-increasing; k <= DIMS_MAX_DEPTH. */
static void factor(int p, int k, int *f)
{
    struct dims_search s;

    s.k = k;
    s.best_spread = INT_MAX;
    divisors(&s, p);
    walk(&s, 0, p, p);
    for (int j = 0; j < k; j++) {
        f[j] = s.best[j];
    }
}

int mpr_topo_dims_create(int nnodes, int ndims, int dims[])
{
    long long fixed = 1;
    int k = 0, f[DIMS_MAX_DEPTH];

    for (int i = 0; i < ndims; i++) {
        /* capped: once past nnodes it cannot divide it, and cannot overflow either */
        fixed = dims[i] > 0 && fixed <= nnodes ? fixed * dims[i] : fixed;
        k += dims[i] == 0;
    }
    /* with nothing left to fill, the fixed entries must make up nnodes exactly */
    if (fixed > nnodes || nnodes % fixed != 0 || (k == 0 && fixed != nnodes)) {
        return -MPR_ERR_ARG;
    }
    if (k >= DIMS_MAX_DEPTH) {
        /* Only the first DIMS_MAX_DEPTH free entries can exceed 1; fill them, then ones. */
        primes_then_ones((int)(nnodes / fixed), f, DIMS_MAX_DEPTH);
    } else if (k > 0) {
        factor((int)(nnodes / fixed), k, f);
    }
    for (int i = 0, j = 0; i < ndims; i++) {
        if (dims[i] == 0) {
            dims[i] = j < DIMS_MAX_DEPTH ? f[j++] : 1;
        }
    }
    return 0;
}
