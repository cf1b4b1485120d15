/* progress: patterns that hang an implementation whose blocking calls do not drive progress.
 *   progress exchange  (n even): pairs Isend 1 MiB, then Recv, then Wait.
 *   progress flood     (n >= 2): rank 0 Isends 10,000 8-byte messages to rank 1 before rank 1
 *                      posts any receive (a Barrier between); then rank 1 receives them in order.
 *   progress alltoall  (any n): every rank sends to every other (Isend, 3 sizes), receives with
 *                      MPI_ANY_SOURCE, checks per-source order and data.
 *   progress bigsend   (n even): pairs: one side blocks in a 16 MiB Send while the other Isends
 *                      16 MiB to it first and then Recvs. */
#include "pt.h"

static int peer_of(void)
{
    return tc_rank ^ 1;
}

static void exchange(void)
{
    const int n = 1 << 20, peer = peer_of();
    if (peer >= tc_size)
        return;
    unsigned char *s = pt_malloc(n), *r = pt_malloc(n);
    MPI_Request rq;
    MPI_Status st;
    for (int it = 0; it < 10; it++) {
        pt_fill(s, n, 100 * tc_rank + it);
        TC_OK(MPI_Isend(s, n, MPI_BYTE, peer, it, MPI_COMM_WORLD, &rq));
        TC_OK(MPI_Recv(r, n, MPI_BYTE, peer, it, MPI_COMM_WORLD, &st));
        TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
        pt_check_status(&st, peer, it, MPI_BYTE, n, "exchange");
        TC_CHECK(pt_verify(r, n, 100 * peer + it) < 0, "exchange: data of iteration %d", it);
    }
    free(s), free(r);
}

static void flood(void)
{
    enum { M = 10000 };
    if (tc_rank == 0) {
        uint64_t *v = pt_malloc(sizeof *v * M);
        MPI_Request *rq = pt_malloc(sizeof *rq * M);
        for (int i = 0; i < M; i++) {
            v[i] = pt_mix(i);
            TC_OK(MPI_Isend(&v[i], 8, MPI_BYTE, 1, i % 3, MPI_COMM_WORLD, &rq[i]));
        }
        TC_OK(MPI_Barrier(MPI_COMM_WORLD));
        TC_OK(MPI_Waitall(M, rq, MPI_STATUSES_IGNORE));
        free(v), free(rq);
    } else if (tc_rank == 1) {
        TC_OK(MPI_Barrier(MPI_COMM_WORLD));
        MPI_Status st;
        for (int i = 0; i < M; i++) {
            uint64_t x = 0;
            TC_OK(MPI_Recv(&x, 8, MPI_BYTE, 0, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
            pt_check_status(&st, 0, i % 3, MPI_BYTE, 8, "flood");
            TC_CHECK(x == pt_mix(i), "flood: message %d out of order or corrupt", i);
        }
    } else {
        TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    }
}

static void alltoall(void)
{
    const int sizes[3] = {8, 20000, 300000}, K = 3;
    int nmsg = (tc_size - 1) * K;
    unsigned char **sb = pt_malloc(sizeof *sb * (nmsg + 1));
    MPI_Request *rq = pt_malloc(sizeof *rq * (nmsg + 1));
    int m = 0;
    for (int d = 0; d < tc_size; d++) {
        if (d == tc_rank)
            continue;
        for (int k = 0; k < K; k++, m++) {
            sb[m] = pt_malloc(sizes[k]);
            pt_fill(sb[m], sizes[k], ((uint64_t)tc_rank << 20) + d * 8 + k);
            TC_OK(MPI_Isend(sb[m], sizes[k], MPI_BYTE, d, k, MPI_COMM_WORLD, &rq[m]));
        }
    }
    int *next = calloc(tc_size, sizeof(int));
    unsigned char *rb = pt_malloc(300000);
    MPI_Status st;
    for (int i = 0; i < nmsg; i++) {
        TC_OK(MPI_Recv(rb, 300000, MPI_BYTE, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
        int s = st.MPI_SOURCE, k = next[s]++;
        TC_CHECK(s >= 0 && s < tc_size && s != tc_rank && k < K, "alltoall: source %d (#%d)", s, k);
        pt_check_status(&st, s, k, MPI_BYTE, sizes[k], "alltoall");
        TC_CHECK(pt_verify(rb, sizes[k], ((uint64_t)s << 20) + tc_rank * 8 + k) < 0,
                 "alltoall: data from %d message %d", s, k);
    }
    TC_OK(MPI_Waitall(nmsg, rq, MPI_STATUSES_IGNORE));
    for (int i = 0; i < nmsg; i++)
        free(sb[i]);
    free(sb), free(rq), free(next), free(rb);
}

static void bigsend(void)
{
    const int n = 16 << 20, peer = peer_of();
    if (peer >= tc_size)
        return;
    unsigned char *s = pt_malloc(n), *r = pt_malloc(n);
    MPI_Status st;
    pt_fill(s, n, 7 + tc_rank);
    if (tc_rank % 2 == 0) {
        TC_OK(MPI_Send(s, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD)); /* blocks until received */
        TC_OK(MPI_Recv(r, n, MPI_BYTE, peer, 2, MPI_COMM_WORLD, &st));
        pt_check_status(&st, peer, 2, MPI_BYTE, n, "bigsend");
    } else {
        MPI_Request rq;
        TC_OK(MPI_Isend(s, n, MPI_BYTE, peer, 2, MPI_COMM_WORLD, &rq));
        TC_OK(MPI_Recv(r, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD, &st));
        TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
        pt_check_status(&st, peer, 1, MPI_BYTE, n, "bigsend");
    }
    TC_CHECK(pt_verify(r, n, 7 + peer) < 0, "bigsend: data");
    free(s), free(r);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "progress");
    const char *mode = argc > 1 ? argv[1] : "exchange";
    if (strcmp(mode, "exchange") == 0)
        exchange();
    else if (strcmp(mode, "flood") == 0)
        pt_need_size(2), flood();
    else if (strcmp(mode, "alltoall") == 0)
        alltoall();
    else if (strcmp(mode, "bigsend") == 0)
        bigsend();
    else
        tc_fail("unknown mode '%s'", mode);
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
