/*
 * dtype_halo: a 2-D halo exchange between rank 0 and rank 1, each holding an N x N grid of
 * doubles with a one-cell ghost border ((N + 2) x (N + 2), row-major), the other rank being the
 * neighbour on all four sides (periodic): the first and last interior columns and rows go out,
 * the ghost columns and rows come in, 4 MPI_Isend + 4 MPI_Irecv + MPI_Waitall per exchange.
 * Two ways: MPI_Type_create_subarray for the eight strips (the library packs the columns and
 * moves the rows as they are), and by hand (columns packed into and unpacked from contiguous
 * buffers, rows sent and received in place). Size = bytes of one strip (8 x N), N up to 4096.
 *   dtype_halo [-m MIN:MAX] [-i ITERS] [-x WARMUP] [-H] [-F] [-h]
 *
 * By hand, each column has its own copy loop, as a library packing one message at a time does.
 * -F fuses the two columns' loops into one pass over the rows instead: at large N that is up to
 * twice as fast on a machine whose every column element sits in its own page, a gain no
 * per-message packing can have (see docs/architecture.md, datatypes).
 *
 * Value: time per exchange in microseconds, derived first, then by hand, then derived / hand;
 * -H swaps the first two columns (bench/compare compares the first value column).
 *
 * Correctness: once per size, outside the timed loop, both ways run once more on fresh values
 * and every cell of the grid, border included, is checked.
 */
#include "common.h"

enum { LEFT, RIGHT, TOP, BOTTOM, NSIDES };

struct halo {
    double *g;      /* (n + 2) x (n + 2) */
    double *col[4]; /* hand: out left, out right, in left, in right */
    int n, peer;
    int fused;                            /* -F: one loop for both columns */
    MPI_Datatype out[NSIDES], in[NSIDES]; /* derived: interior strips, ghost strips */
};

static size_t ld(const struct halo *h)
{
    return (size_t)h->n + 2;
}

/* The strip of side s: interior (ghost = 0) or ghost; start row and column, rows, columns. */
static void strip(const struct halo *h, int s, int ghost, int st[2], int sub[2])
{
    int n = h->n, edge = ghost ? 0 : 1, far = ghost ? n + 1 : n;

    sub[0] = s == LEFT || s == RIGHT ? n : 1;
    sub[1] = s == LEFT || s == RIGHT ? 1 : n;
    st[0] = s == TOP ? edge : s == BOTTOM ? far : 1;
    st[1] = s == LEFT ? edge : s == RIGHT ? far : 1;
}

static void make_types(struct halo *h)
{
    int sizes[2] = {h->n + 2, h->n + 2}, st[2], sub[2];

    for (int s = 0; s < NSIDES; s++) {
        strip(h, s, 0, st, sub);
        BENCH_MPI(MPI_Type_create_subarray(2, sizes, sub, st, MPI_ORDER_C, MPI_DOUBLE, &h->out[s]));
        BENCH_MPI(MPI_Type_commit(&h->out[s]));
        strip(h, s, 1, st, sub);
        BENCH_MPI(MPI_Type_create_subarray(2, sizes, sub, st, MPI_ORDER_C, MPI_DOUBLE, &h->in[s]));
        BENCH_MPI(MPI_Type_commit(&h->in[s]));
    }
}

/* What we send on side s arrives in the peer's ghost strip on the opposite side. */
static int opposite(int s)
{
    return s ^ 1;
}

static void exchange_derived(struct halo *h)
{
    MPI_Request rq[2 * NSIDES];

    for (int s = 0; s < NSIDES; s++) {
        BENCH_MPI(MPI_Irecv(h->g, 1, h->in[s], h->peer, opposite(s), MPI_COMM_WORLD, &rq[s]));
    }
    for (int s = 0; s < NSIDES; s++) {
        BENCH_MPI(MPI_Isend(h->g, 1, h->out[s], h->peer, s, MPI_COMM_WORLD, &rq[NSIDES + s]));
    }
    BENCH_MPI(MPI_Waitall(2 * NSIDES, rq, MPI_STATUSES_IGNORE));
}

static void exchange_hand(struct halo *h)
{
    MPI_Request rq[2 * NSIDES];
    size_t w = ld(h);
    int n = h->n;

    BENCH_MPI(MPI_Irecv(h->col[2], n, MPI_DOUBLE, h->peer, RIGHT, MPI_COMM_WORLD, &rq[0]));
    BENCH_MPI(MPI_Irecv(h->col[3], n, MPI_DOUBLE, h->peer, LEFT, MPI_COMM_WORLD, &rq[1]));
    BENCH_MPI(MPI_Irecv(&h->g[1], n, MPI_DOUBLE, h->peer, BOTTOM, MPI_COMM_WORLD, &rq[2]));
    BENCH_MPI(
        MPI_Irecv(&h->g[(n + 1) * w + 1], n, MPI_DOUBLE, h->peer, TOP, MPI_COMM_WORLD, &rq[3]));
    if (h->fused) {
        for (int i = 0; i < n; i++) {
            h->col[0][i] = h->g[(i + 1) * w + 1];
            h->col[1][i] = h->g[(i + 1) * w + n];
        }
    } else {
        for (int i = 0; i < n; i++) {
            h->col[0][i] = h->g[(i + 1) * w + 1];
        }
        for (int i = 0; i < n; i++) {
            h->col[1][i] = h->g[(i + 1) * w + n];
        }
    }
    BENCH_MPI(MPI_Isend(h->col[0], n, MPI_DOUBLE, h->peer, LEFT, MPI_COMM_WORLD, &rq[4]));
    BENCH_MPI(MPI_Isend(h->col[1], n, MPI_DOUBLE, h->peer, RIGHT, MPI_COMM_WORLD, &rq[5]));
    BENCH_MPI(MPI_Isend(&h->g[w + 1], n, MPI_DOUBLE, h->peer, TOP, MPI_COMM_WORLD, &rq[6]));
    BENCH_MPI(MPI_Isend(&h->g[n * w + 1], n, MPI_DOUBLE, h->peer, BOTTOM, MPI_COMM_WORLD, &rq[7]));
    BENCH_MPI(MPI_Waitall(2 * NSIDES, rq, MPI_STATUSES_IGNORE));
    if (h->fused) {
        for (int i = 0; i < n; i++) {
            h->g[(i + 1) * w] = h->col[2][i];
            h->g[(i + 1) * w + n + 1] = h->col[3][i];
        }
    } else {
        for (int i = 0; i < n; i++) {
            h->g[(i + 1) * w] = h->col[2][i];
        }
        for (int i = 0; i < n; i++) {
            h->g[(i + 1) * w + n + 1] = h->col[3][i];
        }
    }
}

static double cell(int seed, int rank, size_t i, size_t j)
{
    return seed * 1e9 + rank * 1e8 + (double)i * 1e4 + (double)j;
}

/* Fresh interior, poisoned border; one exchange; check every cell. */
static void verify(struct halo *h, int rank, int derived, int seed)
{
    size_t w = ld(h), n = (size_t)h->n;

    for (size_t i = 0; i < w; i++) {
        for (size_t j = 0; j < w; j++) {
            int in = i >= 1 && i <= n && j >= 1 && j <= n;
            h->g[i * w + j] = in ? cell(seed, rank, i, j) : -1.0;
        }
    }
    derived ? exchange_derived(h) : exchange_hand(h);
    for (size_t i = 0; i < w; i++) {
        for (size_t j = 0; j < w; j++) {
            int row = i >= 1 && i <= n, colm = j >= 1 && j <= n;
            double want = -1.0;
            if (row && colm) {
                want = cell(seed, rank, i, j);
            } else if (row && (j == 0 || j == n + 1)) { /* peer's last / first column */
                want = cell(seed, h->peer, i, j == 0 ? n : 1);
            } else if (colm && (i == 0 || i == n + 1)) { /* peer's last / first row */
                want = cell(seed, h->peer, i == 0 ? n : 1, j);
            }
            if (h->g[i * w + j] != want) {
                fprintf(stderr,
                        "dtype_halo: rank %d: WRONG DATA (%s, N %zu): cell (%zu,%zu) is %g, "
                        "expected %g -- no figure for a wrong answer\n",
                        rank, derived ? "derived" : "by hand", n, i, j, h->g[i * w + j], want);
                MPI_Abort(MPI_COMM_WORLD, 3);
            }
        }
    }
}

static double timed(struct halo *h, int rank, int derived, int warmup, int iters)
{
    double t0 = 0.0;

    BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
    for (int i = 0; rank <= 1 && i < warmup + iters; i++) {
        if (i == warmup) {
            t0 = MPI_Wtime();
        }
        derived ? exchange_derived(h) : exchange_hand(h);
    }
    return (MPI_Wtime() - t0) / iters;
}

/* -H and -F are ours; the rest goes to bench_parse. */
static void own_flags(int *argc, char **argv, int *hand_first, int *fused)
{
    int out = 1;

    for (int i = 1; i < *argc; i++) {
        if (!strcmp(argv[i], "-H")) {
            *hand_first = 1;
        } else if (!strcmp(argv[i], "-F")) {
            *fused = 1;
        } else {
            argv[out++] = argv[i];
        }
    }
    *argc = out;
}

int main(int argc, char **argv)
{
    struct bench_opts o = {
        .name = "dtype_halo",
        .min_size = 8 * 16,
        .max_size = 8 * 4096,
        .iters_small = 2000,
        .iters_large = 200,
        .warmup_small = 50,
        .warmup_large = 10,
    };
    struct halo h = {0};
    int rank, rc, hand_first = 0;

    MPI_Init(&argc, &argv);
    rank = bench_rank();
    own_flags(&argc, argv, &hand_first, &h.fused);
    rc = bench_start(&o, argc, argv, 2);
    if (rc >= 0) {
        MPI_Finalize();
        return rc;
    }
    size_t nmax = o.max_size / 8 < 1 ? 1 : o.max_size / 8;
    h.g = (double *)bench_alloc((nmax + 2) * (nmax + 2) * sizeof(double));
    for (int k = 0; k < 4; k++) {
        h.col[k] = (double *)bench_alloc(nmax * sizeof(double));
    }
    h.peer = rank == 0 ? 1 : 0;
    if (rank == 0) {
        bench_header(&o,
                     h.fused ? "2-D halo exchange of an NxN double grid between 2 ranks (4 strips "
                               "each way): MPI_Type_create_subarray vs by hand, column loops fused"
                             : "2-D halo exchange of an NxN double grid between 2 ranks (4 strips "
                               "each way): MPI_Type_create_subarray vs by hand",
                     "us, lower is better",
                     hand_first ? "size(bytes=8N) hand(us) derived(us) derived/hand"
                                : "size(bytes=8N) derived(us) hand(us) derived/hand");
    }
    for (size_t size = o.min_size < 8 ? 8 : o.min_size; size; size = bench_next_size(&o, size)) {
        int iters = bench_iters(&o, size), warmup = bench_warmup(&o, size);
        double td, th;

        h.n = (int)(size / 8);
        make_types(&h);
        td = timed(&h, rank, 1, warmup, iters);
        th = timed(&h, rank, 0, warmup, iters);
        if (rank <= 1) {
            verify(&h, rank, 1, 1);
            verify(&h, rank, 0, 2);
        }
        if (rank == 0) {
            printf("%-10zu %12.2f %12.2f %8.2f\n", size, 1e6 * (hand_first ? th : td),
                   1e6 * (hand_first ? td : th), td / th);
            fflush(stdout);
        }
        for (int s = 0; s < NSIDES; s++) {
            BENCH_MPI(MPI_Type_free(&h.out[s]));
            BENCH_MPI(MPI_Type_free(&h.in[s]));
        }
    }
    BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
    free(h.g);
    for (int k = 0; k < 4; k++) {
        free(h.col[k]);
    }
    MPI_Finalize();
    return 0;
}
