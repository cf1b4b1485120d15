/*
 * mr: message rate, like osu_mbw_mr. Ranks pair up: with N ranks, rank i < N/2 sends to rank
 * i + N/2 (one pair at -n 2; an odd last rank idles). Each iteration a sender posts a window of
 * MPI_Isend and waits, its receiver posts a window of MPI_Irecv, waits, and answers with a 4-byte
 * ack. The time is rank 0's, between barriers enclosing all pairs. Value: messages/s over all
 * pairs; the second column is the same traffic in MB/s (1e6 bytes/s).
 *   mr [-m MIN:MAX] [-i ITERS] [-x WARMUP] [-W WINDOW] [-h]
 */
#include "common.h"

/*
 * One window from sender to receiver. stride 0: every message uses the start of the buffers (the
 * timed rounds, as OSU does); stride = size: message k uses slice k (verify rounds).
 */
static void window(unsigned char *sbuf, unsigned char *rbuf, size_t size, size_t stride, int n,
                   int rank, int pairs, MPI_Request *req, MPI_Status *st)
{
    int count = (int)size;
    char ack[4] = {0};

    if (rank < pairs) {
        int to = rank + pairs;

        for (int k = 0; k < n; k++) {
            BENCH_MPI(MPI_Isend(sbuf + (size_t)k * stride, count, MPI_CHAR, to, BENCH_TAG_DATA,
                                MPI_COMM_WORLD, &req[k]));
        }
        BENCH_MPI(MPI_Waitall(n, req, st));
        BENCH_MPI(MPI_Recv(ack, 4, MPI_CHAR, to, BENCH_TAG_ACK, MPI_COMM_WORLD,
                           MPI_STATUS_IGNORE));
    } else if (rank < 2 * pairs) {
        int from = rank - pairs;

        for (int k = 0; k < n; k++) {
            BENCH_MPI(MPI_Irecv(rbuf + (size_t)k * stride, count, MPI_CHAR, from, BENCH_TAG_DATA,
                                MPI_COMM_WORLD, &req[k]));
        }
        BENCH_MPI(MPI_Waitall(n, req, st));
        BENCH_MPI(MPI_Send(ack, 4, MPI_CHAR, from, BENCH_TAG_ACK, MPI_COMM_WORLD));
    }
}

int main(int argc, char **argv)
{
    struct bench_opts o = {
        .name = "mr",
        .min_size = 1,
        .max_size = 4u << 20,
        .iters_small = 100,
        .iters_large = 20,
        .warmup_small = 10,
        .warmup_large = 2,
        .window = 64,
    };
    int rank, nranks, pairs, rc;

    MPI_Init(&argc, &argv);
    rank = bench_rank();
    rc = bench_start(&o, argc, argv, 2);
    if (rc >= 0) {
        MPI_Finalize();
        return rc;
    }
    MPI_Comm_size(MPI_COMM_WORLD, &nranks);
    pairs = nranks / 2;

    size_t buflen = bench_window_buflen(&o);
    unsigned char *sbuf = bench_alloc(buflen);
    unsigned char *rbuf = bench_alloc(buflen);
    /* Real status arrays, as OSU does (MPICH's MPI_STATUSES_IGNORE trips -Wstringop-overflow). */
    MPI_Request *req = calloc((size_t)o.window, sizeof *req);
    MPI_Status *st = calloc((size_t)o.window, sizeof *st);

    if (req == NULL || st == NULL) {
        fprintf(stderr, "%s: out of memory\n", o.name);
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    if (rank == 0) {
        char what[160];

        snprintf(what, sizeof what,
                 "message rate, %d pair%s (rank i -> rank i+%d), window of MPI_Isend/MPI_Irecv "
                 "+ ack",
                 pairs, pairs == 1 ? "" : "s", pairs);
        bench_header(&o, what, "messages/s, higher is better (2nd column: MB/s, 1e6 bytes/s)",
                     "size(bytes) rate(messages/s) bandwidth(MB/s)");
    }
    for (size_t size = o.min_size;; size = bench_next_size(&o, size)) {
        int iters = bench_iters(&o, size), warmup = bench_warmup(&o, size);
        int nv = bench_verify_count(size, buflen, o.window);
        int from = rank - pairs;
        double t0 = 0.0, t1;

        if (rank < pairs) {
            bench_fill(sbuf, size, bench_seed(size, rank, 0, 0));
        }
        BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
        for (int i = 0; i < warmup + iters; i++) {
            if (i == warmup) {
                /* Start all pairs together once the warmup is done. */
                BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
                t0 = MPI_Wtime();
            }
            window(sbuf, rbuf, size, 0, o.window, rank, pairs, req, st);
        }
        if (warmup + iters > 0) {
            BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
        }
        t1 = MPI_Wtime();

        /* Verify round: nv messages with distinct fresh patterns into distinct poisoned slices. */
        if (rank < pairs) {
            for (int k = 0; k < nv; k++) {
                bench_fill(sbuf + (size_t)k * size, size, bench_seed(size, rank, 1, k));
            }
        } else if (rank < 2 * pairs) {
            memset(rbuf, 0, (size_t)nv * size);
        }
        window(sbuf, rbuf, size, size, nv, rank, pairs, req, st);
        if (rank >= pairs && rank < 2 * pairs) {
            for (int k = 0; k < nv; k++) {
                bench_check(o.name, rbuf + (size_t)k * size, size,
                            bench_seed(size, from, 1, k), from, k);
            }
        }
        /* Receivers have checked before rank 0 prints: a wrong answer aborts before a figure. */
        BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
        if (rank == 0) {
            double msgs = (double)pairs * o.window * iters;

            printf("%-10zu %14.2f %12.2f\n", size, msgs / (t1 - t0),
                   msgs * (double)size / 1e6 / (t1 - t0));
            fflush(stdout);
        }
        if (bench_next_size(&o, size) == 0) {
            break;
        }
    }
    BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
    free(req);
    free(st);
    free(sbuf);
    free(rbuf);
    MPI_Finalize();
    return 0;
}
