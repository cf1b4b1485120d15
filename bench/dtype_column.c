/*
 * dtype_column: a column of an N x N matrix of doubles (N = 4096 by default) sent between rank 0
 * and rank 1 in a ping-pong, two ways: as a derived type (MPI_Type_vector(rows, 1, N,
 * MPI_DOUBLE) on both sides, the library packs and unpacks), and packed by hand into a
 * contiguous buffer, sent as MPI_DOUBLE and unpacked by hand. Size = bytes of the column part
 * sent (8 x rows, rows up to N); the stride between elements is always a whole matrix row.
 *   dtype_column [-m MIN:MAX] [-i ITERS] [-x WARMUP] [-n N] [-H] [-h]
 *
 * Value: one-way time per message in microseconds, pack and unpack included (round trip / 2),
 * derived first, then hand-packed, then derived / hand. -H swaps the first two columns, so that
 * bench/compare (which compares the first value column) compares the hand-packed times.
 *
 * Correctness: once per size, outside the timed loop, both ways run once more with fresh
 * values into a poisoned matrix, and every element of it is checked (the column and the rest).
 */
#include "common.h"

struct column {
    double *m;   /* N x N, row-major */
    double *tmp; /* the hand-packed column */
    int n, rows;
    MPI_Datatype col;
};

static void send_column(const struct column *c, int peer, int derived)
{
    if (derived) {
        BENCH_MPI(MPI_Send(c->m, 1, c->col, peer, BENCH_TAG_DATA, MPI_COMM_WORLD));
        return;
    }
    for (int i = 0; i < c->rows; i++) {
        c->tmp[i] = c->m[(size_t)i * c->n];
    }
    BENCH_MPI(MPI_Send(c->tmp, c->rows, MPI_DOUBLE, peer, BENCH_TAG_DATA, MPI_COMM_WORLD));
}

static void recv_column(const struct column *c, int peer, int derived)
{
    if (derived) {
        BENCH_MPI(
            MPI_Recv(c->m, 1, c->col, peer, BENCH_TAG_DATA, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        return;
    }
    BENCH_MPI(MPI_Recv(c->tmp, c->rows, MPI_DOUBLE, peer, BENCH_TAG_DATA, MPI_COMM_WORLD,
                       MPI_STATUS_IGNORE));
    for (int i = 0; i < c->rows; i++) {
        c->m[(size_t)i * c->n] = c->tmp[i];
    }
}

static void pingpong(const struct column *c, int rank, int derived)
{
    if (rank == 0) {
        send_column(c, 1, derived);
        recv_column(c, 1, derived);
    } else if (rank == 1) {
        recv_column(c, 0, derived);
        send_column(c, 0, derived);
    }
}

/* Seconds per one-way message over iters ping-pongs after warmup. */
static double timed(const struct column *c, int rank, int derived, int warmup, int iters)
{
    double t0 = 0.0;

    BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
    for (int i = 0; i < warmup + iters; i++) {
        if (i == warmup) {
            t0 = MPI_Wtime();
        }
        pingpong(c, rank, derived);
    }
    return (MPI_Wtime() - t0) / (2.0 * iters);
}

/* Fresh values in our column, poison elsewhere; one round trip; check the whole matrix. */
static void verify(struct column *c, int rank, int derived, int seed)
{
    size_t all = (size_t)c->n * c->n;

    if (rank > 1) {
        return;
    }
    for (size_t k = 0; k < all; k++) {
        c->m[k] = -1.0;
    }
    for (int i = 0; i < c->rows; i++) {
        c->m[(size_t)i * c->n] = seed * 1e6 + rank * 1e5 + i;
    }
    pingpong(c, rank, derived);
    for (size_t k = 0; k < all; k++) {
        int i = (int)(k / c->n);
        /* rank 0 gets its own column back through rank 1; rank 1 holds rank 0's */
        double want = k % c->n == 0 && i < c->rows ? seed * 1e6 + i : -1.0;
        if (c->m[k] != want) {
            fprintf(stderr,
                    "dtype_column: rank %d: WRONG DATA (%s, %d rows): element (%zu,%zu) is %g, "
                    "expected %g -- no figure for a wrong answer\n",
                    rank, derived ? "derived" : "hand-packed", c->rows, k / c->n, k % c->n, c->m[k],
                    want);
            MPI_Abort(MPI_COMM_WORLD, 3);
        }
    }
}

/* -n N and -H are ours; the rest goes to bench_parse. Returns -1 to go on, else a status. */
static int own_flags(int *argc, char **argv, int *n, int *hand_first)
{
    int out = 1;

    for (int i = 1; i < *argc; i++) {
        if (!strcmp(argv[i], "-H")) {
            *hand_first = 1;
        } else if (!strcmp(argv[i], "-n") && i + 1 < *argc) {
            if (bench_parse_int(argv[++i], 1, n) != 0) {
                return 1;
            }
        } else {
            argv[out++] = argv[i];
        }
    }
    *argc = out;
    return -1;
}

int main(int argc, char **argv)
{
    struct bench_opts o = {
        .name = "dtype_column",
        .min_size = 8,
        .max_size = 4096 * 8,
        .iters_small = 2000,
        .iters_large = 200,
        .warmup_small = 50,
        .warmup_large = 10,
    };
    struct column c = {.n = 4096};
    int rank, rc, hand_first = 0;

    MPI_Init(&argc, &argv);
    rank = bench_rank();
    rc = own_flags(&argc, argv, &c.n, &hand_first);
    if (rc < 0) {
        rc = bench_start(&o, argc, argv, 2);
    }
    if (rc >= 0) {
        MPI_Finalize();
        return rc;
    }
    if (o.max_size > (size_t)c.n * 8) {
        o.max_size = (size_t)c.n * 8;
    }
    c.m = (double *)bench_alloc((size_t)c.n * c.n * sizeof(double));
    c.tmp = (double *)bench_alloc((size_t)c.n * sizeof(double));
    if (rank == 0) {
        char what[160];
        snprintf(what, sizeof(what),
                 "ping-pong of a column of a %dx%d double matrix: MPI_Type_vector vs packed by "
                 "hand",
                 c.n, c.n);
        bench_header(&o, what, "us, lower is better",
                     hand_first ? "size(bytes) hand(us) derived(us) derived/hand"
                                : "size(bytes) derived(us) hand(us) derived/hand");
    }
    for (size_t size = o.min_size < 8 ? 8 : o.min_size; size; size = bench_next_size(&o, size)) {
        int iters = bench_iters(&o, size), warmup = bench_warmup(&o, size);
        double td, th;

        c.rows = (int)(size / 8);
        BENCH_MPI(MPI_Type_vector(c.rows, 1, c.n, MPI_DOUBLE, &c.col));
        BENCH_MPI(MPI_Type_commit(&c.col));
        td = timed(&c, rank, 1, warmup, iters);
        th = timed(&c, rank, 0, warmup, iters);
        verify(&c, rank, 1, 1);
        verify(&c, rank, 0, 2);
        if (rank == 0) {
            printf("%-10zu %12.2f %12.2f %8.2f\n", size, 1e6 * (hand_first ? th : td),
                   1e6 * (hand_first ? td : th), td / th);
            fflush(stdout);
        }
        BENCH_MPI(MPI_Type_free(&c.col));
    }
    BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
    free(c.m);
    free(c.tmp);
    MPI_Finalize();
    return 0;
}
