/* coll.h — helpers shared by the tests/mpi/coll programs (MPI 3.1 chapter 5, collectives).
 * Plain MPI C API only: every program also builds with Open MPI's and MPICH's mpicc.
 * On any mismatch a program prints one line "FAIL <prog> rank R: reason" to stderr and calls
 * MPI_Abort(MPI_COMM_WORLD, 1). On success it prints at most one line, from rank 0.
 *
 * Common command line: every program accepts "big" (adds count 262144 to every type/op pair
 * instead of only the first few) — used by the stress sweep. */
#ifndef COLL_H
#define COLL_H

#include <mpi.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"

static inline bool ct_has_arg(int argc, char **argv, const char *a)
{
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], a) == 0)
            return true;
    return false;
}

/* Print the one summary line (rank 0) after everyone has passed. */
static inline void ct_done(const char *what)
{
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    if (tc_rank == 0) {
        printf("%s: %s ok on %d ranks\n", tc_prog, what, tc_size);
        fflush(stdout);
    }
    TC_OK(MPI_Finalize());
}

static inline void *ct_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        tc_fail("out of memory (%zu bytes)", n);
    return p;
}

static inline int ct_class(int rc)
{
    int cls = -1;
    if (rc == MPI_SUCCESS)
        return MPI_SUCCESS;
    if (MPI_Error_class(rc, &cls) != MPI_SUCCESS)
        return -1;
    return cls;
}

/* Deterministic data: a 64-bit mixer (splitmix64). */
static inline uint64_t ct_mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}
/* element i of rank r's data in test `salt` */
static inline uint64_t ct_val(uint64_t salt, int r, size_t i)
{
    return ct_mix(salt * 0x100000001b3ULL ^ ((uint64_t)(unsigned)r << 40) ^ (uint64_t)i);
}

/* Counts every program loops over. 262144 is used only by "big" pairs. */
static const int ct_counts[] = {0, 1, 7, 1000, 262144};
#define CT_NCOUNTS 5
#define CT_BIG 262144

/* Roots {0, middle, last}, without duplicates; returns how many. */
static inline int ct_roots(int roots[3])
{
    int k = 0;
    roots[k++] = 0;
    if (tc_size / 2 != 0)
        roots[k++] = tc_size / 2;
    if (tc_size - 1 != 0 && tc_size - 1 != tc_size / 2)
        roots[k++] = tc_size - 1;
    return k;
}

/* ---- Type/op pairs for the reductions ------------------------------------------------------ */
typedef struct {
    double v;
    int i;
} ct_double_int;
typedef struct {
    int v;
    int i;
} ct_2int;

typedef struct ct_pair {
    const char *name;
    MPI_Datatype type;
    MPI_Op op;
    size_t size; /* extent of one element in C */
    bool big;    /* also run with count 262144 */
    /* element i of rank r's contribution */
    void (*gen)(void *elem, uint64_t salt, int r, size_t i);
    /* inout[k] = in[k] op inout[k], k < n */
    void (*combine)(const void *in, void *inout, size_t n);
} ct_pair;

static void gen_int_sum(void *e, uint64_t s, int r, size_t i)
{
    *(int *)e = (int)(ct_val(s, r, i) % 20001) - 10000;
}
static void comb_int_sum(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((int *)io)[k] += ((const int *)in)[k];
}
/* multiples of 1/8 below 2^20: every partial sum is exact in any order */
static void gen_double_sum(void *e, uint64_t s, int r, size_t i)
{
    *(double *)e = ((double)(int64_t)(ct_val(s, r, i) % (1u << 23)) - (1 << 22)) / 8.0;
}
static void comb_double_sum(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((double *)io)[k] += ((const double *)in)[k];
}
static void gen_ll_max(void *e, uint64_t s, int r, size_t i)
{
    *(long long *)e = (long long)ct_val(s, r, i);
}
static void comb_ll_max(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (((const long long *)in)[k] > ((long long *)io)[k])
            ((long long *)io)[k] = ((const long long *)in)[k];
}
static void gen_short_min(void *e, uint64_t s, int r, size_t i)
{
    *(short *)e = (short)(ct_val(s, r, i) & 0xffff);
}
static void comb_short_min(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (((const short *)in)[k] < ((short *)io)[k])
            ((short *)io)[k] = ((const short *)in)[k];
}
static void gen_uchar(void *e, uint64_t s, int r, size_t i)
{
    *(unsigned char *)e = (unsigned char)ct_val(s, r, i);
}
static void comb_uchar_bxor(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((unsigned char *)io)[k] ^= ((const unsigned char *)in)[k];
}
/* BAND/BOR on unsigned: bits set with probability 7/8 (BAND) or 1/8 (BOR) so the result is
 * neither all-zero nor all-one */
static void gen_unsigned_band(void *e, uint64_t s, int r, size_t i)
{
    uint64_t a = ct_val(s, r, i), b = ct_mix(a), c = ct_mix(b);
    *(unsigned *)e = (unsigned)(a | b | c);
}
static void comb_unsigned_band(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((unsigned *)io)[k] &= ((const unsigned *)in)[k];
}
static void gen_int_bor(void *e, uint64_t s, int r, size_t i)
{
    uint64_t a = ct_val(s, r, i), b = ct_mix(a), c = ct_mix(b);
    *(int *)e = (int)(unsigned)(a & b & c);
}
static void comb_int_bor(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((int *)io)[k] |= ((const int *)in)[k];
}
/* PROD: values in {1, 1, 1, -1, 2}: no overflow for up to 30 ranks */
static void gen_long_prod(void *e, uint64_t s, int r, size_t i)
{
    static const long v[5] = {1, 1, 1, -1, 2};
    *(long *)e = v[ct_val(s, r, i) % 5];
}
static void comb_long_prod(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((long *)io)[k] *= ((const long *)in)[k];
}
static void gen_float_prod(void *e, uint64_t s, int r, size_t i)
{
    static const float v[5] = {1.0f, 0.5f, -1.0f, 2.0f, 4.0f};
    *(float *)e = v[ct_val(s, r, i) % 5];
}
static void comb_float_prod(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((float *)io)[k] *= ((const float *)in)[k];
}
static void gen_bool(void *e, uint64_t s, int r, size_t i)
{
    *(bool *)e = (ct_val(s, r, i) & 1) != 0;
}
/* mostly true, so LAND is not always false on 8 ranks */
static void gen_bool_land(void *e, uint64_t s, int r, size_t i)
{
    *(bool *)e = (ct_val(s, r, i) % 16) != 0;
}
static void comb_bool_lxor(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((bool *)io)[k] = ((const bool *)in)[k] != ((bool *)io)[k];
}
static void comb_bool_land(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((bool *)io)[k] = ((const bool *)in)[k] && ((bool *)io)[k];
}
static void gen_int_lor(void *e, uint64_t s, int r, size_t i)
{
    uint64_t v = ct_val(s, r, i);
    *(int *)e = (v % 8) == 0 ? (int)(v >> 32) | 1 : 0; /* nonzero values other than 1 */
}
static void comb_int_lor(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++)
        ((int *)io)[k] = ((const int *)in)[k] || ((int *)io)[k];
}
/* MAXLOC/MINLOC: few distinct values, so ties across ranks are common; index = rank*3+1 */
static void gen_double_int(void *e, uint64_t s, int r, size_t i)
{
    ct_double_int *p = e;
    memset(p, 0, sizeof *p);
    p->v = (double)(ct_val(s, r, i) % 3) - 1.0;
    p->i = r * 3 + 1;
}
static void comb_double_int_maxloc(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const ct_double_int *a = (const ct_double_int *)in + k;
        ct_double_int *b = (ct_double_int *)io + k;
        if (a->v > b->v)
            *b = *a;
        else if (a->v == b->v && a->i < b->i)
            b->i = a->i;
    }
}
static void gen_2int(void *e, uint64_t s, int r, size_t i)
{
    ct_2int *p = e;
    p->v = (int)(ct_val(s, r, i) % 3) - 1;
    p->i = (tc_size - r) * 5; /* indices decreasing with rank */
}
static void comb_2int_minloc(const void *in, void *io, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const ct_2int *a = (const ct_2int *)in + k;
        ct_2int *b = (ct_2int *)io + k;
        if (a->v < b->v)
            *b = *a;
        else if (a->v == b->v && a->i < b->i)
            b->i = a->i;
    }
}

/* Only the C types; MPI_C_BOOL is a logical type (LAND, LOR, LXOR only, MPI 3.1 5.9.2). */
#if defined(__GNUC__)
__attribute__((unused))
#endif
static ct_pair ct_pairs[] = {
    {"INT+SUM", MPI_INT, MPI_SUM, sizeof(int), true, gen_int_sum, comb_int_sum},
    {"DOUBLE+SUM", MPI_DOUBLE, MPI_SUM, sizeof(double), true, gen_double_sum, comb_double_sum},
    {"LONG_LONG+MAX", MPI_LONG_LONG, MPI_MAX, sizeof(long long), false, gen_ll_max, comb_ll_max},
    {"SHORT+MIN", MPI_SHORT, MPI_MIN, sizeof(short), false, gen_short_min, comb_short_min},
    {"UNSIGNED_CHAR+BXOR", MPI_UNSIGNED_CHAR, MPI_BXOR, 1, false, gen_uchar, comb_uchar_bxor},
    {"UNSIGNED+BAND", MPI_UNSIGNED, MPI_BAND, sizeof(unsigned), false, gen_unsigned_band,
     comb_unsigned_band},
    {"INT+BOR", MPI_INT, MPI_BOR, sizeof(int), false, gen_int_bor, comb_int_bor},
    {"LONG+PROD", MPI_LONG, MPI_PROD, sizeof(long), false, gen_long_prod, comb_long_prod},
    {"FLOAT+PROD", MPI_FLOAT, MPI_PROD, sizeof(float), false, gen_float_prod, comb_float_prod},
    {"C_BOOL+LXOR", MPI_C_BOOL, MPI_LXOR, sizeof(bool), false, gen_bool, comb_bool_lxor},
    {"C_BOOL+LAND", MPI_C_BOOL, MPI_LAND, sizeof(bool), false, gen_bool_land, comb_bool_land},
    {"INT+LOR", MPI_INT, MPI_LOR, sizeof(int), false, gen_int_lor, comb_int_lor},
    {"DOUBLE_INT+MAXLOC", MPI_DOUBLE_INT, MPI_MAXLOC, sizeof(ct_double_int), true,
     gen_double_int, comb_double_int_maxloc},
    {"2INT+MINLOC", MPI_2INT, MPI_MINLOC, sizeof(ct_2int), false, gen_2int, comb_2int_minloc},
};
#define CT_NPAIRS ((int)(sizeof ct_pairs / sizeof ct_pairs[0]))

/* Fill buf with n elements of rank r's contribution (element index starting at first). */
static inline void ct_gen(const ct_pair *p, void *buf, size_t n, uint64_t salt, int r,
                          size_t first)
{
    for (size_t k = 0; k < n; k++)
        p->gen((char *)buf + k * p->size, salt, r, first + k);
}

/* ref = contribution of rank lo op ... op rank hi-1 (elements first..first+n), in rank order
 * (the predefined ops are commutative; the order matters only for the user op tests).
 * tmp: scratch of n elements. Returns false when lo == hi (empty range). */
static inline bool ct_reference(const ct_pair *p, void *ref, void *tmp, size_t n, uint64_t salt,
                                int lo, int hi, size_t first)
{
    if (lo >= hi)
        return false;
    ct_gen(p, ref, n, salt, hi - 1, first);
    for (int r = hi - 2; r >= lo; r--) {
        ct_gen(p, tmp, n, salt, r, first);
        /* inout = in op inout with in = rank r (lower) */
        p->combine(tmp, ref, n);
    }
    return true;
}

/* Compare n elements; pair types compare field by field (the struct padding is undefined). */
static inline long ct_diff(const ct_pair *p, const void *got, const void *want, size_t n)
{
    if (p->type == MPI_DOUBLE_INT) {
        const ct_double_int *g = got, *w = want;
        for (size_t k = 0; k < n; k++)
            if (g[k].v != w[k].v || g[k].i != w[k].i)
                return (long)k;
        return -1;
    }
    if (p->type == MPI_C_BOOL) {
        const bool *g = got, *w = want;
        for (size_t k = 0; k < n; k++)
            if (!g[k] != !w[k])
                return (long)k;
        return -1;
    }
    if (memcmp(got, want, n * p->size) == 0)
        return -1;
    for (size_t k = 0; k < n; k++)
        if (memcmp((const char *)got + k * p->size, (const char *)want + k * p->size, p->size))
            return (long)k;
    return -1;
}

/* Sentinel fill and check for the bytes a collective must not touch. */
#define CT_SENT 0xa5
static inline void ct_sentinel(void *buf, size_t len)
{
    memset(buf, CT_SENT, len);
}
static inline long ct_sentinel_bad(const void *buf, size_t len)
{
    const unsigned char *b = buf;
    for (size_t k = 0; k < len; k++)
        if (b[k] != CT_SENT)
            return (long)k;
    return -1;
}

/* Wait for the request of a nonblocking collective. */
static inline void ct_wait(MPI_Request *req)
{
    MPI_Status st;
    TC_OK(MPI_Wait(req, &st));
    TC_CHECK(*req == MPI_REQUEST_NULL, "request not freed by MPI_Wait");
}

/* v-variant layouts over tc_size blocks: uneven counts with zeros (every third block empty),
 * blocks placed in reverse rank order with gaps (non-monotonic displacements).
 * cnt[r], dsp[r] in elements; returns the span (elements) the layout covers. */
static inline int ct_vlayout(int base, int *cnt, int *dsp)
{
    int pos = 1; /* a gap before the first block too */
    for (int r = 0; r < tc_size; r++)
        cnt[r] = base == 0 || r % 3 == 1 ? 0 : base + (r * 5) % 7 - (base > 3 ? 3 : 0);
    for (int r = tc_size - 1; r >= 0; r--) {
        dsp[r] = pos;
        pos += cnt[r] + 1 + r % 2;
    }
    return pos;
}

#endif
