/* coll.c — derived datatypes in collectives (MPI 3.1 chapter 5 on chapter 4 types): Bcast and
 * Ibcast of a matrix column, Gather/Scatter/Allgather/Alltoall with a strided type on one side
 * and a contiguous one on the other, the v and w variants with per-rank blocks, MPI_IN_PLACE
 * with derived receive types, Allreduce/Reduce/Scan/Reduce_scatter_block/Reduce_local on derived
 * types of one basic type (reduced as that type), a user op on a struct type with padding, and
 * MPI_SUM on a mixed struct (MPI_ERR_OP). Holes in receive layouts must keep their sentinel. */
#include "dt.h"

static int me, np;

/* A vector of n ints, every other one: the strided type most cases use. */
static MPI_Datatype every_other(int n)
{
    MPI_Datatype v;
    TC_OK(MPI_Type_vector(n, 1, 2, MPI_INT, &v));
    TC_OK(MPI_Type_commit(&v));
    return v;
}

/* An int every other slot: resized to 2 ints, so count of them stride through an array. */
static MPI_Datatype strided_int(void)
{
    MPI_Datatype r;
    TC_OK(MPI_Type_create_resized(MPI_INT, 0, 2 * sizeof(int), &r));
    TC_OK(MPI_Type_commit(&r));
    return r;
}

/* buf[0..2n) holds v at even positions and holes at odd ones. */
static void check_strided(const int *buf, int n, int salt, int from, long base, const char *what)
{
    for (int k = 0; k < 2 * n; k++) {
        int want = k % 2 ? DT_HOLE : dt_val(salt, from, base + k / 2);
        TC_CHECK(buf[k] == want, "%s: [%d] is %d, want %d", what, k, buf[k], want);
    }
}

static void bcast(void)
{
    enum { N = 300 };
    double *m = dt_doubles((size_t)N * N, DT_HOLE);
    MPI_Datatype col;
    MPI_Request rq;

    TC_OK(MPI_Type_vector(N, 1, N, MPI_DOUBLE, &col));
    TC_OK(MPI_Type_commit(&col));
    for (int nb = 0; nb < 2; nb++) {
        int root = nb ? np - 1 : 0;
        for (int i = 0; i < N; i++)
            m[(size_t)i * N + 2] = me == root ? dt_val(40 + nb, root, i) : DT_HOLE;
        if (nb) {
            TC_OK(MPI_Ibcast(&m[2], 1, col, root, MPI_COMM_WORLD, &rq));
            TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
        } else {
            TC_OK(MPI_Bcast(&m[2], 1, col, root, MPI_COMM_WORLD));
        }
        for (size_t i = 0; i < (size_t)N * N; i++) {
            double want = i % N == 2 ? dt_val(40 + nb, root, (long)(i / N)) : DT_HOLE;
            TC_CHECK(m[i] == want, "%s column: m[%zu] is %g", nb ? "Ibcast" : "Bcast", i, m[i]);
        }
    }
    TC_OK(MPI_Type_free(&col));
    free(m);
}

/* Gather and Allgather of strided blocks into contiguous ones and back with Scatter; the
 * in-place forms with a strided receive type. */
static void gather_scatter(void)
{
    enum { N = 64 };
    MPI_Datatype v = every_other(N), r = strided_int();
    int *s = dt_ints(2 * N, DT_HOLE), *all = dt_ints((size_t)np * N, 0);
    int *sall = dt_ints(2 * (size_t)np * N, DT_HOLE);

    for (int k = 0; k < N; k++)
        s[2 * k] = dt_val(50, me, k);
    TC_OK(MPI_Gather(s, 1, v, all, N, MPI_INT, 0, MPI_COMM_WORLD));
    if (me == 0)
        for (int p = 0; p < np; p++)
            for (int k = 0; k < N; k++)
                TC_CHECK(all[p * N + k] == dt_val(50, p, k), "gather: rank %d element %d", p, k);
    /* allgather into a strided receive (resized ints), np * N of them */
    TC_OK(MPI_Allgather(s, 1, v, sall, N, r, MPI_COMM_WORLD));
    for (int p = 0; p < np; p++)
        check_strided(sall + 2 * p * N, N, 50, p, 0, "allgather into resized ints");
    /* in place: our block already sits in the strided receive buffer */
    for (size_t k = 0; k < 2 * (size_t)np * N; k++)
        sall[k] =
            k % 2 || (int)(k / (2 * N)) != me ? DT_HOLE : dt_val(51, me, (long)(k % (2 * N)) / 2);
    TC_OK(MPI_Allgather(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, sall, N, r, MPI_COMM_WORLD));
    for (int p = 0; p < np; p++)
        check_strided(sall + 2 * p * N, N, 51, p, 0, "in-place allgather");
    /* scatter from the strided buffer at the root into a vector everywhere */
    if (me == 0)
        for (size_t k = 0; k < 2 * (size_t)np * N; k++)
            sall[k] = k % 2 ? DT_HOLE : dt_val(52, 0, (long)k / 2);
    for (int k = 0; k < 2 * N; k++)
        s[k] = DT_HOLE;
    TC_OK(MPI_Scatter(sall, N, r, s, 1, v, 0, MPI_COMM_WORLD));
    check_strided(s, N, 52, 0, (long)me * N, "scatter into a vector");
    TC_OK(MPI_Type_free(&v));
    TC_OK(MPI_Type_free(&r));
    free(s);
    free(all);
    free(sall);
}

/* Gatherv/Allgatherv/Scatterv with rank p contributing p + 1 strided ints at reversed places. */
static void vvariants(void)
{
    MPI_Datatype r = strided_int();
    int *counts = dt_ints((size_t)np, 0), *displs = dt_ints((size_t)np, 0), total = 0;
    for (int p = np - 1; p >= 0; p--) {
        counts[p] = p + 1;
        displs[p] = total;
        total += p + 1;
    }
    int *mine = dt_ints(2 * (size_t)(me + 1), DT_HOLE), *all = dt_ints(2 * (size_t)total, DT_HOLE);
    for (int k = 0; k <= me; k++)
        mine[2 * k] = dt_val(60, me, k);
    TC_OK(MPI_Allgatherv(mine, me + 1, r, all, counts, displs, r, MPI_COMM_WORLD));
    for (int p = 0; p < np; p++)
        check_strided(all + 2 * displs[p], counts[p], 60, p, 0, "allgatherv");
    for (int k = 0; k < 2 * total; k++)
        all[k] = DT_HOLE;
    TC_OK(MPI_Gatherv(mine, me + 1, r, all, counts, displs, r, np - 1, MPI_COMM_WORLD));
    if (me == np - 1)
        for (int p = 0; p < np; p++)
            check_strided(all + 2 * displs[p], counts[p], 60, p, 0, "gatherv");
    if (me == 0)
        for (int k = 0; k < 2 * total; k++)
            all[k] = k % 2 ? DT_HOLE : dt_val(61, 0, k / 2);
    for (int k = 0; k < 2 * (me + 1); k++)
        mine[k] = DT_HOLE;
    TC_OK(MPI_Scatterv(all, counts, displs, r, mine, me + 1, r, 0, MPI_COMM_WORLD));
    check_strided(mine, me + 1, 61, 0, displs[me], "scatterv");
    TC_OK(MPI_Type_free(&r));
    free(counts);
    free(displs);
    free(mine);
    free(all);
}

/* Alltoall with a vector send and a resized-int receive; Alltoallv in place with a strided
 * receive type; Alltoallw mixing a vector, a struct and a predefined type per peer. */
static void alltoalls(void)
{
    enum { N = 16 };
    MPI_Datatype v = every_other(N), r = strided_int();
    int *s = dt_ints(2 * (size_t)np * N, DT_HOLE), *d = dt_ints(2 * (size_t)np * N, DT_HOLE);

    for (int p = 0; p < np; p++)
        for (int k = 0; k < N; k++)
            s[2 * (p * N + k)] = dt_val(70 + p, me, k);
    /* a vector spans 2N - 1 ints: resize it to 2N so consecutive ones tile the buffer */
    MPI_Datatype vr;
    TC_OK(MPI_Type_create_resized(v, 0, 2 * N * sizeof(int), &vr));
    TC_OK(MPI_Type_commit(&vr));
    TC_OK(MPI_Alltoall(s, 1, vr, d, N, r, MPI_COMM_WORLD));
    for (int p = 0; p < np; p++)
        check_strided(d + 2 * p * N, N, 70 + me, p, 0, "alltoall");

    int *cnt = dt_ints((size_t)np, N), *dsp = dt_ints((size_t)np, 0);
    for (int p = 0; p < np; p++)
        dsp[p] = (np - 1 - p) * N; /* reversed blocks */
    for (int p = 0; p < np; p++)
        for (int k = 0; k < 2 * N; k++)
            d[2 * dsp[p] + k] = k % 2 ? DT_HOLE : dt_val(80 + p, me, k / 2);
    TC_OK(
        MPI_Alltoallv(MPI_IN_PLACE, NULL, NULL, MPI_DATATYPE_NULL, d, cnt, dsp, r, MPI_COMM_WORLD));
    for (int p = 0; p < np; p++)
        check_strided(d + 2 * dsp[p], N, 80 + me, p, 0, "alltoallv in place");

    /* w: peer p gets N ints as a vector (p even) or contiguous ints (p odd); we receive each
     * peer's N ints through a resized-int type at byte displacements */
    MPI_Datatype *sts = dt_malloc((size_t)np * sizeof(*sts)),
                 *rts = dt_malloc((size_t)np * sizeof(*rts));
    int *sc = dt_ints((size_t)np, 0), *sd = dt_ints((size_t)np, 0), *rc = dt_ints((size_t)np, N);
    int *rd = dt_ints((size_t)np, 0);
    for (int p = 0; p < np; p++) {
        sts[p] = p % 2 ? MPI_INT : v;
        sc[p] = p % 2 ? N : 1;
        sd[p] = (int)(2 * p * N * sizeof(int));
        rts[p] = r;
        rd[p] = (int)(2 * (np - 1 - p) * N * sizeof(int));
        for (int k = 0; k < 2 * N; k++)
            s[2 * p * N + k] =
                p % 2 ? dt_val(90 + p, me, k) : (k % 2 ? DT_HOLE : dt_val(90 + p, me, k / 2));
    }
    for (size_t k = 0; k < 2 * (size_t)np * N; k++)
        d[k] = DT_HOLE;
    TC_OK(MPI_Alltoallw(s, sc, sd, sts, d, rc, rd, rts, MPI_COMM_WORLD));
    for (int p = 0; p < np; p++)
        check_strided(d + 2 * (np - 1 - p) * N, N, 90 + me, p, 0, "alltoallw");
    TC_OK(MPI_Type_free(&vr));
    TC_OK(MPI_Type_free(&v));
    TC_OK(MPI_Type_free(&r));
    free(s);
    free(d);
    free(cnt);
    free(dsp);
    free(sts);
    free(rts);
    free(sc);
    free(sd);
    free(rc);
    free(rd);
}

struct vi {
    double v;
    char c; /* padding follows */
    int i;
};

/* inout[k].v += in[k].v, inout[k].i = max: a user op on a struct type with padding. */
static void vi_op(void *in, void *inout, int *len, MPI_Datatype *dt)
{
    struct vi *a = in, *b = inout;
    (void)dt;
    for (int k = 0; k < *len; k++) {
        b[k].v += a[k].v;
        b[k].i = a[k].i > b[k].i ? a[k].i : b[k].i;
    }
}

#ifdef MPR_VERSION_MAJOR
/* Reductions with predefined ops on derived types of one basic type, reduced as that type: an
 * mpr extension (Open MPI 4.1 and MPICH 4.0 refuse predefined ops on derived types). */
static void base_reductions(void)
{
    enum { N = 100 };
    MPI_Datatype v = every_other(N), r = strided_int();
    int *s = dt_ints(2 * N, DT_HOLE), *d = dt_ints(2 * N, DT_HOLE);
    long sum;

    for (int k = 0; k < N; k++)
        s[2 * k] = me * 1000 + k;
    TC_OK(MPI_Allreduce(s, d, 1, v, MPI_SUM, MPI_COMM_WORLD));
    for (int k = 0; k < 2 * N; k++) {
        sum = (long)np * (np - 1) / 2 * 1000 + (long)np * (k / 2);
        TC_CHECK(d[k] == (k % 2 ? DT_HOLE : (int)sum), "allreduce vector: d[%d] is %d", k, d[k]);
    }
    /* in place, count N of resized ints */
    for (int k = 0; k < 2 * N; k++)
        d[k] = k % 2 ? DT_HOLE : me + k;
    TC_OK(MPI_Allreduce(MPI_IN_PLACE, d, N, r, MPI_MAX, MPI_COMM_WORLD));
    for (int k = 0; k < 2 * N; k++)
        TC_CHECK(d[k] == (k % 2 ? DT_HOLE : np - 1 + k), "in-place allreduce max: d[%d]", k);
    for (int k = 0; k < 2 * N; k++)
        d[k] = DT_HOLE;
    TC_OK(MPI_Reduce(s, d, N, r, MPI_SUM, np - 1, MPI_COMM_WORLD));
    if (me == np - 1)
        for (int k = 0; k < 2 * N; k++) {
            sum = (long)np * (np - 1) / 2 * 1000 + (long)np * (k / 2);
            TC_CHECK(d[k] == (k % 2 ? DT_HOLE : (int)sum), "reduce: d[%d] is %d", k, d[k]);
        }
    TC_OK(MPI_Scan(s, d, 1, v, MPI_SUM, MPI_COMM_WORLD));
    for (int k = 0; k < 2 * N; k++) {
        sum = (long)me * (me + 1) / 2 * 1000 + (long)(me + 1) * (k / 2);
        TC_CHECK(d[k] == (k % 2 ? DT_HOLE : (int)sum), "scan: d[%d] is %d", k, d[k]);
    }
    /* reduce_scatter_block: each rank gets 2 resized ints */
    int *rs = dt_ints(4 * (size_t)np, DT_HOLE), out[4] = {DT_HOLE, DT_HOLE, DT_HOLE, DT_HOLE};
    for (int k = 0; k < 2 * np; k++)
        rs[2 * k] = k;
    TC_OK(MPI_Reduce_scatter_block(rs, out, 2, r, MPI_SUM, MPI_COMM_WORLD));
    TC_CHECK(out[0] == np * 2 * me && out[1] == DT_HOLE && out[2] == np * (2 * me + 1) &&
                 out[3] == DT_HOLE,
             "reduce_scatter_block: %d %d %d %d", out[0], out[1], out[2], out[3]);
    free(rs);
    /* reduce_local on the vector */
    for (int k = 0; k < 2 * N; k++)
        d[k] = k % 2 ? DT_HOLE : 5;
    TC_OK(MPI_Reduce_local(s, d, 1, v, MPI_PROD));
    for (int k = 0; k < 2 * N; k++)
        TC_CHECK(d[k] == (k % 2 ? DT_HOLE : 5 * (me * 1000 + k / 2)), "reduce_local: d[%d]", k);
    TC_OK(MPI_Type_free(&v));
    TC_OK(MPI_Type_free(&r));
    free(s);
    free(d);
}
#endif

/* A user op on a struct with padding: it sees the struct layout; a gap byte must survive. */
static void user_reductions(void)
{
    enum { N = 100 };
    int bl[2] = {1, 1};
    MPI_Aint dsp[2] = {offsetof(struct vi, v), offsetof(struct vi, i)};
    MPI_Datatype ts[2] = {MPI_DOUBLE, MPI_INT}, st;
    MPI_Op op;
    struct vi a[N], b[N];
    TC_OK(MPI_Type_create_struct(2, bl, dsp, ts, &st));
    TC_OK(MPI_Type_commit(&st));
    TC_OK(MPI_Op_create(vi_op, 1, &op));
    for (int k = 0; k < N; k++) {
        a[k].v = me + k;
        a[k].i = me * k;
        b[k].c = 'q'; /* not in the type: must survive */
    }
    TC_OK(MPI_Allreduce(a, b, N, st, op, MPI_COMM_WORLD));
    for (int k = 0; k < N; k++)
        TC_CHECK(b[k].v == (double)np * (np - 1) / 2 + (double)np * k && b[k].i == (np - 1) * k &&
                     b[k].c == 'q',
                 "user op on a struct: element %d is %g %d %c", k, b[k].v, b[k].i, b[k].c);
    /* a predefined op on a type of mixed basic types is erroneous */
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
    dt_expect(MPI_Allreduce(a, b, N, st, MPI_SUM, MPI_COMM_WORLD), MPI_ERR_OP,
              "MPI_SUM on a struct of double and int");
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_ARE_FATAL));
    TC_OK(MPI_Op_free(&op));
    TC_OK(MPI_Type_free(&st));
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "dtype-coll");
    me = tc_rank;
    np = tc_size;
    bcast();
    gather_scatter();
    vvariants();
    alltoalls();
#ifdef MPR_VERSION_MAJOR
    base_reductions();
#endif
    user_reductions();
    dt_done();
    return 0;
}
