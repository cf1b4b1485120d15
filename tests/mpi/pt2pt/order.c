/* order: the non-overtaking rule per (source, communicator, tag).
 *   order tags       (n >= 2): rank 0 Isends 1000 messages of mixed sizes (0 B .. 1 MiB, around
 *                    the usual eager limits) with tags 0..3 to rank 1, which receives tag 3 with
 *                    blocking Recvs, then tag 2 with Irecvs all posted at once, then the rest with
 *                    MPI_ANY_TAG, which must deliver them in send order. Other ranks idle.
 *   order anysource  (n >= 2, meant for 8): every rank but 0 Isends 300 messages to rank 0, which
 *                    receives them all with MPI_ANY_SOURCE/MPI_ANY_TAG; each sender's messages
 *                    must arrive in its own order.
 * Every message's payload is derived from (sender, index), so a message delivered out of order
 * fails the data check even when the sizes agree. */
#include "pt.h"

static const int sizes[] = {0,     1,     7,     8,      64,     1000,   4095,
                            4096,  4097,  8192,  16383,  16384,  16385,  32768,
                            65535, 65536, 65537, 131072, 262144, 1 << 20};
enum { NSIZES = sizeof sizes / sizeof sizes[0] };

typedef struct {
    int size, tag;
} msg;

static void schedule(msg *m, int nmsg, int src, int ntags, int maxsize)
{
    pt_rng r;
    pt_rng_seed(&r, 777 + (uint64_t)src);
    for (int i = 0; i < nmsg; i++) {
        int s;
        do {
            /* the 1 MiB and 256 KiB entries are drawn less often */
            int k = (int)pt_rng_below(&r, NSIZES + 8);
            s = k < NSIZES ? sizes[k] : sizes[k % 8];
            if (s >= 262144 && pt_rng_below(&r, 4) != 0)
                s = sizes[(int)pt_rng_below(&r, 14)];
        } while (s > maxsize);
        m[i].size = s;
        m[i].tag = (int)pt_rng_below(&r, (uint64_t)ntags);
    }
}

static uint64_t seed_of(int src, int i)
{
    return ((uint64_t)src << 32) | (uint64_t)i;
}

static void check_msg(const unsigned char *buf, const MPI_Status *st, const msg *m, int src, int i,
                      const char *how)
{
    char what[96];
    snprintf(what, sizeof what, "%s: message %d from %d (tag %d, %d B)", how, i, src, m->tag,
             m->size);
    pt_check_status(st, src, m->tag, MPI_BYTE, m->size, what);
    long long bad = pt_verify(buf, (size_t)m->size, seed_of(src, i));
    TC_CHECK(bad < 0, "%s: byte %lld differs (overtaken or corrupt)", what, bad);
}

static void isend_all(const msg *m, int nmsg, int dest)
{
    unsigned char **bufs = pt_malloc(sizeof *bufs * nmsg);
    MPI_Request *rq = pt_malloc(sizeof *rq * nmsg);
    for (int i = 0; i < nmsg; i++) {
        bufs[i] = pt_malloc((size_t)m[i].size);
        pt_fill(bufs[i], (size_t)m[i].size, seed_of(tc_rank, i));
        TC_OK(MPI_Isend(bufs[i], m[i].size, MPI_BYTE, dest, m[i].tag, MPI_COMM_WORLD, &rq[i]));
    }
    TC_OK(MPI_Waitall(nmsg, rq, MPI_STATUSES_IGNORE));
    for (int i = 0; i < nmsg; i++)
        free(bufs[i]);
    free(bufs);
    free(rq);
}

static void tags_mode(void)
{
    enum { NMSG = 1000, NTAGS = 4 };
    msg m[NMSG];
    schedule(m, NMSG, 0, NTAGS, 1 << 20);
    if (tc_rank == 0) {
        isend_all(m, NMSG, 1);
    } else if (tc_rank == 1) {
        unsigned char *buf = pt_malloc(1 << 20);
        char *done = calloc(NMSG, 1);
        MPI_Status st;
        /* tag 3: blocking receives with the specific tag */
        for (int i = 0; i < NMSG; i++) {
            if (m[i].tag != 3)
                continue;
            TC_OK(MPI_Recv(buf, 1 << 20, MPI_BYTE, 0, 3, MPI_COMM_WORLD, &st));
            check_msg(buf, &st, &m[i], 0, i, "tag 3 Recv");
            done[i] = 1;
        }
        /* tag 2: all receives posted at once, each into a buffer of exactly its size */
        int n2 = 0;
        for (int i = 0; i < NMSG; i++)
            n2 += m[i].tag == 2;
        MPI_Request *rq = pt_malloc(sizeof *rq * n2);
        MPI_Status *sts = pt_malloc(sizeof *sts * n2);
        unsigned char **b2 = pt_malloc(sizeof *b2 * n2);
        int *idx = pt_malloc(sizeof *idx * n2);
        for (int i = 0, k = 0; i < NMSG; i++) {
            if (m[i].tag != 2)
                continue;
            b2[k] = pt_malloc((size_t)m[i].size);
            idx[k] = i;
            TC_OK(MPI_Irecv(b2[k], m[i].size, MPI_BYTE, 0, 2, MPI_COMM_WORLD, &rq[k]));
            k++;
        }
        TC_OK(MPI_Waitall(n2, rq, sts));
        for (int k = 0; k < n2; k++) {
            check_msg(b2[k], &sts[k], &m[idx[k]], 0, idx[k], "tag 2 Irecv");
            done[idx[k]] = 1;
            free(b2[k]);
        }
        /* the rest (tags 0 and 1) with MPI_ANY_TAG: strictly in send order */
        for (int i = 0; i < NMSG; i++) {
            if (done[i])
                continue;
            TC_OK(MPI_Recv(buf, 1 << 20, MPI_BYTE, 0, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
            check_msg(buf, &st, &m[i], 0, i, "ANY_TAG Recv");
        }
        free(rq), free(sts), free(b2), free(idx), free(done), free(buf);
    }
}

static void anysource_mode(void)
{
    enum { NMSG = 300, NTAGS = 2, MAXS = 262144 };
    if (tc_rank != 0) {
        msg m[NMSG];
        schedule(m, NMSG, tc_rank, NTAGS, MAXS);
        isend_all(m, NMSG, 0);
        return;
    }
    int ns = tc_size - 1;
    msg(*m)[NMSG] = pt_malloc(sizeof *m * tc_size);
    int *next = calloc(tc_size, sizeof(int));
    for (int s = 1; s < tc_size; s++)
        schedule(m[s], NMSG, s, NTAGS, MAXS);
    unsigned char *buf = pt_malloc(MAXS);
    MPI_Status st;
    for (int k = 0; k < ns * NMSG; k++) {
        TC_OK(MPI_Recv(buf, MAXS, MPI_BYTE, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
        int s = st.MPI_SOURCE;
        TC_CHECK(s >= 1 && s < tc_size, "ANY_SOURCE: status.MPI_SOURCE %d", s);
        TC_CHECK(next[s] < NMSG, "more than %d messages from %d", NMSG, s);
        check_msg(buf, &st, &m[s][next[s]], s, next[s], "ANY_SOURCE Recv");
        next[s]++;
    }
    free(m), free(next), free(buf);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "order");
    pt_need_size(2);
    const char *mode = argc > 1 ? argv[1] : "tags";
    if (strcmp(mode, "tags") == 0)
        tags_mode();
    else if (strcmp(mode, "anysource") == 0)
        anysource_mode();
    else
        tc_fail("unknown mode '%s'", mode);
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
