/* anysrc [K]: MPI_ANY_SOURCE with many senders. Every rank, rank 0 included (to itself, with
 * Isends), sends K messages (default 2000) to rank 0. Message k starts with the sender's rank and
 * the sequence number k, then the stream of its seed; its tag is k % 7; its size is 8 .. 64 B,
 * every 100th above the eager limit. Rank 0 receives them all with MPI_ANY_SOURCE/MPI_ANY_TAG and
 * checks, per source, that the sequence numbers come 0, 1, 2, ... with the right tag, size and
 * bytes, and at the end the totals (messages and bytes per source). Two phases:
 *   blocking  one Recv at a time;
 *   windows   16 Irecvs posted at once, then Waitall: the posted wildcard receives are matched
 *             in posting order, so per source the sequence numbers still increase. */
#include "tt.h"

enum { HDR = 8, WINDOW = 16, NTAGS = 7 };

static long K;
static int eager;

static int size_of(int src, long k)
{
    return k % 100 == 99 ? eager + 1 + (int)(k / 100 % 3) * 1000 : HDR + (int)((k * 13 + src) % 57);
}

static void make(unsigned char *b, int phase, int src, long k)
{
    int32_t h[2] = {src, (int32_t)k};
    int n = size_of(src, k);
    memcpy(b, h, HDR);
    pt_fill(b + HDR, (size_t)(n - HDR), tt_seed(phase, src, 0, k));
}

/* Rank 0: one received message; next[] holds each source's next sequence number. */
static void check(const unsigned char *b, const MPI_Status *st, int phase, long *next,
                  long long *bytes)
{
    int s = st->MPI_SOURCE;
    TC_CHECK(s >= 0 && s < tc_size, "phase %d: status.MPI_SOURCE %d", phase, s);
    long k = next[s]++;
    TC_CHECK(k < K, "phase %d: more than %ld messages from %d", phase, K, s);
    int32_t h[2];
    memcpy(h, b, HDR);
    TC_CHECK(h[0] == s && h[1] == k,
             "phase %d: from %d expected sequence number %ld, got message %d of rank %d", phase, s,
             k, (int)h[1], (int)h[0]);
    char what[96];
    snprintf(what, sizeof what, "phase %d: message %ld from %d", phase, k, s);
    pt_check_status(st, s, (int)(k % NTAGS), MPI_BYTE, size_of(s, k), what);
    tt_verify(b + HDR, (size_t)(size_of(s, k) - HDR), tt_seed(phase, s, 0, k), what);
    *bytes += size_of(s, k);
}

static void phase(int ph, unsigned char *rb, size_t maxsz)
{
    static struct tt_buf selfbuf;
    MPI_Request *srq = NULL;
    if (tc_rank != 0) {
        unsigned char *b = pt_malloc(maxsz);
        for (long k = 0; k < K; k++) {
            make(b, ph, tc_rank, k);
            TC_OK(MPI_Send(b, size_of(tc_rank, k), MPI_BYTE, 0, (int)(k % NTAGS), MPI_COMM_WORLD));
        }
        free(b);
        return;
    }
    /* rank 0's messages to itself: all started before its receives */
    size_t total = 0;
    for (long k = 0; k < K; k++)
        total += (size_t)size_of(0, k);
    unsigned char *sb = tt_buf_get(&selfbuf, total);
    srq = pt_malloc(sizeof *srq * (size_t)K);
    for (long k = 0, off = 0; k < K; off += size_of(0, k), k++) {
        make(sb + off, ph, 0, k);
        TC_OK(MPI_Isend(sb + off, size_of(0, k), MPI_BYTE, 0, (int)(k % NTAGS), MPI_COMM_WORLD,
                        &srq[k]));
    }
    long *next = calloc((size_t)tc_size, sizeof *next);
    long long bytes = 0, want = 0;
    const long all = K * tc_size;
    MPI_Request rq[WINDOW];
    MPI_Status st[WINDOW];
    for (long k = 0; k < all;) {
        int w = ph == 1 ? 1 : (int)(all - k < WINDOW ? all - k : WINDOW);
        for (int i = 0; i < w; i++)
            TC_OK(MPI_Irecv(rb + (size_t)i * maxsz, (int)maxsz, MPI_BYTE, MPI_ANY_SOURCE,
                            MPI_ANY_TAG, MPI_COMM_WORLD, &rq[i]));
        TC_OK(MPI_Waitall(w, rq, st));
        for (int i = 0; i < w; i++)
            check(rb + (size_t)i * maxsz, &st[i], ph, next, &bytes);
        k += w;
    }
    for (int s = 0; s < tc_size; s++) {
        TC_CHECK(next[s] == K, "phase %d: %ld messages from %d, expected %ld", ph, next[s], s, K);
        for (long k = 0; k < K; k++)
            want += size_of(s, k);
    }
    TC_CHECK(bytes == want, "phase %d: %lld bytes in all, expected %lld", ph, bytes, want);
    int flag = 1;
    TC_OK(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, MPI_STATUS_IGNORE));
    TC_CHECK(!flag, "phase %d: a message left after all were received", ph);
    TC_OK(MPI_Waitall((int)K, srq, MPI_STATUSES_IGNORE));
    free(srq), free(next);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "anysrc");
    K = tt_arg(argc, argv, 1, 2000);
    eager = tt_eager_limit();
    const size_t maxsz = (size_t)eager + 1 + 2 * 1000;
    unsigned char *rb = tc_rank == 0 ? pt_malloc(maxsz * WINDOW) : NULL;
    phase(1, rb, maxsz);
    /* phase 2's messages must not meet phase 1's wildcard receives */
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    phase(2, rb, maxsz);
    free(rb);
    tt_pass("%ld messages from each of %d ranks to rank 0, blocking and in windows of %d", K,
            tc_size, WINDOW);
    return 0;
}
