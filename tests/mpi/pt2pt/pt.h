/* pt.h — helpers shared by the tests/mpi/pt2pt programs (MPI 3.1 point-to-point semantics).
 * Plain MPI C API only: every program also builds with Open MPI's and MPICH's mpicc.
 * On any mismatch a program prints one line "FAIL <prog> rank R: reason" to stderr and calls
 * MPI_Abort(MPI_COMM_WORLD, 1). On success it prints nothing, except maybe one line from rank 0. */
#ifndef PT_H
#define PT_H

#include <mpi.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"

static inline void pt_need_size(int min)
{
    if (tc_size < min)
        tc_fail("needs at least %d ranks, got %d", min, tc_size);
}

/* The tag upper bound: the MPI_TAG_UB attribute if the library has it, else the 32767 the
 * standard guarantees. */
static inline int pt_tag_ub(void)
{
    int *v = NULL, flag = 0;
    if (MPI_Comm_get_attr(MPI_COMM_WORLD, MPI_TAG_UB, &v, &flag) == MPI_SUCCESS && flag && v &&
        *v >= 32767)
        return *v;
    return 32767;
}

/* Status checks. */
static inline void pt_check_status(const MPI_Status *st, int source, int tag, MPI_Datatype type,
                                   int count, const char *what)
{
    int c = -12345;
    TC_CHECK(st->MPI_SOURCE == source, "%s: status.MPI_SOURCE %d, expected %d", what,
             st->MPI_SOURCE, source);
    TC_CHECK(st->MPI_TAG == tag, "%s: status.MPI_TAG %d, expected %d", what, st->MPI_TAG, tag);
    TC_OK(MPI_Get_count(st, type, &c));
    TC_CHECK(c == count, "%s: MPI_Get_count %d, expected %d", what, c, count);
}

/* Deterministic data: a 64-bit mixer (splitmix64). */
static inline uint64_t pt_mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* A small, fast PRNG (xorshift64*), seeded through pt_mix. */
typedef struct {
    uint64_t s;
} pt_rng;
static inline void pt_rng_seed(pt_rng *r, uint64_t seed)
{
    r->s = pt_mix(seed) | 1;
}
static inline uint64_t pt_rng_next(pt_rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 0x2545f4914f6cdd1dULL;
}
/* uniform in [0, n) */
static inline uint64_t pt_rng_below(pt_rng *r, uint64_t n)
{
    return n ? pt_rng_next(r) % n : 0;
}

/* Fill buf[0..len) with the byte stream of `seed` (word k of the stream is pt_mix(seed ^ k...)). */
static inline void pt_fill(void *buf, size_t len, uint64_t seed)
{
    unsigned char *p = buf;
    uint64_t k = 0, w;
    size_t i = 0;
    seed = pt_mix(seed);
    for (; i + 8 <= len; i += 8, k++) {
        w = seed + k * 0x9e3779b97f4a7c15ULL;
        w ^= w >> 29;
        w *= 0xbf58476d1ce4e5b9ULL;
        w ^= w >> 32;
        memcpy(p + i, &w, 8);
    }
    if (i < len) {
        w = seed + k * 0x9e3779b97f4a7c15ULL;
        w ^= w >> 29;
        w *= 0xbf58476d1ce4e5b9ULL;
        w ^= w >> 32;
        memcpy(p + i, &w, len - i);
    }
}

/* Index of the first byte of buf[0..len) that differs from the stream of `seed`, or -1. */
static inline long long pt_verify(const void *buf, size_t len, uint64_t seed)
{
    const unsigned char *p = buf;
    uint64_t k = 0, w;
    size_t i = 0;
    seed = pt_mix(seed);
    for (; i + 8 <= len; i += 8, k++) {
        w = seed + k * 0x9e3779b97f4a7c15ULL;
        w ^= w >> 29;
        w *= 0xbf58476d1ce4e5b9ULL;
        w ^= w >> 32;
        if (memcmp(p + i, &w, 8) != 0) {
            for (size_t j = 0; j < 8; j++)
                if (p[i + j] != ((const unsigned char *)&w)[j])
                    return (long long)(i + j);
        }
    }
    if (i < len) {
        w = seed + k * 0x9e3779b97f4a7c15ULL;
        w ^= w >> 29;
        w *= 0xbf58476d1ce4e5b9ULL;
        w ^= w >> 32;
        for (size_t j = 0; i + j < len; j++)
            if (p[i + j] != ((const unsigned char *)&w)[j])
                return (long long)(i + j);
    }
    return -1;
}

static inline void *pt_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        tc_fail("out of memory (%zu bytes)", n);
    return p;
}

/* MPI_ERRORS_RETURN on MPI_COMM_WORLD */
static inline void pt_errors_return(void)
{
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
}

static inline int pt_class(int rc)
{
    int cls = -1;
    if (rc == MPI_SUCCESS)
        return MPI_SUCCESS;
    if (MPI_Error_class(rc, &cls) != MPI_SUCCESS)
        return -1;
    return cls;
}

#endif
