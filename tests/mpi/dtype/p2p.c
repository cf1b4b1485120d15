/* p2p.c — derived datatypes through point-to-point (MPI 3.1 4.1 with chapter 3): every
 * constructor sent with one layout and received with another of the same type signature, over a
 * ring (rank r sends to r+1 and receives from r-1; on 2 ranks a pair exchange): a matrix column
 * (Type_vector) received contiguous and the other way round, a subarray halo exchange, a struct
 * with padding (also from MPI_BOTTOM and received as MPI_PACKED), indexed types with negative
 * displacements, resized types in arrays, messages above 64 KiB and 1 MiB (rendezvous), and the
 * send modes, persistent requests, Sendrecv_replace, Mprobe/Mrecv and Bsend on derived types.
 * Holes in receive layouts must keep their sentinel. */
#include "dt.h"

static int me, np, next, prev;

/* Ring exchange of one message: send (sbuf, scount, st) to next, receive from prev. */
static void ring(const void *sbuf, int scount, MPI_Datatype st, void *rbuf, int rcount,
                 MPI_Datatype rt, int tag)
{
    MPI_Status s;
    TC_OK(
        MPI_Sendrecv(sbuf, scount, st, next, tag, rbuf, rcount, rt, prev, tag, MPI_COMM_WORLD, &s));
    TC_CHECK(s.MPI_SOURCE == prev && s.MPI_TAG == tag, "tag %d: status source %d tag %d", tag,
             s.MPI_SOURCE, s.MPI_TAG);
}

/* An N x N matrix column through Type_vector, received contiguous; then the reverse. */
static void matrix_column(int N)
{
    double *m = dt_doubles((size_t)N * N, DT_HOLE), *col = dt_doubles((size_t)N, DT_HOLE);
    MPI_Datatype colt;
    int c = N / 3;

    TC_OK(MPI_Type_vector(N, 1, N, MPI_DOUBLE, &colt));
    TC_OK(MPI_Type_commit(&colt));
    for (int i = 0; i < N; i++)
        m[(size_t)i * N + c] = dt_val(1, me, i);
    ring(&m[c], 1, colt, col, N, MPI_DOUBLE, 1);
    for (int i = 0; i < N; i++)
        TC_CHECK(col[i] == dt_val(1, prev, i), "column %d of %d: element %d is %g", c, N, i,
                 col[i]);
    /* contiguous out, column in: every other element of the matrix untouched */
    for (int i = 0; i < N; i++)
        col[i] = dt_val(2, me, i);
    for (size_t i = 0; i < (size_t)N * N; i++)
        m[i] = DT_HOLE;
    ring(col, N, MPI_DOUBLE, &m[c], 1, colt, 2);
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double want = j == c ? dt_val(2, prev, i) : DT_HOLE;
            TC_CHECK(m[(size_t)i * N + j] == want, "column into %dx%d: (%d,%d) is %g, want %g", N,
                     N, i, j, m[(size_t)i * N + j], want);
        }
    TC_OK(MPI_Type_free(&colt));
    free(m);
    free(col);
}

/* A 2-D halo exchange with subarrays: our last interior column and row to next, prev's into
 * our first ghost column and row. The grid is (NY + 2) x (NX + 2) doubles. */
static void halo(int NY, int NX)
{
    int sizes[2] = {NY + 2, NX + 2}, colsz[2] = {NY, 1}, rowsz[2] = {1, NX};
    int col_out[2] = {1, NX}, col_in[2] = {1, 0}, row_out[2] = {NY, 1}, row_in[2] = {0, 1};
    MPI_Datatype t[4];
    MPI_Request rq[4];
    size_t W = (size_t)NX + 2;
    double *g = dt_doubles((NY + 2) * W, DT_HOLE);

    TC_OK(MPI_Type_create_subarray(2, sizes, colsz, col_out, MPI_ORDER_C, MPI_DOUBLE, &t[0]));
    TC_OK(MPI_Type_create_subarray(2, sizes, colsz, col_in, MPI_ORDER_C, MPI_DOUBLE, &t[1]));
    TC_OK(MPI_Type_create_subarray(2, sizes, rowsz, row_out, MPI_ORDER_C, MPI_DOUBLE, &t[2]));
    TC_OK(MPI_Type_create_subarray(2, sizes, rowsz, row_in, MPI_ORDER_C, MPI_DOUBLE, &t[3]));
    for (int k = 0; k < 4; k++)
        TC_OK(MPI_Type_commit(&t[k]));
    for (int i = 1; i <= NY; i++)
        for (int j = 1; j <= NX; j++)
            g[i * W + j] = dt_val(3, me, (long)i * 100000 + j);
    TC_OK(MPI_Irecv(g, 1, t[1], prev, 3, MPI_COMM_WORLD, &rq[0]));
    TC_OK(MPI_Irecv(g, 1, t[3], prev, 4, MPI_COMM_WORLD, &rq[1]));
    TC_OK(MPI_Isend(g, 1, t[0], next, 3, MPI_COMM_WORLD, &rq[2]));
    TC_OK(MPI_Isend(g, 1, t[2], next, 4, MPI_COMM_WORLD, &rq[3]));
    TC_OK(MPI_Waitall(4, rq, MPI_STATUSES_IGNORE));
    for (int i = 0; i < NY + 2; i++)
        for (int j = 0; j < NX + 2; j++) {
            double want = DT_HOLE;
            if (i >= 1 && i <= NY && j >= 1 && j <= NX)
                want = dt_val(3, me, (long)i * 100000 + j);
            else if (j == 0 && i >= 1 && i <= NY)
                want = dt_val(3, prev, (long)i * 100000 + NX);
            else if (i == 0 && j >= 1 && j <= NX)
                want = dt_val(3, prev, (long)NY * 100000 + j);
            TC_CHECK(g[i * W + j] == want, "halo %dx%d: (%d,%d) is %g, want %g", NY, NX, i, j,
                     g[i * W + j], want);
        }
    for (int k = 0; k < 4; k++)
        TC_OK(MPI_Type_free(&t[k]));
    free(g);
}

struct particle {
    char tag;
    double x[3];
    int id;
};

static MPI_Datatype particle_type(void)
{
    int bl[3] = {1, 3, 1};
    MPI_Aint d[3] = {offsetof(struct particle, tag), offsetof(struct particle, x),
                     offsetof(struct particle, id)};
    MPI_Datatype ts[3] = {MPI_CHAR, MPI_DOUBLE, MPI_INT}, t;
    MPI_Aint lb, ext;
    TC_OK(MPI_Type_create_struct(3, bl, d, ts, &t));
    TC_OK(MPI_Type_commit(&t));
    TC_OK(MPI_Type_get_extent(t, &lb, &ext));
    TC_CHECK(lb == 0 && ext == (MPI_Aint)sizeof(struct particle),
             "struct particle type: lb %ld extent %ld, want 0 and %zu (alignment padding)",
             (long)lb, (long)ext, sizeof(struct particle));
    return t;
}

static void set_particle(struct particle *p, int r, int k)
{
    memset(p, 0x5a, sizeof(*p)); /* the padding is garbage */
    p->tag = (char)('a' + k % 26);
    for (int j = 0; j < 3; j++)
        p->x[j] = dt_val(4, r, k * 3 + j);
    p->id = dt_val(5, r, k);
}

static void check_particle(const struct particle *p, int r, int k, const char *what)
{
    TC_CHECK(p->tag == (char)('a' + k % 26) && p->x[0] == dt_val(4, r, k * 3) &&
                 p->x[1] == dt_val(4, r, k * 3 + 1) && p->x[2] == dt_val(4, r, k * 3 + 2) &&
                 p->id == dt_val(5, r, k),
             "%s: particle %d wrong (tag %c id %d)", what, k, p->tag, p->id);
}

/* Structs with padding: as an array, from MPI_BOTTOM with absolute addresses, and into
 * MPI_PACKED unpacked on arrival. */
static void structs(int n)
{
    MPI_Datatype pt = particle_type(), abs_t;
    struct particle *a = dt_malloc(n * sizeof(*a)), *b = dt_malloc(n * sizeof(*b));
    int pos = 0, psize;
    char *packed;

    for (int k = 0; k < n; k++)
        set_particle(&a[k], me, k);
    ring(a, n, pt, b, n, pt, 5);
    for (int k = 0; k < n; k++)
        check_particle(&b[k], prev, k, "struct array");

    /* absolute addresses: a struct of two particles far apart, sent from MPI_BOTTOM */
    int bl[2] = {1, 1};
    MPI_Aint d[2];
    MPI_Datatype ts[2] = {pt, pt};
    TC_OK(MPI_Get_address(&a[n - 1], &d[0]));
    TC_OK(MPI_Get_address(&a[0], &d[1]));
    TC_OK(MPI_Type_create_struct(2, bl, d, ts, &abs_t));
    TC_OK(MPI_Type_commit(&abs_t));
    memset(b, 0, n * sizeof(*b));
    ring(MPI_BOTTOM, 1, abs_t, b, 2, pt, 6);
    check_particle(&b[0], prev, n - 1, "MPI_BOTTOM struct, first");
    check_particle(&b[1], prev, 0, "MPI_BOTTOM struct, second");
    TC_OK(MPI_Type_free(&abs_t));

    /* received as MPI_PACKED, then unpacked with the struct type */
    TC_OK(MPI_Pack_size(n, pt, MPI_COMM_WORLD, &psize));
    packed = dt_malloc((size_t)psize);
    ring(a, n, pt, packed, psize, MPI_PACKED, 7);
    memset(b, 0, n * sizeof(*b));
    TC_OK(MPI_Unpack(packed, psize, &pos, b, n, pt, MPI_COMM_WORLD));
    for (int k = 0; k < n; k++)
        check_particle(&b[k], prev, k, "MPI_PACKED then MPI_Unpack");
    free(packed);
    TC_OK(MPI_Type_free(&pt));
    free(a);
    free(b);
}

/* Indexed with negative displacements from the middle of an array, received into another
 * indexed layout; hindexed, indexed_block, hindexed_block and hvector received contiguous. */
static void indexed(void)
{
    int bl[4] = {2, 1, 3, 1}, dsp[4] = {-10, -3, 4, 0}, order[7] = {10, 11, 17, 24, 25, 26, 20};
    int rbl[2] = {4, 3}, rdsp[2] = {5, -5}, rorder[7] = {25, 26, 27, 28, 15, 16, 17};
    int *a = dt_ints(40, DT_HOLE), *b = dt_ints(40, DT_HOLE);
    MPI_Datatype s, r;

    for (int i = 0; i < 40; i++)
        a[i] = dt_val(8, me, i);
    TC_OK(MPI_Type_indexed(4, bl, dsp, MPI_INT, &s));
    TC_OK(MPI_Type_indexed(2, rbl, rdsp, MPI_INT, &r));
    TC_OK(MPI_Type_commit(&s));
    TC_OK(MPI_Type_commit(&r));
    ring(a + 20, 1, s, b + 20, 1, r, 8);
    for (int i = 0, k = 0; i < 40; i++) {
        int want = DT_HOLE;
        for (k = 0; k < 7; k++)
            if (rorder[k] == i)
                want = dt_val(8, prev, order[k]);
        TC_CHECK(b[i] == want, "indexed with negative displacements: b[%d] is %d, want %d", i, b[i],
                 want);
    }
    TC_OK(MPI_Type_free(&s));
    TC_OK(MPI_Type_free(&r));

    /* the h- and _block forms, each sent to a contiguous receive */
    MPI_Aint hd[3] = {12 * 4, 0, -4 * 4};
    int ib[3] = {6, 1, 3}, hb[3] = {2, 1, 2};
    MPI_Datatype t[5];
    TC_OK(MPI_Type_create_hindexed(3, hb, hd, MPI_INT, &t[0]));      /* 12,13 0 -4,-3 */
    TC_OK(MPI_Type_create_indexed_block(3, 2, ib, MPI_INT, &t[1]));  /* 6,7 1,2 3,4 */
    TC_OK(MPI_Type_create_hindexed_block(3, 1, hd, MPI_INT, &t[2])); /* 12 0 -4 */
    TC_OK(MPI_Type_create_hvector(3, 2, -5 * 4, MPI_INT, &t[3]));    /* 0,1 -5,-4 -10,-9 */
    TC_OK(MPI_Type_dup(t[3], &t[4]));
    static const int want[5][6] = {{12, 13, 0, -4, -3},
                                   {6, 7, 1, 2, 3, 4},
                                   {12, 0, -4},
                                   {0, 1, -5, -4, -10, -9},
                                   {0, 1, -5, -4, -10, -9}};
    static const int len[5] = {5, 6, 3, 6, 6};
    for (int k = 0; k < 5; k++) {
        int got[6];
        TC_OK(MPI_Type_commit(&t[k]));
        ring(a + 20, 1, t[k], got, len[k], MPI_INT, 9 + k);
        for (int i = 0; i < len[k]; i++)
            TC_CHECK(got[i] == dt_val(8, prev, 20 + want[k][i]), "constructor %d: element %d", k,
                     i);
        TC_OK(MPI_Type_free(&t[k]));
    }
    free(a);
    free(b);
}

/* Resized ints in an array (every third int) received as a vector (every other int). */
static void resized(int n)
{
    MPI_Datatype r3, v2;
    int *a = dt_ints(3 * (size_t)n, DT_HOLE), *b = dt_ints(2 * (size_t)n, DT_HOLE);
    MPI_Aint lb, ext;

    TC_OK(MPI_Type_create_resized(MPI_INT, 0, 3 * sizeof(int), &r3));
    TC_OK(MPI_Type_commit(&r3));
    TC_OK(MPI_Type_get_extent(r3, &lb, &ext));
    TC_CHECK(lb == 0 && ext == 3 * (MPI_Aint)sizeof(int), "resized int: lb %ld extent %ld",
             (long)lb, (long)ext);
    TC_OK(MPI_Type_vector(n, 1, 2, MPI_INT, &v2));
    TC_OK(MPI_Type_commit(&v2));
    for (int k = 0; k < n; k++)
        a[3 * k] = dt_val(9, me, k);
    ring(a, n, r3, b, 1, v2, 20);
    for (int k = 0; k < 2 * n; k++)
        TC_CHECK(b[k] == (k % 2 ? DT_HOLE : dt_val(9, prev, k / 2)), "resized: b[%d] is %d", k,
                 b[k]);
    TC_OK(MPI_Type_free(&r3));
    TC_OK(MPI_Type_free(&v2));
    free(a);
    free(b);
}

/* count doubles, every other one on the send side, every third on the receive side, with
 * MPI_Send/MPI_Recv, MPI_Ssend, MPI_Isend/MPI_Irecv: above 64 KiB and 1 MiB, rendezvous. */
static void large(int count)
{
    MPI_Datatype s, r3, r;
    double *a = dt_doubles(2 * (size_t)count, DT_HOLE), *b = dt_doubles(3 * (size_t)count, 0);
    MPI_Request rq[2];
    MPI_Status st;
    int got;

    TC_OK(MPI_Type_vector(count, 1, 2, MPI_DOUBLE, &s));
    TC_OK(MPI_Type_create_resized(MPI_DOUBLE, 0, 3 * sizeof(double), &r3));
    TC_OK(MPI_Type_contiguous(count, r3, &r));
    TC_OK(MPI_Type_commit(&s));
    TC_OK(MPI_Type_commit(&r));
    for (int mode = 0; mode < 3; mode++) {
        for (int k = 0; k < count; k++)
            a[2 * k] = dt_val(10 + mode, me, k);
        for (size_t k = 0; k < 3 * (size_t)count; k++)
            b[k] = DT_HOLE;
        if (mode == 2) {
            TC_OK(MPI_Irecv(b, 1, r, prev, 30, MPI_COMM_WORLD, &rq[0]));
            TC_OK(MPI_Isend(a, 1, s, next, 30, MPI_COMM_WORLD, &rq[1]));
            TC_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
        } else if (me % 2 == 0) { /* blocking: even ranks send first */
            TC_OK(mode ? MPI_Ssend(a, 1, s, next, 30, MPI_COMM_WORLD)
                       : MPI_Send(a, 1, s, next, 30, MPI_COMM_WORLD));
            TC_OK(MPI_Recv(b, 1, r, prev, 30, MPI_COMM_WORLD, &st));
        } else {
            TC_OK(MPI_Recv(b, 1, r, prev, 30, MPI_COMM_WORLD, &st));
            TC_OK(mode ? MPI_Ssend(a, 1, s, next, 30, MPI_COMM_WORLD)
                       : MPI_Send(a, 1, s, next, 30, MPI_COMM_WORLD));
        }
        if (mode < 2) {
            TC_OK(MPI_Get_count(&st, MPI_DOUBLE, &got));
            TC_CHECK(got == count, "large: Get_count %d, want %d", got, count);
        }
        for (size_t k = 0; k < 3 * (size_t)count; k++)
            TC_CHECK(b[k] == (k % 3 ? DT_HOLE : dt_val(10 + mode, prev, (long)(k / 3))),
                     "large %d doubles, mode %d: b[%zu] is %g", count, mode, k, b[k]);
    }
    TC_OK(MPI_Type_free(&s));
    TC_OK(MPI_Type_free(&r3));
    TC_OK(MPI_Type_free(&r));
    free(a);
    free(b);
}

/* Large derived messages (streamed: packed as they leave, unpacked as they arrive) into a
 * buffer too small (MPI_ERR_TRUNCATE, the part that fits delivered, the rest untouched), through
 * Mprobe/Mrecv, and with Sendrecv_replace. */
static void large_more(int count)
{
    MPI_Datatype s, r;
    double *a = dt_doubles(2 * (size_t)count, DT_HOLE), *b = dt_doubles(3 * (size_t)count, 0);
    MPI_Message msg;
    MPI_Status st;
    int rc, got;

    TC_OK(MPI_Type_vector(count, 1, 2, MPI_DOUBLE, &s));
    TC_OK(MPI_Type_vector(count / 2, 1, 3, MPI_DOUBLE, &r)); /* half the elements fit */
    TC_OK(MPI_Type_commit(&s));
    TC_OK(MPI_Type_commit(&r));
    for (int k = 0; k < count; k++)
        a[2 * k] = dt_val(60, me, k);
    for (size_t k = 0; k < 3 * (size_t)count; k++)
        b[k] = DT_HOLE;
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
    rc = MPI_Sendrecv(a, 1, s, next, 61, b, 1, r, prev, 61, MPI_COMM_WORLD, &st);
    dt_expect(rc, MPI_ERR_TRUNCATE, "a large vector into half its size");
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_ARE_FATAL));
#ifndef MPICH_VERSION /* MPICH 4.0 leaves the buffer alone when a rendezvous truncates */
    for (size_t k = 0; k < 3 * (size_t)count; k++) {
        double want =
            k % 3 == 0 && k / 3 < (size_t)count / 2 ? dt_val(60, prev, (long)(k / 3)) : DT_HOLE;
        TC_CHECK(b[k] == want, "truncated large receive: b[%zu] is %g, want %g", k, b[k], want);
    }
#endif
    /* matched probe, then the receive into the other layout */
    MPI_Request rq;
    TC_OK(MPI_Isend(a, 1, s, next, 62, MPI_COMM_WORLD, &rq));
    TC_OK(MPI_Mprobe(prev, 62, MPI_COMM_WORLD, &msg, &st));
    TC_OK(MPI_Get_count(&st, MPI_DOUBLE, &got));
    TC_CHECK(got == count, "Mprobe of a large vector: %d doubles, want %d", got, count);
    for (size_t k = 0; k < 3 * (size_t)count; k++)
        b[k] = DT_HOLE;
    TC_OK(MPI_Mrecv(b, count, MPI_DOUBLE, &msg, &st));
    TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    for (int k = 0; k < count; k++)
        TC_CHECK(b[k] == dt_val(60, prev, k), "mrecv large: b[%d] is %g", k, b[k]);
    /* replaced in place */
    TC_OK(MPI_Sendrecv_replace(a, 1, s, next, 63, prev, 63, MPI_COMM_WORLD, &st));
    for (int k = 0; k < 2 * count; k++)
        TC_CHECK(a[k] == (k % 2 ? DT_HOLE : dt_val(60, prev, k / 2)), "replace large: a[%d]", k);
    TC_OK(MPI_Type_free(&s));
    TC_OK(MPI_Type_free(&r));
    free(a);
    free(b);
}

/* Persistent requests, Sendrecv_replace, Mprobe/Mrecv with Get_count, and Bsend. */
static void modes(void)
{
    enum { N = 50 };
    MPI_Datatype v;
    MPI_Request rq[2];
    MPI_Message msg;
    MPI_Status st;
    int a[2 * N], b[3 * N], cnt, bsize;

    TC_OK(MPI_Type_vector(N, 1, 2, MPI_INT, &v));
    TC_OK(MPI_Type_commit(&v));
    TC_OK(MPI_Recv_init(b, N, MPI_INT, prev, 40, MPI_COMM_WORLD, &rq[0]));
    TC_OK(MPI_Send_init(a, 1, v, next, 40, MPI_COMM_WORLD, &rq[1]));
    for (int round = 0; round < 3; round++) {
        for (int k = 0; k < N; k++)
            a[2 * k] = dt_val(20 + round, me, k);
        TC_OK(MPI_Startall(2, rq));
        TC_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
        for (int k = 0; k < N; k++)
            TC_CHECK(b[k] == dt_val(20 + round, prev, k), "persistent round %d: %d", round, k);
    }
    TC_OK(MPI_Request_free(&rq[0]));
    TC_OK(MPI_Request_free(&rq[1]));

    /* every other int replaced in place by prev's */
    for (int k = 0; k < 2 * N; k++)
        a[k] = k % 2 ? DT_HOLE : dt_val(30, me, k / 2);
    TC_OK(MPI_Sendrecv_replace(a, 1, v, next, 41, prev, 41, MPI_COMM_WORLD, &st));
    for (int k = 0; k < 2 * N; k++)
        TC_CHECK(a[k] == (k % 2 ? DT_HOLE : dt_val(30, prev, k / 2)), "replace: a[%d]", k);

    /* matched probe: the count in units of the derived type, then a receive into it */
    for (int k = 0; k < 2 * N; k++)
        a[k] = dt_val(31, me, k);
    TC_OK(MPI_Isend(a, N, MPI_INT, next, 42, MPI_COMM_WORLD, &rq[0]));
    TC_OK(MPI_Mprobe(prev, 42, MPI_COMM_WORLD, &msg, &st));
    TC_OK(MPI_Get_count(&st, v, &cnt));
    TC_CHECK(cnt == 1, "Get_count of %d ints in a vector of %d: %d, want 1", N, N, cnt);
    for (int k = 0; k < 3 * N; k++)
        b[k] = DT_HOLE;
    TC_OK(MPI_Mrecv(b, 1, v, &msg, &st));
    TC_OK(MPI_Wait(&rq[0], MPI_STATUS_IGNORE));
    for (int k = 0; k < 2 * N; k++)
        TC_CHECK(b[k] == (k % 2 ? DT_HOLE : dt_val(31, prev, k / 2)), "mrecv: b[%d]", k);

    /* buffered: the attached buffer holds the packed size */
    TC_OK(MPI_Pack_size(1, v, MPI_COMM_WORLD, &bsize));
    bsize += MPI_BSEND_OVERHEAD;
    char *buf = dt_malloc((size_t)bsize);
    TC_OK(MPI_Buffer_attach(buf, bsize));
    for (int k = 0; k < 2 * N; k++)
        a[k] = dt_val(32, me, k);
    TC_OK(MPI_Bsend(a, 1, v, next, 43, MPI_COMM_WORLD));
    TC_OK(MPI_Recv(b, N, MPI_INT, prev, 43, MPI_COMM_WORLD, &st));
    for (int k = 0; k < N; k++)
        TC_CHECK(b[k] == dt_val(32, prev, 2 * k), "bsend: b[%d]", k);
    TC_OK(MPI_Buffer_detach(&buf, &bsize));
    free(buf);
    TC_OK(MPI_Type_free(&v));
}

/* A large derived message to ourselves: the self path, streamed. */
static void to_self(int count)
{
    MPI_Datatype v;
    MPI_Request rq[2];
    double *a = dt_doubles(2 * (size_t)count, DT_HOLE), *b = dt_doubles(2 * (size_t)count, 0);

    TC_OK(MPI_Type_vector(count, 1, 2, MPI_DOUBLE, &v));
    TC_OK(MPI_Type_commit(&v));
    for (int k = 0; k < count; k++)
        a[2 * k] = dt_val(70, me, k);
    for (int k = 0; k < 2 * count; k++)
        b[k] = DT_HOLE;
    /* the send first: the message waits unexpected; then both ways round */
    TC_OK(MPI_Isend(a, 1, v, me, 71, MPI_COMM_WORLD, &rq[0]));
    TC_OK(MPI_Irecv(b, 1, v, me, 71, MPI_COMM_WORLD, &rq[1]));
    TC_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
    for (int k = 0; k < 2 * count; k++)
        TC_CHECK(b[k] == (k % 2 ? DT_HOLE : dt_val(70, me, k / 2)), "to self: b[%d]", k);
    for (int k = 0; k < 2 * count; k++)
        b[k] = DT_HOLE;
    TC_OK(MPI_Irecv(b, count, MPI_DOUBLE, me, 72, MPI_COMM_WORLD, &rq[1]));
    TC_OK(MPI_Isend(a, 1, v, me, 72, MPI_COMM_WORLD, &rq[0]));
    TC_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
    for (int k = 0; k < count; k++)
        TC_CHECK(b[k] == dt_val(70, me, k), "to self, contiguous: b[%d]", k);
    TC_OK(MPI_Type_free(&v));
    free(a);
    free(b);
}

/* A pending receive keeps its type alive after MPI_Type_free. */
static void free_while_pending(void)
{
    MPI_Datatype v;
    MPI_Request rq;
    int a[8], b[16];

    for (int k = 0; k < 16; k++)
        b[k] = DT_HOLE;
    TC_OK(MPI_Type_vector(8, 1, 2, MPI_INT, &v));
    TC_OK(MPI_Type_commit(&v));
    TC_OK(MPI_Irecv(b, 1, v, prev, 50, MPI_COMM_WORLD, &rq));
    TC_OK(MPI_Type_free(&v));
    TC_CHECK(v == MPI_DATATYPE_NULL, "MPI_Type_free left the handle set");
    TC_OK(MPI_Barrier(MPI_COMM_WORLD)); /* every receive is posted and its type freed */
    for (int k = 0; k < 8; k++)
        a[k] = dt_val(33, me, k);
    TC_OK(MPI_Send(a, 8, MPI_INT, next, 50, MPI_COMM_WORLD));
    TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    for (int k = 0; k < 16; k++)
        TC_CHECK(b[k] == (k % 2 ? DT_HOLE : dt_val(33, prev, k / 2)), "freed type: b[%d]", k);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "dtype-p2p");
    me = tc_rank;
    np = tc_size;
    next = (me + 1) % np;
    prev = (me + np - 1) % np;
    matrix_column(7);
    matrix_column(512);
    halo(5, 4);
    halo(300, 200);
    structs(100);
    indexed();
    resized(1000);
    large(12800);  /* 100 KiB */
    large(196608); /* 1.5 MiB */
    large_more(3000);
    large_more(100000);
    modes();
    to_self(100);
    to_self(50000);
    free_while_pending();
    dt_done();
    return 0;
}
