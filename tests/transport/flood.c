/* flood [K]: back-pressure. Every rank Isends K messages (default 2000) to every rank, itself
 * included, before any receive is posted anywhere: a barrier separates the sends from the
 * receives, and must itself get through while rings and queues are full. Most messages are small
 * (0 .. 256 B); every 32nd is exactly E bytes (E the eager limit: the largest eager message, so
 * the eager bytes of a pair, 4 MiB for K = 2000 and E = 64 KiB, overflow any ring); every 64th is
 * above E (rendezvous). Message k of a pair has tag k, so the receiver can take them in any order.
 * Two rounds:
 *   forward  receives from each source with MPI_ANY_TAG: the tags must come 0, 1, 2, ...;
 *   reverse  receives from each source with the specific tags K-1 down to 0 (no MPI_ANY_TAG):
 *            every message but the last must be held (unexpected, or by flow control) first.
 * Every message's size, tag and bytes are checked. */
#include "tt.h"

enum { BIGSTEP = 4093 };
static long K;
static int eager;

static int size_of(int src, int dst, long k)
{
    if (k % 64 == 63)
        return eager + 1 + (int)((k / 64) % 4) * BIGSTEP;
    if (k % 32 == 15)
        return eager;
    return (int)((k * 37 + src * 11 + dst) % 257);
}

static void flood(int round)
{
    static struct tt_buf sendbuf, recvbuf;
    MPI_Request *rq = pt_malloc(sizeof *rq * (size_t)(K * tc_size));
    size_t total = 0, off = 0;
    for (int s = 0; s < tc_size; s++)
        for (long k = 0; k < K; k++)
            total += (size_t)size_of(tc_rank, tt_to(s), k);
    unsigned char *sb = tt_buf_get(&sendbuf, total);
    unsigned char *rb = tt_buf_get(&recvbuf, (size_t)(eager + 1 + 3 * BIGSTEP));
    for (long k = 0; k < K; k++) {
        for (int s = 0; s < tc_size; s++) {
            int dst = tt_to(s), n = size_of(tc_rank, dst, k);
            pt_fill(sb + off, (size_t)n, tt_seed(round, tc_rank, dst, k));
            TC_OK(MPI_Isend(sb + off, n, MPI_BYTE, dst, (int)k, MPI_COMM_WORLD,
                            &rq[k * tc_size + s]));
            off += (size_t)n;
        }
    }
    /* every send of every rank is started before any receive is posted */
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    for (int s = 0; s < tc_size; s++) {
        int src = tt_from(s);
        for (long j = 0; j < K; j++) {
            long k = round == 1 ? j : K - 1 - j;
            int n = size_of(src, tc_rank, k);
            MPI_Status st;
            char what[96];
            TC_OK(MPI_Recv(rb, (int)recvbuf.cap, MPI_BYTE, src, round == 1 ? MPI_ANY_TAG : (int)k,
                           MPI_COMM_WORLD, &st));
            snprintf(what, sizeof what, "%s round: message %ld from %d (%d B)",
                     round == 1 ? "forward" : "reverse", k, src, n);
            pt_check_status(&st, src, (int)k, MPI_BYTE, n, what);
            tt_verify(rb, (size_t)n, tt_seed(round, src, tc_rank, k), what);
        }
    }
    TC_OK(MPI_Waitall((int)(K * tc_size), rq, MPI_STATUSES_IGNORE));
    free(rq);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "flood");
    K = tt_arg(argc, argv, 1, 2000);
    eager = tt_eager_limit();
    TC_CHECK(K - 1 <= pt_tag_ub(), "K = %ld needs tags above MPI_TAG_UB %d", K, pt_tag_ub());
    flood(1);
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    flood(2);
    tt_pass("%ld messages per pair and round, eager limit %d, forward and reverse", K, eager);
    return 0;
}
