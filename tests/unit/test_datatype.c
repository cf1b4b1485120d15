/*
 * Derived datatypes and the pack engine (runtime/datatype/): every constructor packed and
 * unpacked against a reference built element by element from the type map the standard gives
 * (MPI 3.1 4.1), whole and by byte ranges; bounds, extents and true extents of tricky types;
 * which types are recognised as contiguous; flats staying small; basic element counts of
 * partial data; reference counting.
 */
#include "datatype/datatype_ops.h"
#include "datatype/flat.h"
#include "datatype/stage.h"

#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the reference: a type map as a list of (displacement, length) basic entries ---- */

struct ent {
    MPI_Aint disp;
    MPI_Aint len;
};

struct rtype {
    struct ent e[4096];
    int n;
    int over;        /* more entries than e[] holds: not checked */
    MPI_Aint extent; /* taken from the runtime type: extents are checked on their own below */
};

/* The type map of a predefined type: one entry of its wire length (extent). */
static void ref_leaf(struct rtype *r, MPI_Datatype t)
{
    r->n = 1;
    r->over = 0;
    r->e[0] = (struct ent){0, t->extent};
    r->extent = t->extent;
}

static void ref_place(struct rtype *r, const struct rtype *old, MPI_Aint disp)
{
    r->over |= old->over;
    for (int k = 0; k < old->n; k++) {
        if (r->n == 4096) {
            r->over = 1;
            return;
        }
        r->e[r->n++] = (struct ent){old->e[k].disp + disp, old->e[k].len};
    }
}

static void ref_blocks(struct rtype *r, const struct rtype *old, int count, const int *bls, int bl,
                       const MPI_Aint *disps)
{
    r->n = 0;
    r->over = 0;
    for (int i = 0; i < count; i++) {
        for (int j = 0; j < (bls ? bls[i] : bl); j++) {
            ref_place(r, old, disps[i] + (MPI_Aint)j * old->extent);
        }
    }
}

static void ref_pack(const struct rtype *r, int count, const char *buf, char *out)
{
    for (int k = 0; k < count; k++) {
        for (int i = 0; i < r->n; i++) {
            memcpy(out, buf + k * r->extent + r->e[i].disp, (size_t)r->e[i].len);
            out += r->e[i].len;
        }
    }
}

static void ref_unpack(const struct rtype *r, int count, char *buf, const char *in)
{
    for (int k = 0; k < count; k++) {
        for (int i = 0; i < r->n; i++) {
            memcpy(buf + k * r->extent + r->e[i].disp, in, (size_t)r->e[i].len);
            in += r->e[i].len;
        }
    }
}

static MPI_Aint ref_packed(const struct rtype *r)
{
    MPI_Aint n = 0;

    for (int i = 0; i < r->n; i++) {
        n += r->e[i].len;
    }
    return n;
}

/*
 * Pack and unpack `count` elements of t with the engine and with the reference; whole and in
 * byte ranges. The memory window is [-pad, pad) around the buffer origin, so negative
 * displacements stay inside it.
 */
static void round_trip(MPI_Datatype t, const struct rtype *r, int count)
{
    enum { PAD = 1 << 16 };
    char *mem = malloc(2 * PAD), *got = malloc(2 * PAD), *want = malloc(2 * PAD);
    char *base = mem + PAD;
    MPI_Aint total = ref_packed(r) * count;
    char *p1 = malloc((size_t)total + 1), *p2 = malloc((size_t)total + 1);

    ck_assert_int_eq(t->packed * count, total);
    for (int i = 0; i < 2 * PAD; i++) {
        mem[i] = (char)(i * 7 + 3);
    }
    ref_pack(r, count, base, p1);
    mpr_dt_pack(t, count, base, p2, 0, total);
    ck_assert(memcmp(p1, p2, (size_t)total) == 0);
    /* ranges: every start, a few lengths (cheap for the small totals used here) */
    for (MPI_Aint off = 0; off < total; off += 1 + off / 7) {
        for (MPI_Aint len = 1; off + len <= total; len = len * 3 + 1) {
            memset(p2, 0, (size_t)total);
            mpr_dt_pack(t, count, base, p2, off, len);
            ck_assert(memcmp(p1 + off, p2, (size_t)len) == 0);
        }
    }
    for (MPI_Aint i = 0; i < total; i++) {
        p1[i] = (char)(i * 13 + 5);
    }
    memset(got, 0x5a, 2 * PAD);
    memset(want, 0x5a, 2 * PAD);
    ref_unpack(r, count, want + PAD, p1);
    mpr_dt_unpack(t, count, got + PAD, p1, 0, total);
    ck_assert(memcmp(got, want, 2 * PAD) == 0);
    /* a truncated receive: the first `cut` bytes only, in two pieces */
    for (MPI_Aint cut = 0; cut <= total; cut += 1 + total / 5) {
        MPI_Aint pos = 0;
        memset(got, 0x5a, 2 * PAD);
        memset(want, 0x5a, 2 * PAD);
        mpr_dt_unpack(t, count, got + PAD, p1, 0, cut / 2);
        mpr_dt_unpack(t, count, got + PAD, p1 + cut / 2, cut / 2, cut - cut / 2);
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < r->n && pos < cut; i++) {
                MPI_Aint n = r->e[i].len < cut - pos ? r->e[i].len : cut - pos;
                memcpy(want + PAD + k * r->extent + r->e[i].disp, p1 + pos, (size_t)n);
                pos += r->e[i].len;
            }
        }
        ck_assert(memcmp(got, want, 2 * PAD) == 0);
    }
    free(p1);
    free(p2);
    free(mem);
    free(got);
    free(want);
}

static void round_trips(MPI_Datatype t, const struct rtype *r)
{
    round_trip(t, r, 1);
    round_trip(t, r, 3);
}

/* ---- constructors against the reference ---- */

START_TEST(test_contiguous_vector)
{
    struct rtype i, r;
    MPI_Datatype t;
    MPI_Aint d[8];

    ref_leaf(&i, MPI_INT);
    ck_assert_int_eq(mpr_type_contiguous(5, MPI_INT, &t), 0);
    d[0] = 0;
    ref_blocks(&r, &i, 1, NULL, 5, d);
    r.extent = t->extent;
    round_trips(t, &r);
    mpr_type_release(t);

    /* vector: 4 blocks of 3 ints, stride 5; then negative and zero-gap strides */
    const int strides[] = {5, -7, 3, 1};
    for (int s = 0; s < 4; s++) {
        ck_assert_int_eq(mpr_type_vector(4, 3, strides[s], MPI_INT, &t), 0);
        for (int k = 0; k < 4; k++) {
            d[k] = (MPI_Aint)k * strides[s] * 4;
        }
        ref_blocks(&r, &i, 4, NULL, 3, d);
        r.extent = t->extent;
        round_trips(t, &r);
        mpr_type_release(t);
    }
    /* hvector of doubles with a byte stride that is not a multiple of 8 */
    ref_leaf(&i, MPI_DOUBLE);
    ck_assert_int_eq(mpr_type_hvector(3, 2, 20, MPI_DOUBLE, &t), 0);
    for (int k = 0; k < 3; k++) {
        d[k] = (MPI_Aint)k * 20;
    }
    ref_blocks(&r, &i, 3, NULL, 2, d);
    r.extent = t->extent;
    round_trips(t, &r);
    mpr_type_release(t);
}
END_TEST

START_TEST(test_indexed_family)
{
    static const int bls[] = {2, 0, 1, 3, 1};
    static const int idx[] = {4, 9, -3, 10, 0};
    MPI_Aint d[5], hd[5] = {-40, 3, 17, 64, 30};
    struct rtype c, r;
    MPI_Datatype t;

    ref_leaf(&c, MPI_SHORT);
    for (int k = 0; k < 5; k++) {
        d[k] = (MPI_Aint)idx[k] * 2;
    }
    ck_assert_int_eq(mpr_type_indexed(5, bls, idx, MPI_SHORT, &t), 0);
    ref_blocks(&r, &c, 5, bls, 0, d);
    r.extent = t->extent;
    round_trips(t, &r);
    mpr_type_release(t);

    ck_assert_int_eq(mpr_type_hindexed(5, bls, hd, MPI_SHORT, &t), 0);
    ref_blocks(&r, &c, 5, bls, 0, hd);
    r.extent = t->extent;
    round_trips(t, &r);
    mpr_type_release(t);

    ck_assert_int_eq(mpr_type_indexed_block(5, 2, idx, MPI_SHORT, &t), 0);
    ref_blocks(&r, &c, 5, NULL, 2, d);
    r.extent = t->extent;
    round_trips(t, &r);
    mpr_type_release(t);

    ck_assert_int_eq(mpr_type_hindexed_block(5, 3, hd, MPI_SHORT, &t), 0);
    ref_blocks(&r, &c, 5, NULL, 3, hd);
    r.extent = t->extent;
    round_trips(t, &r);
    mpr_type_release(t);
}
END_TEST

struct sdc {
    char c;
    double d;
    int i;
};

START_TEST(test_struct_and_nesting)
{
    int bls[3] = {1, 1, 2};
    MPI_Aint d[3] = {offsetof(struct sdc, c), offsetof(struct sdc, d), offsetof(struct sdc, i)};
    MPI_Datatype types[3] = {MPI_CHAR, MPI_DOUBLE, MPI_SHORT}, s, v, u;
    struct rtype rc, rd, rs, r, rv;

    ck_assert_int_eq(mpr_type_struct(3, bls, d, types, &s), 0);
    ref_leaf(&rc, MPI_CHAR);
    ref_leaf(&rd, MPI_DOUBLE);
    rs.n = rs.over = 0;
    ref_place(&rs, &rc, d[0]);
    ref_place(&rs, &rd, d[1]);
    ref_leaf(&r, MPI_SHORT);
    ref_place(&rs, &r, d[2]);
    ref_place(&rs, &r, d[2] + 2);
    rs.extent = s->extent;
    ck_assert_int_eq(s->extent, sizeof(struct sdc));
    round_trips(s, &rs);

    /* a vector of the struct (2 of every 3), and a struct of that with a negative displacement */
    ck_assert_int_eq(mpr_type_vector(7, 2, 3, s, &v), 0);
    MPI_Aint vd[7];
    for (int k = 0; k < 7; k++) {
        vd[k] = (MPI_Aint)k * 3 * s->extent;
    }
    ref_blocks(&rv, &rs, 7, NULL, 2, vd);
    rv.extent = v->extent;
    round_trips(v, &rv);

    MPI_Datatype t2[2] = {v, MPI_INT};
    int b2[2] = {1, 3};
    MPI_Aint d2[2] = {-1000, 8};
    ck_assert_int_eq(mpr_type_struct(2, b2, d2, t2, &u), 0);
    struct rtype ru, ri;
    ref_leaf(&ri, MPI_INT);
    ru.n = ru.over = 0;
    ref_place(&ru, &rv, -1000);
    for (int k = 0; k < 3; k++) {
        ref_place(&ru, &ri, 8 + 4 * k);
    }
    ru.extent = u->extent;
    round_trips(u, &ru);
    mpr_type_release(u);
    mpr_type_release(v);
    mpr_type_release(s);
}
END_TEST

START_TEST(test_subarray_resized_dup)
{
    static const int sizes[3] = {5, 6, 7}, subs[3] = {2, 3, 4}, starts[3] = {1, 2, 3};
    struct rtype ri, r;
    MPI_Datatype t, rs, c, dup;

    ref_leaf(&ri, MPI_INT);
    for (int order = 0; order < 2; order++) {
        for (int nd = 1; nd <= 3; nd++) {
            ck_assert_int_eq(mpr_type_subarray(nd, sizes, subs, starts,
                                               order ? MPI_ORDER_FORTRAN : MPI_ORDER_C, MPI_INT,
                                               &t),
                             0);
            /* element (i0, i1, i2) in the order's index order, slowest index outermost */
            r.n = 0;
            int idx[3];
            for (int k = 0; k < subs[0] * (nd > 1 ? subs[1] : 1) * (nd > 2 ? subs[2] : 1); k++) {
                int rem = k;
                for (int l = nd - 1; l >= 0; l--) {
                    int dim = order ? nd - 1 - l : l;
                    idx[dim] = starts[dim] + rem % subs[dim];
                    rem /= subs[dim];
                }
                MPI_Aint off = 0;
                for (int dim = order ? nd - 1 : 0; order ? dim >= 0 : dim < nd;
                     dim += order ? -1 : 1) {
                    off = off * sizes[dim] + idx[dim];
                }
                ref_place(&r, &ri, off * 4);
            }
            r.extent = t->extent;
            ck_assert_int_eq(t->lb, 0);
            ck_assert_int_eq(t->extent, 4 * 5 * (nd > 1 ? 6 : 1) * (nd > 2 ? 7 : 1));
            ck_assert_int_le(t->flat->nruns, 16);
            round_trips(t, &r);
            mpr_type_release(t);
        }
    }
    /* a large 3-D box: one run over sub-flats, not a run per plane or row */
    static const int big[3] = {100, 100, 100}, half[3] = {50, 50, 50}, at[3] = {10, 20, 30};
    ck_assert_int_eq(mpr_type_subarray(3, big, half, at, MPI_ORDER_C, MPI_DOUBLE, &t), 0);
    ck_assert_int_le(t->flat->nruns, 2);
    ck_assert_int_eq(t->packed, 50 * 50 * 50 * 8);
    mpr_type_release(t);
    /* resized ints in an array, then a contiguous of them, then a dup */
    ck_assert_int_eq(mpr_type_resized(MPI_INT, -4, 12, &rs), 0);
    ck_assert_int_eq(mpr_type_contiguous(3, rs, &c), 0);
    ck_assert_int_eq(mpr_type_dup(c, &dup), 0);
    MPI_Aint d[3] = {0, 12, 24};
    ref_blocks(&r, &ri, 3, NULL, 1, d);
    r.extent = c->extent;
    ck_assert_int_eq(c->lb, -4);
    ck_assert_int_eq(c->extent, 36);
    ck_assert_int_eq(dup->lb, -4);
    ck_assert_int_eq(dup->extent, 36);
    round_trips(c, &r);
    round_trips(dup, &r);
    mpr_type_release(dup);
    mpr_type_release(c);
    mpr_type_release(rs);
}
END_TEST

/* ---- random nestings of every constructor against the reference ---- */

static uint64_t rng = 88172645463325252ull;

static int rnd(int lo, int hi)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return lo + (int)(rng % (uint64_t)(hi - lo + 1));
}

/* A random type of nesting depth 1..depth and its reference. */
static MPI_Datatype random_type(int depth, struct rtype *r)
{
    static MPI_Datatype leaves[4];
    MPI_Datatype t = NULL, old;
    struct rtype *ro;
    /* now and then a longer count, so repeated layouts become runs over sub-flats */
    int kind = rnd(0, 9), count = rnd(0, 2) ? rnd(0, 3) : rnd(17, 40), bl = rnd(0, 3), rc = 0;
    int bls[3], ix[3];
    MPI_Aint ad[3];

    leaves[0] = MPI_CHAR, leaves[1] = MPI_SHORT, leaves[2] = MPI_INT, leaves[3] = MPI_DOUBLE;
    if (kind >= 3 && kind <= 7 && count > 3) {
        count = 3; /* the indexed kinds and struct list 3 blocks at most */
    }
    ro = malloc(sizeof(*ro));
    old = depth > 1 && rnd(0, 1) ? random_type(depth - 1, ro) : NULL;
    if (!old) {
        old = leaves[rnd(0, 3)];
        ref_leaf(ro, old);
    }
    for (int i = 0; i < 3; i++) {
        bls[i] = rnd(0, 3);
        ix[i] = rnd(-6, 6);
        ad[i] = (MPI_Aint)ix[i] * old->extent + rnd(-3, 3);
    }
    switch (kind) {
    case 0:
        rc = mpr_type_contiguous(count, old, &t);
        ad[0] = 0;
        ref_blocks(r, ro, 1, NULL, count, ad);
        break;
    case 1:
    case 2: {
        int st = rnd(-5, 5);
        MPI_Aint hs = kind == 1 ? (MPI_Aint)st * old->extent : st * 7;
        rc = kind == 1 ? mpr_type_vector(count, bl, st, old, &t)
                       : mpr_type_hvector(count, bl, hs, old, &t);
        MPI_Aint vd[64];
        for (int i = 0; i < count; i++) {
            vd[i] = (MPI_Aint)i * hs;
        }
        ref_blocks(r, ro, count, NULL, bl, vd);
        break;
    }
    case 3:
        for (int i = 0; i < 3; i++) {
            ad[i] = (MPI_Aint)ix[i] * old->extent;
        }
        rc = mpr_type_indexed(count, bls, ix, old, &t);
        ref_blocks(r, ro, count, bls, 0, ad);
        break;
    case 4:
        rc = mpr_type_hindexed(count, bls, ad, old, &t);
        ref_blocks(r, ro, count, bls, 0, ad);
        break;
    case 5:
        for (int i = 0; i < 3; i++) {
            ad[i] = (MPI_Aint)ix[i] * old->extent;
        }
        rc = mpr_type_indexed_block(count, bl, ix, old, &t);
        ref_blocks(r, ro, count, NULL, bl, ad);
        break;
    case 6:
        rc = mpr_type_hindexed_block(count, bl, ad, old, &t);
        ref_blocks(r, ro, count, NULL, bl, ad);
        break;
    case 7: {
        MPI_Datatype ts[3] = {old, leaves[rnd(0, 3)], old};
        struct rtype *r1 = malloc(sizeof(*r1));
        ref_leaf(r1, ts[1]);
        rc = mpr_type_struct(count, bls, ad, ts, &t);
        r->n = r->over = 0;
        for (int i = 0; i < count; i++) {
            const struct rtype *c = i == 1 ? r1 : ro;
            for (int j = 0; j < bls[i]; j++) {
                ref_place(r, c, ad[i] + (MPI_Aint)j * ts[i]->extent);
            }
        }
        free(r1);
        break;
    }
    case 8:
        rc = mpr_type_resized(old, rnd(-16, 16), rnd(1, 64), &t);
        r->n = r->over = 0;
        ref_place(r, ro, 0);
        break;
    default:
        rc = mpr_type_dup(old, &t);
        r->n = r->over = 0;
        ref_place(r, ro, 0);
    }
    ck_assert_int_eq(rc, 0);
    if (old->combiner != MPI_COMBINER_NAMED) {
        mpr_type_release(old); /* t holds its own reference */
    }
    free(ro);
    r->extent = t->extent;
    return t;
}

START_TEST(test_random_nestings)
{
    struct rtype *r = malloc(sizeof(*r));
    int tried = 0;

    for (int iter = 0; iter < 2000; iter++) {
        MPI_Datatype t = random_type(3, r);
        MPI_Aint reach = t->true_lb < 0 ? -t->true_lb : t->true_lb, lo = 0, hi = 0;
        for (int i = 0; i < r->n && !r->over; i++) {
            lo = i == 0 || r->e[i].disp < lo ? r->e[i].disp : lo;
            hi = i == 0 || r->e[i].disp + r->e[i].len > hi ? r->e[i].disp + r->e[i].len : hi;
        }
        if (!r->over) {
            ck_assert_int_eq(t->true_lb, lo);
            ck_assert_int_eq(t->true_extent, hi - lo);
        }
        reach += t->true_extent + 3 * (t->extent < 0 ? -t->extent : t->extent);
        if (reach < 60000 && !r->over) {
            round_trip(t, r, 1);
            round_trip(t, r, 3);
            tried++;
        }
        mpr_type_release(t);
    }
    ck_assert_int_gt(tried, 1000);
    free(r);
}
END_TEST

/* ---- bounds and extents (MPI 3.1 4.1) ---- */

static void bounds(MPI_Datatype t, MPI_Aint lb, MPI_Aint extent, MPI_Aint tlb, MPI_Aint text,
                   MPI_Count size)
{
    ck_assert_int_eq(t->lb, lb);
    ck_assert_int_eq(t->extent, extent);
    ck_assert_int_eq(t->true_lb, tlb);
    ck_assert_int_eq(t->true_extent, text);
    ck_assert_int_eq(t->size, size);
}

START_TEST(test_bounds)
{
    MPI_Datatype t, r, u;

    ck_assert_int_eq(mpr_type_vector(3, 2, 4, MPI_INT, &t), 0);
    bounds(t, 0, 40, 0, 40, 24);
    mpr_type_release(t);
    ck_assert_int_eq(mpr_type_vector(3, 1, -2, MPI_INT, &t), 0); /* at 0, -8, -16 */
    bounds(t, -16, 20, -16, 20, 12);
    mpr_type_release(t);
    int bl[2] = {1, 2}, ix[2] = {-3, 2};
    ck_assert_int_eq(mpr_type_indexed(2, bl, ix, MPI_INT, &t), 0); /* -12, 8, 12 */
    bounds(t, -12, 28, -12, 28, 12);
    mpr_type_release(t);

    /* struct epsilon: rounded to the largest member alignment */
    int b2[2] = {1, 1};
    MPI_Aint dd[2] = {0, 8};
    MPI_Datatype tdc[2] = {MPI_DOUBLE, MPI_CHAR}, tic[2] = {MPI_INT, MPI_CHAR};
    ck_assert_int_eq(mpr_type_struct(2, b2, dd, tdc, &t), 0);
    bounds(t, 0, 16, 0, 9, 9);
    mpr_type_release(t);
    MPI_Aint di[2] = {0, 4};
    ck_assert_int_eq(mpr_type_struct(2, b2, di, tic, &t), 0);
    bounds(t, 0, 8, 0, 5, 5);
    mpr_type_release(t);

    /* explicit bounds carry, and switch the struct rounding off */
    ck_assert_int_eq(mpr_type_resized(MPI_INT, -4, 16, &r), 0);
    bounds(r, -4, 16, 0, 4, 4);
    ck_assert_int_eq(mpr_type_contiguous(2, r, &t), 0);
    bounds(t, -4, 32, 0, 20, 8);
    mpr_type_release(t);
    MPI_Datatype trc[2] = {r, MPI_CHAR};
    MPI_Aint dr[2] = {0, 40};
    ck_assert_int_eq(mpr_type_struct(2, b2, dr, trc, &u), 0);
    bounds(u, -4, 16, 0, 41, 5); /* the char lies outside the explicit bounds */
    mpr_type_release(u);
    mpr_type_release(r);

    /* subarray {4,5} box {2,3} at {1,1}: explicit [0, 80), data from (1,1) to (2,3) */
    int sz[2] = {4, 5}, sub[2] = {2, 3}, st[2] = {1, 1};
    ck_assert_int_eq(mpr_type_subarray(2, sz, sub, st, MPI_ORDER_C, MPI_INT, &t), 0);
    bounds(t, 0, 80, 24, 32, 24);
    mpr_type_release(t);
    ck_assert_int_eq(mpr_type_subarray(2, sz, sub, st, MPI_ORDER_FORTRAN, MPI_INT, &t), 0);
    bounds(t, 0, 80, 20, 40, 24); /* (1,1) at (1+4)*4 = 20; (2,3) at (2+12)*4 = 56 */
    mpr_type_release(t);

    /* an empty type */
    ck_assert_int_eq(mpr_type_contiguous(0, MPI_DOUBLE, &t), 0);
    bounds(t, 0, 0, 0, 0, 0);
    ck_assert(t->contig);
    mpr_type_release(t);
}
END_TEST

/* ---- contiguity and the shape of flats ---- */

START_TEST(test_contig_and_flats)
{
    MPI_Datatype t, s;
    int bl[2] = {2, 3}, ix[2] = {0, 2};

    ck_assert_int_eq(mpr_type_contiguous(4, MPI_INT, &t), 0);
    ck_assert(t->contig);
    mpr_type_release(t);
    ck_assert_int_eq(mpr_type_vector(4, 2, 2, MPI_INT, &t), 0);
    ck_assert(t->contig);
    mpr_type_release(t);
    ck_assert_int_eq(mpr_type_indexed(2, bl, ix, MPI_INT, &t), 0);
    ck_assert(t->contig);
    mpr_type_release(t);
    ck_assert_int_eq(mpr_type_vector(2, 1, 2, MPI_INT, &t), 0);
    ck_assert(!t->contig);
    ck_assert_int_eq(t->flat->nruns, 1);
    ck_assert_ptr_nonnull(t->twin);
    ck_assert_int_eq(t->twin->extent, 8);
    mpr_type_release(t);
    ck_assert_int_eq(mpr_type_resized(MPI_DOUBLE, 0, 16, &t), 0);
    ck_assert(!t->contig);
    mpr_type_release(t);
    ck_assert_int_eq(mpr_type_resized(MPI_DOUBLE, -8, 8, &t), 0);
    ck_assert(t->contig);
    mpr_type_release(t);
    int sz[2] = {8, 8}, full[2] = {8, 8}, zero[2] = {0, 0}, rows[2] = {3, 8}, at[2] = {2, 0};
    ck_assert_int_eq(mpr_type_subarray(2, sz, full, zero, MPI_ORDER_C, MPI_INT, &t), 0);
    ck_assert(t->contig);
    mpr_type_release(t);
    ck_assert_int_eq(mpr_type_subarray(2, sz, rows, at, MPI_ORDER_C, MPI_INT, &t), 0);
    ck_assert(!t->contig); /* one block, but its extent is the whole array */
    ck_assert(t->block1);  /* so one element still moves without packing */
    ck_assert_int_eq(t->flat->nruns, 1);
    ck_assert_int_eq(t->flat->runs[0].count, 1);
    mpr_type_release(t);

    /* evenly spaced indexed blocks merge into one strided run */
    int ebl[4] = {1, 1, 1, 1}, eix[4] = {0, 3, 6, 9};
    ck_assert_int_eq(mpr_type_indexed(4, ebl, eix, MPI_DOUBLE, &t), 0);
    ck_assert_int_eq(t->flat->nruns, 1);
    ck_assert_int_eq(t->flat->runs[0].count, 4);
    mpr_type_release(t);

    /* a struct with a gap, repeated many times: a run over a sub-flat, not a run per copy */
    int b2[2] = {1, 1};
    MPI_Aint d2[2] = {0, 8};
    MPI_Datatype t2[2] = {MPI_CHAR, MPI_DOUBLE};
    ck_assert_int_eq(mpr_type_struct(2, b2, d2, t2, &s), 0);
    ck_assert_int_eq(mpr_type_contiguous(100000, s, &t), 0);
    ck_assert_int_le(t->flat->nruns, 2);
    ck_assert_int_eq(t->packed, 900000);
    mpr_type_release(t);
    ck_assert_int_eq(mpr_type_vector(100000, 3, 5, s, &t), 0);
    ck_assert_int_le(t->flat->nruns, 2);
    mpr_type_release(t);
    mpr_type_release(s);
}
END_TEST

/* ---- basic elements of partial data ---- */

START_TEST(test_elements)
{
    int b2[2] = {1, 2};
    MPI_Aint d2[2] = {0, 8};
    MPI_Datatype t2[2] = {MPI_INT, MPI_DOUBLE}, s, v;

    ck_assert_int_eq(mpr_type_struct(2, b2, d2, t2, &s), 0); /* int, double, double: 20 bytes */
    ck_assert_int_eq(s->nelem, 3);
    ck_assert_int_eq(mpr_type_elements(s, 0), 0);
    ck_assert_int_eq(mpr_type_elements(s, 4), 1);
    ck_assert_int_eq(mpr_type_elements(s, 6), -1);
    ck_assert_int_eq(mpr_type_elements(s, 12), 2);
    ck_assert_int_eq(mpr_type_elements(s, 20), 3);
    ck_assert_int_eq(mpr_type_elements(s, 24), 4);
    ck_assert_int_eq(mpr_type_elements(s, 28), -1);
    ck_assert_int_eq(mpr_type_vector(3, 2, 4, s, &v), 0);
    ck_assert_int_eq(mpr_type_elements(v, 2 * 120 + 20 * 5 + 12), 2 * 18 + 15 + 2);
    ck_assert_ptr_null(v->base);
    mpr_type_release(v);
    mpr_type_release(s);
    ck_assert_int_eq(mpr_type_vector(3, 2, 4, MPI_DOUBLE, &v), 0);
    ck_assert_ptr_eq(v->base, MPI_DOUBLE);
    ck_assert_int_eq(mpr_type_elements(v, 40), 5);
    ck_assert_int_eq(mpr_type_elements(v, 41), -1);
    mpr_type_release(v);
}
END_TEST

/* ---- reference counting: a type lives while a type built on it does ---- */

START_TEST(test_refcount)
{
    MPI_Datatype a, b;
    char in[64], out[64];

    ck_assert_int_eq(mpr_type_vector(2, 1, 3, MPI_INT, &a), 0);
    ck_assert_int_eq(mpr_type_contiguous(2, a, &b), 0);
    ck_assert_int_eq(a->refcount, 2);
    mpr_type_release(a); /* the user's MPI_Type_free: b keeps it */
    ck_assert_int_eq(a->magic, MPR_DATATYPE_MAGIC);
    ck_assert_ptr_eq(b->contents->types[0], a);
    for (int i = 0; i < 64; i++) {
        in[i] = (char)i;
    }
    mpr_dt_pack(b, 1, in, out, 0, b->packed);
    ck_assert_int_eq(out[0], 0);
    ck_assert_int_eq(out[4], 12);
    ck_assert_int_eq(out[8], 16);
    ck_assert_int_eq(out[12], 28);
    mpr_type_release(b); /* frees both */
}
END_TEST

/* ---- staging: what point-to-point does around the byte calls ---- */

START_TEST(test_stage)
{
    MPI_Datatype v;
    struct mpr_stage *ss, *rs;
    const void *data;
    void *rdata;
    size_t bytes, cap;
    int in[40], out[40];

    ck_assert_int_eq(mpr_type_vector(10, 1, 3, MPI_INT, &v), 0); /* ints 0, 3, ..., 27 */
    for (int i = 0; i < 40; i++) {
        in[i] = i;
        out[i] = -1;
    }
    /* contig data goes as it is: no stage */
    ck_assert_int_eq(mpr_stage_send(in + 4, 5, MPI_INT, &data, &bytes, &ss), 0);
    ck_assert_ptr_null(ss);
    ck_assert_ptr_eq(data, in + 4);
    ck_assert_int_eq(bytes, 20);
    /* a vector is packed at once; a receive of it unpacks only what arrived */
    ck_assert_int_eq(mpr_stage_send(in, 1, v, &data, &bytes, &ss), 0);
    ck_assert_ptr_nonnull(ss);
    ck_assert_int_eq(bytes, 40);
    ck_assert_int_eq(((const int *)data)[3], 9);
    ck_assert_int_eq(mpr_stage_recv(out, 1, v, &rdata, &cap, &rs), 0);
    ck_assert_int_eq(cap, 40);
    ck_assert_int_eq(v->refcount, 2); /* the pending receive holds the type */
    memcpy(rdata, data, 40);
    mpr_stage_finish(rs, 12); /* three ints arrived */
    ck_assert_int_eq(out[0], 0);
    ck_assert_int_eq(out[3], 3);
    ck_assert_int_eq(out[6], 6);
    ck_assert_int_eq(out[9], -1);
    ck_assert_int_eq(v->refcount, 1);
    mpr_stage_finish(ss, 0);

    /* streamed: packed and unpacked by ranges; the end unpacks nothing more */
    ck_assert_int_eq(mpr_stage_send_streamed(in, 1, v, &ss), 0);
    ck_assert_int_eq(mpr_stage_recv(out, 1, v, &rdata, &cap, &rs), 0);
    ck_assert_int_eq(v->refcount, 3);
    for (size_t off = 0; off < 40; off += 16) {
        size_t n = 40 - off < 16 ? 40 - off : 16;
        mpr_stage_unpack_range(rs, off, mpr_stage_pack_range(ss, off, n), n);
    }
    for (int i = 0; i < 30; i++) {
        ck_assert_int_eq(out[i], i % 3 ? -1 : i);
    }
    out[0] = 99;
    mpr_stage_finish(rs, 40);
    ck_assert_int_eq(out[0], 99);
    mpr_stage_finish(ss, 0);
    ck_assert_int_eq(v->refcount, 1);
    mpr_type_release(v);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("datatype");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, test_contiguous_vector);
    tcase_add_test(tc, test_indexed_family);
    tcase_add_test(tc, test_struct_and_nesting);
    tcase_add_test(tc, test_subarray_resized_dup);
    tcase_add_test(tc, test_random_nestings);
    tcase_add_test(tc, test_bounds);
    tcase_add_test(tc, test_contig_and_flats);
    tcase_add_test(tc, test_elements);
    tcase_add_test(tc, test_refcount);
    tcase_add_test(tc, test_stage);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
