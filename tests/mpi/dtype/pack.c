/* pack.c — what a process does with types on its own (MPI 3.1 4.1-4.2): MPI_Pack/MPI_Unpack/
 * MPI_Pack_size round trips with a running position over several types; bounds, extents and
 * true extents of tricky types (negative strides and displacements, struct padding, resized
 * types, subarrays in C and Fortran order); MPI_Type_get_envelope/get_contents for every
 * constructor; names, dup, MPI_Get_address/MPI_Aint_add/MPI_Aint_diff. Packed data is also
 * exchanged as MPI_PACKED between ranks. */
#include "dt.h"

static void extent_is(MPI_Datatype t, MPI_Aint lb, MPI_Aint ext, MPI_Aint tlb, MPI_Aint text,
                      int size, const char *what)
{
    MPI_Aint a, b;
    MPI_Count c, d;
    int s;

    TC_OK(MPI_Type_get_extent(t, &a, &b));
    TC_CHECK(a == lb && b == ext, "%s: lb %ld extent %ld, want %ld %ld", what, (long)a, (long)b,
             (long)lb, (long)ext);
    TC_OK(MPI_Type_get_true_extent(t, &a, &b));
    TC_CHECK(a == tlb && b == text, "%s: true lb %ld extent %ld, want %ld %ld", what, (long)a,
             (long)b, (long)tlb, (long)text);
    TC_OK(MPI_Type_get_extent_x(t, &c, &d));
    TC_CHECK(c == lb && d == ext, "%s: extent_x", what);
    TC_OK(MPI_Type_get_true_extent_x(t, &c, &d));
    TC_CHECK(c == tlb && d == text, "%s: true_extent_x", what);
    TC_OK(MPI_Type_size(t, &s));
    TC_CHECK(s == size, "%s: size %d, want %d", what, s, size);
    TC_OK(MPI_Type_size_x(t, &c));
    TC_CHECK(c == size, "%s: size_x", what);
}

static void bounds(void)
{
    MPI_Datatype t, r, u;
    int bl[3] = {1, 2, 1}, ix[2] = {-3, 2};

    TC_OK(MPI_Type_vector(3, 2, 4, MPI_INT, &t));
    extent_is(t, 0, 40, 0, 40, 24, "vector(3,2,4) of int");
    TC_OK(MPI_Type_free(&t));
    TC_OK(MPI_Type_vector(3, 1, -2, MPI_INT, &t));
    extent_is(t, -16, 20, -16, 20, 12, "vector(3,1,-2) of int");
    TC_OK(MPI_Type_free(&t));
    TC_OK(MPI_Type_indexed(2, bl, ix, MPI_INT, &t));
    extent_is(t, -12, 28, -12, 28, 12, "indexed {1,2} at {-3,2}");
    TC_OK(MPI_Type_free(&t));

    /* struct padding: the extent rounds up to the largest alignment (MPI 3.1 4.1.6) */
    struct dc {
        double d;
        char c;
    };
    MPI_Aint d2[2] = {offsetof(struct dc, d), offsetof(struct dc, c)};
    MPI_Datatype t2[2] = {MPI_DOUBLE, MPI_CHAR};
    int b2[2] = {1, 1};
    TC_OK(MPI_Type_create_struct(2, b2, d2, t2, &t));
    extent_is(t, 0, sizeof(struct dc), 0, 9, 9, "struct {double; char}");
    TC_OK(MPI_Type_free(&t));

    /* explicit bounds carry into the types built on a resized type */
    TC_OK(MPI_Type_create_resized(MPI_INT, -4, 16, &r));
    extent_is(r, -4, 16, 0, 4, 4, "resized(int, -4, 16)");
    TC_OK(MPI_Type_contiguous(2, r, &t));
    extent_is(t, -4, 32, 0, 20, 8, "contiguous(2) of resized");
    TC_OK(MPI_Type_free(&t));
    TC_OK(MPI_Type_create_hvector(2, 1, -64, r, &u));
    extent_is(u, -68, 80, -64, 68, 8, "hvector(2, 1, -64) of resized");
    TC_OK(MPI_Type_free(&u));
    TC_OK(MPI_Type_free(&r));

    /* subarrays: explicit bounds 0 and the whole array */
    int sz[2] = {4, 5}, sub[2] = {2, 3}, st[2] = {1, 1};
    TC_OK(MPI_Type_create_subarray(2, sz, sub, st, MPI_ORDER_C, MPI_INT, &t));
    extent_is(t, 0, 80, 24, 32, 24, "C subarray");
    TC_OK(MPI_Type_free(&t));
    TC_OK(MPI_Type_create_subarray(2, sz, sub, st, MPI_ORDER_FORTRAN, MPI_INT, &t));
    extent_is(t, 0, 80, 20, 40, 24, "Fortran subarray");
    TC_OK(MPI_Type_free(&t));
}

/* Pack a vector, a struct and some ints one after the other, unpack them in the same order. */
static void pack_unpack(void)
{
    struct rec {
        short s;
        double d;
    } recs[5], back[5];
    int b2[2] = {1, 1}, ints[20], got[20], vsz, ssz, isz, pos = 0, size;
    MPI_Aint d2[2] = {offsetof(struct rec, s), offsetof(struct rec, d)};
    MPI_Datatype t2[2] = {MPI_SHORT, MPI_DOUBLE}, rt, v;

    TC_OK(MPI_Type_create_struct(2, b2, d2, t2, &rt));
    TC_OK(MPI_Type_vector(5, 2, 4, MPI_INT, &v));
    TC_OK(MPI_Type_commit(&rt));
    TC_OK(MPI_Type_commit(&v));
    TC_OK(MPI_Pack_size(1, v, MPI_COMM_WORLD, &vsz));
    TC_OK(MPI_Pack_size(5, rt, MPI_COMM_WORLD, &ssz));
    TC_OK(MPI_Pack_size(3, MPI_INT, MPI_COMM_WORLD, &isz));
    TC_CHECK(vsz >= 40 && ssz >= 50 && isz >= 12, "Pack_size: %d %d %d", vsz, ssz, isz);
    size = vsz + ssz + isz;
    char *buf = dt_malloc((size_t)size), *other = dt_malloc((size_t)size);
    for (int k = 0; k < 20; k++)
        ints[k] = dt_val(100, tc_rank, k);
    for (int k = 0; k < 5; k++) {
        recs[k].s = (short)(k * 11 + tc_rank);
        recs[k].d = dt_val(101, tc_rank, k);
    }
    TC_OK(MPI_Pack(ints, 1, v, buf, size, &pos, MPI_COMM_WORLD));
    TC_OK(MPI_Pack(recs, 5, rt, buf, size, &pos, MPI_COMM_WORLD));
    TC_OK(MPI_Pack(ints + 17, 3, MPI_INT, buf, size, &pos, MPI_COMM_WORLD));
    TC_CHECK(pos <= size, "packed %d bytes into %d", pos, size);
    /* the packed bytes go to the next rank as MPI_PACKED; unpack what the previous one sent */
    int n = pos, from = (tc_rank + tc_size - 1) % tc_size;
    MPI_Status st;
    TC_OK(MPI_Sendrecv(buf, n, MPI_PACKED, (tc_rank + 1) % tc_size, 0, other, size, MPI_PACKED,
                       from, 0, MPI_COMM_WORLD, &st));
    TC_OK(MPI_Get_count(&st, MPI_PACKED, &n));
    TC_CHECK(n == pos, "received %d packed bytes, sent %d", n, pos);
    for (int k = 0; k < 20; k++)
        got[k] = DT_HOLE;
    memset(back, 0, sizeof(back));
    pos = 0;
    TC_OK(MPI_Unpack(other, n, &pos, got, 1, v, MPI_COMM_WORLD));
    TC_OK(MPI_Unpack(other, n, &pos, back, 5, rt, MPI_COMM_WORLD));
    TC_OK(MPI_Unpack(other, n, &pos, got + 17, 3, MPI_INT, MPI_COMM_WORLD));
    TC_CHECK(pos == n, "unpacked %d of %d bytes", pos, n);
    for (int k = 0; k < 20; k++) {
        int want = (k % 4 < 2 || k >= 17) ? dt_val(100, from, k) : DT_HOLE;
        TC_CHECK(got[k] == want, "unpacked ints: [%d] is %d, want %d", k, got[k], want);
    }
    for (int k = 0; k < 5; k++)
        TC_CHECK(back[k].s == (short)(k * 11 + from) && back[k].d == dt_val(101, from, k),
                 "unpacked struct %d", k);
    TC_OK(MPI_Type_free(&rt));
    TC_OK(MPI_Type_free(&v));
    free(buf);
    free(other);
}

static void envelope_is(MPI_Datatype t, int ni, int na, int nd, int comb, const char *what)
{
    int a, b, c, d;
    TC_OK(MPI_Type_get_envelope(t, &a, &b, &c, &d));
    TC_CHECK(a == ni && b == na && c == nd && d == comb,
             "%s: envelope %d %d %d combiner %d, want %d %d %d %d", what, a, b, c, d, ni, na, nd,
             comb);
}

/* Contents with the exact maxima from the envelope (Open MPI 4.1.4 crashes on larger ones). */
static void get_contents(MPI_Datatype t, int *ints, MPI_Aint *addrs, MPI_Datatype *types)
{
    int ni, na, nd, comb;
    TC_OK(MPI_Type_get_envelope(t, &ni, &na, &nd, &comb));
    TC_CHECK(ni <= 16 && na <= 4 && nd <= 3, "envelope %d %d %d too large for the test", ni, na,
             nd);
    TC_OK(MPI_Type_get_contents(t, ni, na, nd, ints, addrs, types));
}

/* Every constructor's envelope and contents (MPI 3.1 4.1.13). */
static void contents(void)
{
    MPI_Datatype t, got[3];
    int ints[16], bl[3] = {1, 2, 3}, ix[3] = {4, -5, 6}, sz[2] = {5, 6}, sub[2] = {2, 3};
    int st[2] = {1, 2};
    MPI_Aint addrs[4], ad[3] = {8, -16, 32};
    MPI_Datatype ts[3] = {MPI_INT, MPI_DOUBLE, MPI_CHAR};

    envelope_is(MPI_INT, 0, 0, 0, MPI_COMBINER_NAMED, "MPI_INT");
    TC_OK(MPI_Type_vector(3, 2, 7, MPI_INT, &t));
    envelope_is(t, 3, 0, 1, MPI_COMBINER_VECTOR, "vector");
    get_contents(t, ints, addrs, got);
    TC_CHECK(ints[0] == 3 && ints[1] == 2 && ints[2] == 7 && got[0] == MPI_INT, "vector contents");
    TC_OK(MPI_Type_free(&t));

    TC_OK(MPI_Type_create_hvector(3, 2, 56, MPI_INT, &t));
    envelope_is(t, 2, 1, 1, MPI_COMBINER_HVECTOR, "hvector");
    get_contents(t, ints, addrs, got);
    TC_CHECK(ints[0] == 3 && ints[1] == 2 && addrs[0] == 56, "hvector contents");
    TC_OK(MPI_Type_free(&t));

    TC_OK(MPI_Type_indexed(3, bl, ix, MPI_DOUBLE, &t));
    envelope_is(t, 7, 0, 1, MPI_COMBINER_INDEXED, "indexed");
    get_contents(t, ints, addrs, got);
    TC_CHECK(ints[0] == 3 && ints[1] == 1 && ints[3] == 3 && ints[4] == 4 && ints[5] == -5 &&
                 got[0] == MPI_DOUBLE,
             "indexed contents");
    TC_OK(MPI_Type_free(&t));

    TC_OK(MPI_Type_create_hindexed(3, bl, ad, MPI_INT, &t));
    envelope_is(t, 4, 3, 1, MPI_COMBINER_HINDEXED, "hindexed");
    TC_OK(MPI_Type_free(&t));
    TC_OK(MPI_Type_create_indexed_block(3, 2, ix, MPI_INT, &t));
    envelope_is(t, 5, 0, 1, MPI_COMBINER_INDEXED_BLOCK, "indexed_block");
    TC_OK(MPI_Type_free(&t));
    TC_OK(MPI_Type_create_hindexed_block(3, 2, ad, MPI_INT, &t));
    envelope_is(t, 2, 3, 1, MPI_COMBINER_HINDEXED_BLOCK, "hindexed_block");
    TC_OK(MPI_Type_free(&t));

    /* a struct built on a derived type: get_contents hands back a type to free */
    MPI_Datatype inner;
    TC_OK(MPI_Type_contiguous(2, MPI_INT, &inner));
    envelope_is(inner, 1, 0, 1, MPI_COMBINER_CONTIGUOUS, "contiguous");
    ts[2] = inner;
    TC_OK(MPI_Type_create_struct(3, bl, ad, ts, &t));
    TC_OK(MPI_Type_free(&inner));
    envelope_is(t, 4, 3, 3, MPI_COMBINER_STRUCT, "struct");
    get_contents(t, ints, addrs, got);
    TC_CHECK(ints[0] == 3 && ints[3] == 3 && addrs[1] == -16 && got[0] == MPI_INT &&
                 got[1] == MPI_DOUBLE,
             "struct contents");
    envelope_is(got[2], 1, 0, 1, MPI_COMBINER_CONTIGUOUS, "struct member from get_contents");
    TC_OK(MPI_Type_free(&got[2]));
    TC_OK(MPI_Type_free(&t));

    TC_OK(MPI_Type_create_subarray(2, sz, sub, st, MPI_ORDER_FORTRAN, MPI_INT, &t));
    envelope_is(t, 8, 0, 1, MPI_COMBINER_SUBARRAY, "subarray");
    get_contents(t, ints, addrs, got);
    TC_CHECK(ints[0] == 2 && ints[1] == 5 && ints[4] == 3 && ints[6] == 2 &&
                 ints[7] == MPI_ORDER_FORTRAN,
             "subarray contents");
    TC_OK(MPI_Type_free(&t));

    TC_OK(MPI_Type_create_resized(MPI_INT, -8, 24, &t));
    envelope_is(t, 0, 2, 1, MPI_COMBINER_RESIZED, "resized");
    get_contents(t, ints, addrs, got);
    TC_CHECK(addrs[0] == -8 && addrs[1] == 24 && got[0] == MPI_INT, "resized contents");
    TC_OK(MPI_Type_dup(t, &inner));
    envelope_is(inner, 0, 0, 1, MPI_COMBINER_DUP, "dup");
    get_contents(inner, ints, addrs, got);
    /* the type dup was called on, or an equivalent one (the standard allows either) */
    envelope_is(got[0], 0, 2, 1, MPI_COMBINER_RESIZED, "dup contents");
    extent_is(got[0], -8, 24, 0, 4, 4, "dup contents");
    TC_OK(MPI_Type_free(&got[0]));
    extent_is(inner, -8, 24, 0, 4, 4, "dup of resized");
    TC_OK(MPI_Type_free(&inner));
    TC_OK(MPI_Type_free(&t));
}

/* Names, addresses and address arithmetic. */
static void misc(void)
{
    MPI_Datatype t;
    char name[MPI_MAX_OBJECT_NAME];
    int len, arr[10];
    MPI_Aint a0, a5;

    TC_OK(MPI_Type_get_name(MPI_DOUBLE, name, &len));
    TC_CHECK(strcmp(name, "MPI_DOUBLE") == 0 && len == 10, "name of MPI_DOUBLE: %s", name);
    TC_OK(MPI_Type_contiguous(3, MPI_DOUBLE, &t));
    TC_OK(MPI_Type_get_name(t, name, &len));
    TC_CHECK(len == 0 && name[0] == '\0', "a new type has a name: %s", name);
    TC_OK(MPI_Type_set_name(t, "triple"));
    TC_OK(MPI_Type_get_name(t, name, &len));
    TC_CHECK(strcmp(name, "triple") == 0 && len == 6, "set_name: %s", name);
    TC_OK(MPI_Type_free(&t));
    TC_OK(MPI_Get_address(&arr[0], &a0));
    TC_OK(MPI_Get_address(&arr[5], &a5));
    TC_CHECK(MPI_Aint_diff(a5, a0) == 5 * (MPI_Aint)sizeof(int), "Aint_diff");
    TC_CHECK(MPI_Aint_add(a0, 5 * sizeof(int)) == a5, "Aint_add");
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "dtype-pack");
    bounds();
    pack_unpack();
    contents();
    misc();
    dt_done();
    return 0;
}
