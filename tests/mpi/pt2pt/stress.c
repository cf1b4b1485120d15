/* stress [NMSG [SEED]]: seeded random point-to-point traffic. Every rank computes the same global
 * schedule from the seed: NMSG messages (source, destination != source, size 0 B .. 1 MiB
 * log-distributed, tag 0..7). The schedule runs in batches: after a Barrier, each rank Isends its
 * messages of the batch, then receives as many as the batch sends it, with a random mix of
 * (source, tag), (source, ANY_TAG), (ANY_SOURCE, tag) and (ANY_SOURCE, ANY_TAG) receives, each
 * built from the envelope of a message not received yet (so a match exists), then waits for its
 * sends. A received message is identified by (source, tag) as the earliest one not yet received
 * from that source with that tag (non-overtaking); size and every byte are checked. Rank 0
 * prints one summary line. */
#include "pt.h"

#include <math.h>

enum { MAXSZ = 1 << 20, NTAGS = 8 };

typedef struct {
    int src, dst, size, tag;
} smsg;

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "stress");
    pt_need_size(2);
    long nmsg = argc > 1 ? atol(argv[1]) : 20000;
    uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 0) : 12345;
    const int n = tc_size;
    smsg *m = pt_malloc(sizeof *m * (size_t)nmsg);
    pt_rng r;
    pt_rng_seed(&r, seed * 1000003 + (uint64_t)n);
    for (long i = 0; i < nmsg; i++) {
        m[i].src = (int)pt_rng_below(&r, n);
        m[i].dst = (m[i].src + 1 + (int)pt_rng_below(&r, n - 1)) % n;
        double u = (double)(pt_rng_next(&r) >> 11) / 9007199254740992.0;
        int s = (int)floor(pow(2.0, u * 20.0)) - 1; /* 0 .. 2^20 - 1 */
        if (pt_rng_below(&r, 64) == 0)
            s = MAXSZ;
        m[i].size = s;
        m[i].tag = (int)pt_rng_below(&r, NTAGS);
    }

    /* my incoming messages, in schedule order, and per (source, tag) queues of them */
    long nin = 0;
    for (long i = 0; i < nmsg; i++)
        nin += m[i].dst == tc_rank;
    long *in = pt_malloc(sizeof *in * (size_t)(nin + 1));
    char *got = calloc((size_t)nmsg, 1);
    long *qnext = pt_malloc(sizeof *qnext * (size_t)nmsg); /* next message with same (src, tag) */
    long *qhead = pt_malloc(sizeof *qhead * (size_t)n * NTAGS),
         *qtail = pt_malloc(sizeof *qtail * (size_t)n * NTAGS);
    for (int i = 0; i < n * NTAGS; i++)
        qhead[i] = qtail[i] = -1;
    for (long i = 0, k = 0; i < nmsg; i++) {
        if (m[i].dst != tc_rank)
            continue;
        in[k++] = i;
        qnext[i] = -1;
        int q = m[i].src * NTAGS + m[i].tag;
        if (qtail[q] < 0)
            qhead[q] = i;
        else
            qnext[qtail[q]] = i;
        qtail[q] = i;
    }

    const long batch = 40L * n;
    unsigned char *rbuf = pt_malloc(MAXSZ);
    unsigned char **sbuf = pt_malloc(sizeof *sbuf * (size_t)batch);
    MPI_Request *rq = pt_malloc(sizeof *rq * (size_t)batch);
    pt_rng rr;
    pt_rng_seed(&rr, seed * 7 + (uint64_t)tc_rank);
    long first_unrecv = 0, kinds[4] = {0, 0, 0, 0};
    long long bytes = 0;
    double t0 = MPI_Wtime();
    for (long b0 = 0; b0 < nmsg; b0 += batch) {
        long b1 = b0 + batch < nmsg ? b0 + batch : nmsg, ns = 0, nr = 0;
        /* no message of this batch exists before everyone is done with the previous one: else a
         * wildcard receive could take a later batch's message, leave one of this batch behind,
         * and two ranks could wait in Waitall for each other's unreceived (rendezvous) sends */
        TC_OK(MPI_Barrier(MPI_COMM_WORLD));
        for (long i = b0; i < b1; i++) {
            if (m[i].src == tc_rank) {
                sbuf[ns] = pt_malloc((size_t)m[i].size);
                pt_fill(sbuf[ns], (size_t)m[i].size, seed ^ ((uint64_t)i << 8));
                TC_OK(MPI_Isend(sbuf[ns], m[i].size, MPI_BYTE, m[i].dst, m[i].tag, MPI_COMM_WORLD,
                                &rq[ns]));
                ns++;
            }
            nr += m[i].dst == tc_rank;
        }
        for (long k = 0; k < nr; k++) {
            while (got[in[first_unrecv]])
                first_unrecv++;
            const smsg *e = &m[in[first_unrecv]];
            int kind = (int)pt_rng_below(&rr, 4);
            int src = kind & 1 ? MPI_ANY_SOURCE : e->src, tag = kind & 2 ? MPI_ANY_TAG : e->tag;
            kinds[kind]++;
            MPI_Status st;
            TC_OK(MPI_Recv(rbuf, MAXSZ, MPI_BYTE, src, tag, MPI_COMM_WORLD, &st));
            int s = st.MPI_SOURCE, t = st.MPI_TAG;
            TC_CHECK(s >= 0 && s < n && t >= 0 && t < NTAGS, "status source %d tag %d", s, t);
            TC_CHECK((src == MPI_ANY_SOURCE || s == src) && (tag == MPI_ANY_TAG || t == tag),
                     "receive (%d, %d) matched a message from %d with tag %d", src, tag, s, t);
            int q = s * NTAGS + t;
            long i = qhead[q];
            TC_CHECK(i >= 0, "unexpected message from %d tag %d", s, t);
            qhead[q] = qnext[i];
            got[i] = 1;
            char what[96];
            snprintf(what, sizeof what, "message %ld (%d -> %d, tag %d, %d B)", i, s, tc_rank, t,
                     m[i].size);
            pt_check_status(&st, s, t, MPI_BYTE, m[i].size, what);
            long long bad = pt_verify(rbuf, (size_t)m[i].size, seed ^ ((uint64_t)i << 8));
            TC_CHECK(bad < 0, "%s: byte %lld differs", what, bad);
            bytes += m[i].size;
        }
        TC_OK(MPI_Waitall((int)ns, rq, MPI_STATUSES_IGNORE));
        for (long k = 0; k < ns; k++)
            free(sbuf[k]);
    }
    for (long k = 0; k < nin; k++)
        TC_CHECK(got[in[k]], "message %ld never received", in[k]);
    if (tc_rank == 0)
        printf("stress n=%d: %ld messages, seed %llu, rank 0 received %.1f MB in %.1f s\n", n, nmsg,
               (unsigned long long)seed, bytes / 1e6, MPI_Wtime() - t0);
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    free(m), free(in), free(got), free(qnext), free(qhead), free(qtail), free(rbuf), free(sbuf),
        free(rq);
    TC_OK(MPI_Finalize());
    return 0;
}
