/* Reduction ops (runtime/op/): which (op, type) pairs are valid, the typed kernels, user ops. */
#include "core/errcode.h"
#include "datatype/datatype.h"
#include "op/op.h"

#include <check.h>
#include <complex.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What the test knows about a type, written from the standard rather than read from the runtime. */
enum cls {
    C_SINT,    /* signed integers, C and Fortran */
    C_UINT,    /* unsigned integers */
    C_FLOAT,   /* float, double, long double, REAL... */
    C_COMPLEX, /* C, C++ and Fortran complex */
    C_BOOL,    /* MPI_C_BOOL, MPI_CXX_BOOL: one byte */
    C_LOGICAL, /* Fortran LOGICAL: a C int, true when nonzero */
    C_BYTE,    /* MPI_BYTE */
    C_PAIR,    /* value + index pairs */
    C_NONE,    /* text and MPI_PACKED: no predefined op */
    C_MAX
};

struct ttype {
    MPI_Datatype dt;
    enum cls cls;
};

static const struct ttype types[] = {
    {MPI_CHAR, C_NONE},
    {MPI_WCHAR, C_NONE},
    {MPI_CHARACTER, C_NONE},
    {MPI_PACKED, C_NONE},
    {MPI_SHORT, C_SINT},
    {MPI_INT, C_SINT},
    {MPI_LONG, C_SINT},
    {MPI_LONG_LONG_INT, C_SINT},
    {MPI_SIGNED_CHAR, C_SINT},
    {MPI_INT8_T, C_SINT},
    {MPI_INT16_T, C_SINT},
    {MPI_INT32_T, C_SINT},
    {MPI_INT64_T, C_SINT},
    {MPI_AINT, C_SINT},
    {MPI_COUNT, C_SINT},
    {MPI_OFFSET, C_SINT},
    {MPI_INTEGER, C_SINT},
    {MPI_INTEGER1, C_SINT},
    {MPI_INTEGER2, C_SINT},
    {MPI_INTEGER4, C_SINT},
    {MPI_INTEGER8, C_SINT},
    {MPI_UNSIGNED_CHAR, C_UINT},
    {MPI_UNSIGNED_SHORT, C_UINT},
    {MPI_UNSIGNED, C_UINT},
    {MPI_UNSIGNED_LONG, C_UINT},
    {MPI_UNSIGNED_LONG_LONG, C_UINT},
    {MPI_UINT8_T, C_UINT},
    {MPI_UINT16_T, C_UINT},
    {MPI_UINT32_T, C_UINT},
    {MPI_UINT64_T, C_UINT},
    {MPI_FLOAT, C_FLOAT},
    {MPI_DOUBLE, C_FLOAT},
    {MPI_LONG_DOUBLE, C_FLOAT},
    {MPI_REAL, C_FLOAT},
    {MPI_DOUBLE_PRECISION, C_FLOAT},
    {MPI_REAL4, C_FLOAT},
    {MPI_REAL8, C_FLOAT},
    {MPI_C_FLOAT_COMPLEX, C_COMPLEX},
    {MPI_C_DOUBLE_COMPLEX, C_COMPLEX},
    {MPI_C_LONG_DOUBLE_COMPLEX, C_COMPLEX},
    {MPI_COMPLEX, C_COMPLEX},
    {MPI_DOUBLE_COMPLEX, C_COMPLEX},
    {MPI_COMPLEX8, C_COMPLEX},
    {MPI_COMPLEX16, C_COMPLEX},
    {MPI_CXX_FLOAT_COMPLEX, C_COMPLEX},
    {MPI_CXX_DOUBLE_COMPLEX, C_COMPLEX},
    {MPI_CXX_LONG_DOUBLE_COMPLEX, C_COMPLEX},
    {MPI_C_BOOL, C_BOOL},
    {MPI_CXX_BOOL, C_BOOL},
    {MPI_LOGICAL, C_LOGICAL},
    {MPI_BYTE, C_BYTE},
    {MPI_FLOAT_INT, C_PAIR},
    {MPI_DOUBLE_INT, C_PAIR},
    {MPI_LONG_INT, C_PAIR},
    {MPI_2INT, C_PAIR},
    {MPI_SHORT_INT, C_PAIR},
    {MPI_LONG_DOUBLE_INT, C_PAIR},
    {MPI_2INTEGER, C_PAIR},
    {MPI_2REAL, C_PAIR},
    {MPI_2DOUBLE_PRECISION, C_PAIR},
};

#define NTYPES (sizeof(types) / sizeof(types[0]))

static const struct {
    MPI_Op op;
    int valid[C_MAX]; /* MPI 3.1 section 5.9.2 */
} ops[] = {
    {MPI_MAX, {[C_SINT] = 1, [C_UINT] = 1, [C_FLOAT] = 1}},
    {MPI_MIN, {[C_SINT] = 1, [C_UINT] = 1, [C_FLOAT] = 1}},
    {MPI_SUM, {[C_SINT] = 1, [C_UINT] = 1, [C_FLOAT] = 1, [C_COMPLEX] = 1}},
    {MPI_PROD, {[C_SINT] = 1, [C_UINT] = 1, [C_FLOAT] = 1, [C_COMPLEX] = 1}},
    {MPI_LAND, {[C_SINT] = 1, [C_UINT] = 1, [C_BOOL] = 1, [C_LOGICAL] = 1}},
    {MPI_LOR, {[C_SINT] = 1, [C_UINT] = 1, [C_BOOL] = 1, [C_LOGICAL] = 1}},
    {MPI_LXOR, {[C_SINT] = 1, [C_UINT] = 1, [C_BOOL] = 1, [C_LOGICAL] = 1}},
    {MPI_BAND, {[C_SINT] = 1, [C_UINT] = 1, [C_BYTE] = 1}},
    {MPI_BOR, {[C_SINT] = 1, [C_UINT] = 1, [C_BYTE] = 1}},
    {MPI_BXOR, {[C_SINT] = 1, [C_UINT] = 1, [C_BYTE] = 1}},
    {MPI_MAXLOC, {[C_PAIR] = 1}},
    {MPI_MINLOC, {[C_PAIR] = 1}},
    {MPI_REPLACE, {0}},
    {MPI_NO_OP, {0}},
};

#define NOPS (sizeof(ops) / sizeof(ops[0]))

static const MPI_Count counts[] = {0, 1, 7, 1000};

/* ---- element access by size, so the reference does not share code with the kernels ---- */

static int64_t load_int(const void *p, size_t size, int is_signed)
{
    int8_t i8;
    int16_t i16;
    int32_t i32;
    int64_t i64;

    switch (size) {
    case 1:
        memcpy(&i8, p, 1);
        return is_signed ? (int64_t)i8 : (int64_t)(uint8_t)i8;
    case 2:
        memcpy(&i16, p, 2);
        return is_signed ? (int64_t)i16 : (int64_t)(uint16_t)i16;
    case 4:
        memcpy(&i32, p, 4);
        return is_signed ? (int64_t)i32 : (int64_t)(uint32_t)i32;
    default:
        memcpy(&i64, p, 8);
        return i64;
    }
}

static void store_int(void *p, size_t size, uint64_t v)
{
    uint8_t u8 = (uint8_t)v;
    uint16_t u16 = (uint16_t)v;
    uint32_t u32 = (uint32_t)v;

    switch (size) {
    case 1:
        memcpy(p, &u8, 1);
        break;
    case 2:
        memcpy(p, &u16, 2);
        break;
    case 4:
        memcpy(p, &u32, 4);
        break;
    default:
        memcpy(p, &v, 8);
        break;
    }
}

static long double load_real(const void *p, size_t size)
{
    if (size == sizeof(float)) {
        return *(const float *)p;
    }
    if (size == sizeof(double)) {
        return *(const double *)p;
    }
    return *(const long double *)p;
}

static void store_real(void *p, size_t size, long double v)
{
    if (size == sizeof(float)) {
        *(float *)p = (float)v;
    } else if (size == sizeof(double)) {
        *(double *)p = (double)v;
    } else {
        *(long double *)p = v;
    }
}

static long double complex load_complex(const void *p, size_t size)
{
    if (size == sizeof(float complex)) {
        return *(const float complex *)p;
    }
    if (size == sizeof(double complex)) {
        return *(const double complex *)p;
    }
    return *(const long double complex *)p;
}

static void store_complex(void *p, size_t size, long double complex v)
{
    if (size == sizeof(float complex)) {
        *(float complex *)p = (float complex)v;
    } else if (size == sizeof(double complex)) {
        *(double complex *)p = (double complex)v;
    } else {
        *(long double complex *)p = v;
    }
}

static int cls_signed(enum cls c)
{
    return c == C_SINT || c == C_LOGICAL;
}

/* Element k of a test input: exact under + and *, with zeros for the logical ops. */
static void fill(const struct ttype *t, void *buf, MPI_Count k, int seed)
{
    void *p = (char *)buf + k * t->dt->extent;
    size_t size = (size_t)t->dt->size;
    long h = (long)(k * 37 + seed * 11);

    switch (t->cls) {
    case C_SINT:
    case C_LOGICAL:
        store_int(p, size, (uint64_t)(h % 5 == 0 ? 0 : h % 128 - 64));
        break;
    case C_UINT:
    case C_BYTE:
        store_int(p, size, (uint64_t)(h % 5 == 0 ? 0 : h % 256));
        break;
    case C_BOOL:
        store_int(p, 1, (uint64_t)((k * 7 + seed) % 3 != 0));
        break;
    case C_FLOAT:
        store_real(p, size, (long double)((k * 7 + seed) % 17 - 8));
        break;
    case C_COMPLEX:
        store_complex(p, size, (k * 7 + seed) % 9 - 4 + I * ((k * 5 + seed * 3) % 9 - 4));
        break;
    default:
        break;
    }
}

/* in op inout, computed element by element in the widest type, stored as dt stores it. */
static void reference(MPI_Op op, const struct ttype *t, const void *a, const void *b, void *out)
{
    size_t size = (size_t)t->dt->size;

    if (t->cls == C_FLOAT) {
        long double x = load_real(a, size), y = load_real(b, size);

        store_real(out, size,
                   op == MPI_MAX   ? fmaxl(x, y)
                   : op == MPI_MIN ? fminl(x, y)
                   : op == MPI_SUM ? x + y
                                   : x * y);
    } else if (t->cls == C_COMPLEX) {
        long double complex x = load_complex(a, size), y = load_complex(b, size);

        store_complex(out, size, op == MPI_SUM ? x + y : x * y);
    } else {
        int s = cls_signed(t->cls);
        int64_t x = load_int(a, size, s), y = load_int(b, size, s);
        uint64_t r;

        if (op == MPI_MAX) {
            r = (uint64_t)(s ? (x > y ? x : y) : ((uint64_t)x > (uint64_t)y ? x : y));
        } else if (op == MPI_MIN) {
            r = (uint64_t)(s ? (x < y ? x : y) : ((uint64_t)x < (uint64_t)y ? x : y));
        } else if (op == MPI_SUM) {
            r = (uint64_t)x + (uint64_t)y;
        } else if (op == MPI_PROD) {
            r = (uint64_t)x * (uint64_t)y;
        } else if (op == MPI_LAND) {
            r = x != 0 && y != 0;
        } else if (op == MPI_LOR) {
            r = x != 0 || y != 0;
        } else if (op == MPI_LXOR) {
            r = (x != 0) != (y != 0);
        } else if (op == MPI_BAND) {
            r = (uint64_t)x & (uint64_t)y;
        } else if (op == MPI_BOR) {
            r = (uint64_t)x | (uint64_t)y;
        } else {
            r = (uint64_t)x ^ (uint64_t)y;
        }
        store_int(out, size, r);
    }
}

static int same_element(const struct ttype *t, const void *x, const void *y)
{
    size_t size = (size_t)t->dt->size;

    switch (t->cls) {
    case C_FLOAT:
        return load_real(x, size) == load_real(y, size);
    case C_COMPLEX:
        return load_complex(x, size) == load_complex(y, size);
    default:
        return load_int(x, size, 1) == load_int(y, size, 1);
    }
}

/* One (op, type, count): every element against the reference, and nothing written past count. */
static void check_one(MPI_Op op, const struct ttype *t, MPI_Count count)
{
    size_t ext = (size_t)t->dt->extent, bytes = (size_t)(count + 1) * ext;
    char *in = calloc(1, bytes), *io = calloc(1, bytes), *orig = malloc(bytes);
    char expect[64];

    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_nonnull(io);
    ck_assert_ptr_nonnull(orig);
    for (MPI_Count k = 0; k < count; k++) {
        fill(t, in, k, 1);
        fill(t, io, k, 2);
    }
    memset(io + count * ext, 0xa5, ext);
    memcpy(orig, io, bytes);
    mpr_op_apply(op, in, io, count, t->dt);
    for (MPI_Count k = 0; k < count; k++) {
        memset(expect, 0, sizeof(expect));
        reference(op, t, in + k * ext, orig + k * ext, expect);
        if (!same_element(t, io + k * ext, expect)) {
            ck_abort_msg("%s on %s, count %lld: element %lld differs", op->name, t->dt->name, count,
                         k);
        }
    }
    ck_assert_mem_eq(io + count * ext, orig + count * ext, ext);
    free(in);
    free(io);
    free(orig);
}

START_TEST(test_check_table)
{
    for (size_t o = 0; o < NOPS; o++) {
        for (size_t i = 0; i < NTYPES; i++) {
            int want = ops[o].valid[types[i].cls] ? 0 : -MPR_ERR_ARG;
            int got = mpr_op_check(ops[o].op, types[i].dt);

            if (got != want) {
                ck_abort_msg("mpr_op_check(%s, %s) = %d, want %d", ops[o].op->name,
                             types[i].dt->name, got, want);
            }
        }
    }
    ck_assert_int_eq(mpr_op_check(MPI_OP_NULL, MPI_INT), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_op_check(MPI_SUM, MPI_DATATYPE_NULL), -MPR_ERR_ARG);
}
END_TEST

START_TEST(test_predefined_all)
{
    for (size_t o = 0; o < NOPS; o++) {
        for (size_t i = 0; i < NTYPES; i++) {
            if (!ops[o].valid[types[i].cls] || types[i].cls == C_PAIR) {
                continue;
            }
            for (size_t c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
                check_one(ops[o].op, &types[i], counts[c]);
            }
        }
    }
}
END_TEST

START_TEST(test_integer_wraps)
{
    int32_t a[2] = {INT32_MAX, INT32_MIN}, b[2] = {1, -1};
    int64_t c[2] = {INT64_MAX, INT64_MIN}, d[2] = {2, 3};
    int8_t e[1] = {100}, f[1] = {100};
    uint16_t g[1] = {65535}, h[1] = {65535};

    mpr_op_apply(MPI_SUM, a, b, 2, MPI_INT32_T);
    ck_assert_int_eq(b[0], INT32_MIN);
    ck_assert_int_eq(b[1], INT32_MAX);
    mpr_op_apply(MPI_PROD, c, d, 2, MPI_INT64_T);
    ck_assert_int_eq(d[0], -2);
    ck_assert_int_eq(d[1], INT64_MIN);
    mpr_op_apply(MPI_SUM, e, f, 1, MPI_INT8_T);
    ck_assert_int_eq(f[0], -56);
    mpr_op_apply(MPI_PROD, g, h, 1, MPI_UINT16_T); /* promotes to int: must not overflow it */
    ck_assert_uint_eq(h[0], 1);
}
END_TEST

START_TEST(test_float_nan_and_zero)
{
    double in[4] = {NAN, 1.0, NAN, 0.0}, io[4] = {1.0, NAN, NAN, -0.0};
    float fin[2] = {NAN, -1.0f}, fio[2] = {2.0f, NAN};

    mpr_op_apply(MPI_MAX, in, io, 4, MPI_DOUBLE);
    ck_assert(isnan(io[0]) && isnan(io[1]) && isnan(io[2]));
    ck_assert(io[3] == 0.0 && signbit(io[3])); /* equal values: inout's zero is kept */
    mpr_op_apply(MPI_MIN, fin, fio, 2, MPI_FLOAT);
    ck_assert(isnan(fio[0]) && isnan(fio[1]));
}
END_TEST

START_TEST(test_logical_nonzero)
{
    int in[4] = {0, 5, -3, 0}, io[4] = {7, 2, 0, 0};
    int land[4], lor[4], lxor[4];

    memcpy(land, io, sizeof(io));
    memcpy(lor, io, sizeof(io));
    memcpy(lxor, io, sizeof(io));
    mpr_op_apply(MPI_LAND, in, land, 4, MPI_LOGICAL);
    mpr_op_apply(MPI_LOR, in, lor, 4, MPI_INT);
    mpr_op_apply(MPI_LXOR, in, lxor, 4, MPI_LOGICAL);
    for (int k = 0; k < 4; k++) {
        ck_assert_int_eq(land[k], (in[k] != 0) && (io[k] != 0));
        ck_assert_int_eq(lor[k], (in[k] != 0) || (io[k] != 0));
        ck_assert_int_eq(lxor[k], (in[k] != 0) != (io[k] != 0));
    }
}
END_TEST

/* ---- MAXLOC / MINLOC ---- */

struct float_int {
    float v;
    int i;
};
struct double_int {
    double v;
    int i;
};
struct long_int {
    long v;
    int i;
};
struct int_int {
    int v;
    int i;
};
struct short_int {
    short v;
    int i;
};
struct long_double_int {
    long double v;
    int i;
};
struct float_float {
    float v;
    float i;
};
struct double_double {
    double v;
    double i;
};

/* A pair type: where its value and index are and what C types they have. */
struct tpair {
    MPI_Datatype dt;
    size_t extent;
    int v_float, i_float; /* value / index floating? */
    size_t v_size, i_off, i_size;
};

#define TPAIR(dt, st, vf, if_)                                                                     \
    {                                                                                              \
        dt, sizeof(st), vf, if_, sizeof(((st *)0)->v), offsetof(st, i), sizeof(((st *)0)->i)       \
    }

static const struct tpair pairs[] = {
    TPAIR(MPI_FLOAT_INT, struct float_int, 1, 0),
    TPAIR(MPI_DOUBLE_INT, struct double_int, 1, 0),
    TPAIR(MPI_LONG_INT, struct long_int, 0, 0),
    TPAIR(MPI_2INT, struct int_int, 0, 0),
    TPAIR(MPI_SHORT_INT, struct short_int, 0, 0),
    TPAIR(MPI_LONG_DOUBLE_INT, struct long_double_int, 1, 0),
    TPAIR(MPI_2INTEGER, struct int_int, 0, 0),
    TPAIR(MPI_2REAL, struct float_float, 1, 1),
    TPAIR(MPI_2DOUBLE_PRECISION, struct double_double, 1, 1),
};

static long double pair_get(const struct tpair *p, const char *e, int index)
{
    size_t off = index ? p->i_off : 0, size = index ? p->i_size : p->v_size;
    int fl = index ? p->i_float : p->v_float;

    return fl ? load_real(e + off, size) : (long double)load_int(e + off, size, 1);
}

static void pair_set(const struct tpair *p, char *e, long double v, long double i)
{
    if (p->v_float) {
        store_real(e, p->v_size, v);
    } else {
        store_int(e, p->v_size, (uint64_t)(int64_t)v);
    }
    if (p->i_float) {
        store_real(e + p->i_off, p->i_size, i);
    } else {
        store_int(e + p->i_off, p->i_size, (uint64_t)(int64_t)i);
    }
}

static void check_pair(MPI_Op op, const struct tpair *p, MPI_Count count)
{
    size_t ext = p->extent;
    char *in = calloc((size_t)count + 1, ext), *io = calloc((size_t)count + 1, ext);
    char *orig = calloc((size_t)count + 1, ext);

    ck_assert_int_eq(p->dt->extent, (MPI_Aint)ext); /* the layout op_kernel.c assumes */
    for (MPI_Count k = 0; k < count; k++) {
        /* few distinct values, so ties are common */
        pair_set(p, in + k * ext, (k * 7) % 3 - 1, (k * 13) % 50);
        pair_set(p, io + k * ext, (k * 5) % 3 - 1, (k * 17 + 3) % 50);
    }
    memcpy(orig, io, (size_t)(count + 1) * ext);
    mpr_op_apply(op, in, io, count, p->dt);
    for (MPI_Count k = 0; k < count; k++) {
        long double av = pair_get(p, in + k * ext, 0), ai = pair_get(p, in + k * ext, 1);
        long double bv = pair_get(p, orig + k * ext, 0), bi = pair_get(p, orig + k * ext, 1);
        int a_wins = op == MPI_MAXLOC ? av > bv : av < bv;
        long double wv = a_wins ? av : (av == bv ? av : bv);
        long double wi = a_wins ? ai : (av == bv ? fminl(ai, bi) : bi);

        if (pair_get(p, io + k * ext, 0) != wv || pair_get(p, io + k * ext, 1) != wi) {
            ck_abort_msg("%s on %s, count %lld: element %lld differs", op->name, p->dt->name, count,
                         k);
        }
    }
    free(in);
    free(io);
    free(orig);
}

START_TEST(test_loc_all)
{
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        for (size_t c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
            check_pair(MPI_MAXLOC, &pairs[i], counts[c]);
            check_pair(MPI_MINLOC, &pairs[i], counts[c]);
        }
    }
}
END_TEST

START_TEST(test_loc_ties_and_nan)
{
    struct double_int in[4] = {{2.0, 5}, {2.0, 2}, {NAN, 9}, {1.0, 4}};
    struct double_int io[4] = {{2.0, 3}, {2.0, 3}, {7.0, 1}, {NAN, 8}};
    struct int_int iin[2] = {{-4, 8}, {-4, 1}}, iio[2] = {{-4, 6}, {-4, 6}};

    mpr_op_apply(MPI_MAXLOC, in, io, 4, MPI_DOUBLE_INT);
    ck_assert_int_eq(io[0].i, 3); /* tie: the smaller index, whichever side it is on */
    ck_assert_int_eq(io[1].i, 2);
    ck_assert(isnan(io[2].v) && io[2].i == 9); /* NaN wins */
    ck_assert(isnan(io[3].v) && io[3].i == 8);
    mpr_op_apply(MPI_MINLOC, iin, iio, 2, MPI_2INT);
    ck_assert_int_eq(iio[0].i, 6);
    ck_assert_int_eq(iio[1].i, 1);
    ck_assert_int_eq(iio[1].v, -4);
}
END_TEST

/* ---- user ops ---- */

/* inout = in x inout for each 2x2 row-major int matrix: not commutative. */
static void matmul(void *invec, void *inoutvec, int *len, MPI_Datatype *dt)
{
    const int *a = invec;
    int *b = inoutvec;

    ck_assert_ptr_eq(*dt, MPI_INT);
    ck_assert_int_eq(*len % 4, 0);
    for (int m = 0; m < *len; m += 4, a += 4, b += 4) {
        int r[4] = {a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2],
                    a[2] * b[1] + a[3] * b[3]};

        memcpy(b, r, sizeof(r));
    }
}

START_TEST(test_user_noncommutative)
{
    struct mpr_op *op = NULL;
    int in[8] = {1, 2, 3, 4, 0, 1, 1, 0}, io[8] = {5, 6, 7, 8, 2, 0, 0, 3};
    /* in x inout; inout x in would be {23, 34, 31, 46} and {0, 2, 3, 0} */
    const int want[8] = {19, 22, 43, 50, 0, 3, 2, 0};

    ck_assert_int_eq(mpr_op_create(matmul, 0, &op), 0);
    ck_assert(mpr_op_ok(op));
    ck_assert_int_eq(op->kind, MPR_OP_USER);
    ck_assert_int_eq(op->commutative, 0);
    ck_assert_int_eq(op->refcount, 1);
    ck_assert_str_eq(op->name, "user");
    ck_assert_int_eq(mpr_op_check(op, MPI_INT), 0);
    ck_assert_int_eq(mpr_op_check(op, MPI_PACKED), 0); /* user ops take any type */
    mpr_op_apply(op, in, io, 8, MPI_INT);
    ck_assert_mem_eq(io, want, sizeof(want));
    mpr_op_release(op);
}
END_TEST

static int calls, lens[16];

/* inout = 2 * in - inout on the values of MPI_DOUBLE_INT pairs; records each call's len. */
static void twice_minus(void *invec, void *inoutvec, int *len, MPI_Datatype *dt)
{
    const struct double_int *a = invec;
    struct double_int *b = inoutvec;

    ck_assert_ptr_eq(*dt, MPI_DOUBLE_INT);
    lens[calls++] = *len;
    for (int k = 0; k < *len; k++) {
        b[k].v = 2 * a[k].v - b[k].v;
    }
    *len = -1; /* the runtime must not trust len after the call */
}

START_TEST(test_user_chunks)
{
    struct mpr_op *op = NULL;
    struct double_int in[11], io[11];

    for (int k = 0; k < 11; k++) {
        in[k] = (struct double_int){k, k};
        io[k] = (struct double_int){3 * k, k};
    }
    ck_assert_int_eq(mpr_op_create(twice_minus, 1, &op), 0);
    ck_assert_int_eq(op->commutative, 1);
    calls = 0;
    mpr_op_apply_user(op, in, io, 11, MPI_DOUBLE_INT, 4);
    ck_assert_int_eq(calls, 3);
    ck_assert_int_eq(lens[0], 4);
    ck_assert_int_eq(lens[1], 4);
    ck_assert_int_eq(lens[2], 3);
    for (int k = 0; k < 11; k++) {
        ck_assert(io[k].v == -k); /* 2k - 3k: every element once, at its extent stride */
    }
    calls = 0;
    mpr_op_apply(op, in, io, 11, MPI_DOUBLE_INT); /* INT_MAX chunks: one call */
    ck_assert_int_eq(calls, 1);
    ck_assert_int_eq(lens[0], 11);
    calls = 0;
    mpr_op_apply(op, in, io, 0, MPI_DOUBLE_INT); /* nothing to do: no call */
    ck_assert_int_eq(calls, 0);
    mpr_op_release(op);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("op");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, test_check_table);
    tcase_add_test(tc, test_predefined_all);
    tcase_add_test(tc, test_integer_wraps);
    tcase_add_test(tc, test_float_nan_and_zero);
    tcase_add_test(tc, test_logical_nonzero);
    tcase_add_test(tc, test_loc_all);
    tcase_add_test(tc, test_loc_ties_and_nan);
    tcase_add_test(tc, test_user_noncommutative);
    tcase_add_test(tc, test_user_chunks);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
