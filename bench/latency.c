/*
 * latency: ping-pong between rank 0 and rank 1 with MPI_Send/MPI_Recv, like osu_latency.
 * Value: one-way latency in microseconds (round trip / 2). Other ranks only join the barriers.
 *   latency [-m MIN:MAX] [-i ITERS] [-x WARMUP] [-h]
 */
#include "common.h"

static void pingpong(unsigned char *sbuf, unsigned char *rbuf, size_t size, int rank)
{
    int n = (int)size;

    if (rank == 0) {
        BENCH_MPI(MPI_Send(sbuf, n, MPI_CHAR, 1, BENCH_TAG_DATA, MPI_COMM_WORLD));
        BENCH_MPI(MPI_Recv(rbuf, n, MPI_CHAR, 1, BENCH_TAG_DATA, MPI_COMM_WORLD,
                           MPI_STATUS_IGNORE));
    } else if (rank == 1) {
        BENCH_MPI(MPI_Recv(rbuf, n, MPI_CHAR, 0, BENCH_TAG_DATA, MPI_COMM_WORLD,
                           MPI_STATUS_IGNORE));
        BENCH_MPI(MPI_Send(sbuf, n, MPI_CHAR, 0, BENCH_TAG_DATA, MPI_COMM_WORLD));
    }
}

int main(int argc, char **argv)
{
    struct bench_opts o = {
        .name = "latency",
        .min_size = 0,
        .max_size = 4u << 20,
        .iters_small = 10000,
        .iters_large = 1000,
        .warmup_small = 100,
        .warmup_large = 10,
        .window = 0,
    };
    int rank, rc;

    MPI_Init(&argc, &argv);
    rank = bench_rank();
    rc = bench_start(&o, argc, argv, 2);
    if (rc >= 0) {
        MPI_Finalize();
        return rc;
    }

    unsigned char *sbuf = bench_alloc(o.max_size);
    unsigned char *rbuf = bench_alloc(o.max_size);
    int peer = rank == 0 ? 1 : 0;

    if (rank == 0) {
        bench_header(&o, "ping-pong between rank 0 and 1 (MPI_Send/MPI_Recv), one-way latency",
                     "us, lower is better", "size(bytes) latency(us)");
    }
    for (size_t size = o.min_size;; size = bench_next_size(&o, size)) {
        int iters = bench_iters(&o, size), warmup = bench_warmup(&o, size);
        double t0 = 0.0, t1;

        if (rank <= 1) {
            bench_fill(sbuf, size, bench_seed(size, rank, 0, 0));
        }
        BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
        for (int i = 0; i < warmup + iters; i++) {
            if (i == warmup) {
                t0 = MPI_Wtime();
            }
            pingpong(sbuf, rbuf, size, rank);
        }
        t1 = MPI_Wtime();

        /* Verify round: fresh patterns into poisoned buffers, both directions. */
        if (rank <= 1) {
            bench_fill(sbuf, size, bench_seed(size, rank, 1, 0));
            memset(rbuf, 0, size);
            pingpong(sbuf, rbuf, size, rank);
            bench_check(o.name, rbuf, size, bench_seed(size, peer, 1, 0), peer, 0);
        }
        if (rank == 0) {
            printf("%-10zu %12.2f\n", size, (t1 - t0) * 1e6 / (2.0 * iters));
            fflush(stdout);
        }
        if (bench_next_size(&o, size) == 0) {
            break;
        }
    }
    BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
    free(sbuf);
    free(rbuf);
    MPI_Finalize();
    return 0;
}
