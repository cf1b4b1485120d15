/* order [NMSG]: the non-overtaking rule per (source, communicator, tag) across the
 * eager/rendezvous boundary. Every rank sends NMSG messages (default 24) to every rank, itself
 * included, on tags 0..3 of two communicators: MPI_COMM_WORLD and a split of it with the ranks
 * reversed. Sizes 0 B, 1 B, 8 B, 1 KiB, E-1, E, E+1 (E the eager limit) and 64 KiB are drawn at
 * random; every 8th message is 0 or 1 B and follows a large one (4 MiB, E+1, 1 MiB, E+1 in
 * turn, from a different start in each round) on the same tag and communicator: where an eager
 * message could overtake a rendezvous one. The payload of each message is the stream of its seed
 * (round, source, destination, index), so a message taken out of order fails the data check even
 * when the sizes agree. Three rounds:
 *   1. sends first; then blocking receives per (source, communicator, tag), communicators and
 *      tags in reverse order, into a 4 MiB buffer (matching from the unexpected queue);
 *   2. receives first: Irecvs per (source, communicator) with MPI_ANY_TAG, each into a buffer of
 *      exactly its message's size, all posted before a barrier after which the sends start
 *      (matching against the posted queue);
 *   3. sends first; then MPI_ANY_SOURCE/MPI_ANY_TAG receives per communicator, each source's
 *      messages in its send order. */
#include "tt.h"

enum { NTAGS = 4, NCOMMS = 2, MAXSZ = 4 << 20 };

struct msg {
    int size, tag, comm;
};

static MPI_Comm comms[NCOMMS];
static long nmsg;
static int eager;

/* Rank w of MPI_COMM_WORLD in comms[c], and the other way round (the same map). */
static int rank_in(int c, int w)
{
    return c ? tc_size - 1 - w : w;
}

/* What rank src sends rank dst in a round; both compute it. */
static void schedule(struct msg *m, int round, int src, int dst)
{
    const int sizes[] = {0, 1, 8, 1024, eager - 1, eager, eager + 1, 65536};
    pt_rng r;
    pt_rng_seed(&r, tt_seed(round, src, dst, 0));
    for (long i = 0; i < nmsg; i++) {
        /* 1 and 4 MiB only where forced below: they are the bulk of the bytes */
        m[i].size = sizes[pt_rng_below(&r, 8)];
        m[i].tag = (int)pt_rng_below(&r, NTAGS);
        m[i].comm = (int)pt_rng_below(&r, NCOMMS);
        if (i % 8 == 7) {
            const int big[] = {MAXSZ, eager + 1, 1 << 20, eager + 1};
            m[i - 1].size = big[(i / 8 + 2 * (round - 1)) % 4];
            m[i].size = (int)((i / 8) % 2);
            m[i].tag = m[i - 1].tag;
            m[i].comm = m[i - 1].comm;
        }
    }
}

static void check(const unsigned char *buf, const MPI_Status *st, const struct msg *m, int round,
                  int src, long i, const char *how)
{
    char what[128];
    snprintf(what, sizeof what, "round %d %s: message %ld from %d (comm %d, tag %d, %d B)", round,
             how, i, src, m->comm, m->tag, m->size);
    pt_check_status(st, rank_in(m->comm, src), m->tag, MPI_BYTE, m->size, what);
    tt_verify(buf, (size_t)m->size, tt_seed(round, src, tc_rank, i), what);
}

static struct tt_buf sendbuf, recvbuf;

struct sends {
    MPI_Request *rq;
    long n;
};

/* Isend this rank's messages of the round to every rank, interleaved over the destinations. */
static struct sends send_all(int round, struct msg **out)
{
    struct sends sd = {pt_malloc(sizeof *sd.rq * (size_t)(nmsg * tc_size)), 0};
    size_t total = 0, off = 0;
    for (int s = 0; s < tc_size; s++) {
        schedule(out[s], round, tc_rank, tt_to(s));
        for (long i = 0; i < nmsg; i++)
            total += (size_t)out[s][i].size;
    }
    unsigned char *b = tt_buf_get(&sendbuf, total);
    for (long i = 0; i < nmsg; i++) {
        for (int s = 0; s < tc_size; s++) {
            const struct msg *m = &out[s][i];
            pt_fill(b + off, (size_t)m->size, tt_seed(round, tc_rank, tt_to(s), i));
            TC_OK(MPI_Isend(b + off, m->size, MPI_BYTE, rank_in(m->comm, tt_to(s)), m->tag,
                            comms[m->comm], &sd.rq[sd.n++]));
            off += (size_t)m->size;
        }
    }
    return sd;
}

/* The send buffer at the size of the largest round, so that no page is first touched twice. */
static void presize(struct msg *m)
{
    size_t most = 0;
    for (int round = 1; round <= 3; round++) {
        size_t total = 0;
        for (int s = 0; s < tc_size; s++) {
            schedule(m, round, tc_rank, tt_to(s));
            for (long i = 0; i < nmsg; i++)
                total += (size_t)m[i].size;
        }
        most = total > most ? total : most;
    }
    tt_buf_get(&sendbuf, most);
}

static void finish_sends(struct sends *sd)
{
    TC_OK(MPI_Waitall((int)sd->n, sd->rq, MPI_STATUSES_IGNORE));
    free(sd->rq);
}

static void round_tags(struct msg **in, struct msg **out, unsigned char *buf)
{
    struct sends sd = send_all(1, out);
    for (int s = 0; s < tc_size; s++) {
        int src = tt_from(s);
        schedule(in[s], 1, src, tc_rank);
        for (int c = NCOMMS - 1; c >= 0; c--) {
            for (int t = NTAGS - 1; t >= 0; t--) {
                for (long i = 0; i < nmsg; i++) {
                    if (in[s][i].comm != c || in[s][i].tag != t)
                        continue;
                    MPI_Status st;
                    TC_OK(MPI_Recv(buf, MAXSZ, MPI_BYTE, rank_in(c, src), t, comms[c], &st));
                    check(buf, &st, &in[s][i], 1, src, i, "Recv(source, tag)");
                }
            }
        }
    }
    finish_sends(&sd);
}

static void round_posted(struct msg **in, struct msg **out)
{
    const long nr = nmsg * tc_size;
    MPI_Request *rq = pt_malloc(sizeof *rq * (size_t)nr);
    MPI_Status *st = pt_malloc(sizeof *st * (size_t)nr);
    size_t *off = pt_malloc(sizeof *off * (size_t)(nr + 1));
    long *idx = pt_malloc(sizeof *idx * (size_t)nr);
    int *step = pt_malloc(sizeof *step * (size_t)nr);
    long k = 0;
    off[0] = 0;
    for (int s = 0; s < tc_size; s++) {
        schedule(in[s], 2, tt_from(s), tc_rank);
        for (int c = 0; c < NCOMMS; c++) {
            for (long i = 0; i < nmsg; i++) {
                if (in[s][i].comm == c) {
                    idx[k] = i;
                    step[k] = s;
                    off[k + 1] = off[k] + (size_t)in[s][i].size;
                    k++;
                }
            }
        }
    }
    unsigned char *b = tt_buf_get(&recvbuf, off[nr]);
    for (k = 0; k < nr; k++) {
        const struct msg *m = &in[step[k]][idx[k]];
        TC_OK(MPI_Irecv(b + off[k], m->size, MPI_BYTE, rank_in(m->comm, tt_from(step[k])),
                        MPI_ANY_TAG, comms[m->comm], &rq[k]));
    }
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    struct sends sd = send_all(2, out);
    TC_OK(MPI_Waitall((int)nr, rq, st));
    for (k = 0; k < nr; k++)
        check(b + off[k], &st[k], &in[step[k]][idx[k]], 2, tt_from(step[k]), idx[k],
              "Irecv(source, ANY_TAG)");
    finish_sends(&sd);
    free(rq), free(st), free(off), free(idx), free(step);
}

static void round_anysource(struct msg **in, struct msg **out, unsigned char *buf)
{
    struct sends sd = send_all(3, out);
    long *next = pt_malloc(sizeof *next * (size_t)tc_size);
    for (int s = 0; s < tc_size; s++)
        schedule(in[s], 3, tt_from(s), tc_rank);
    for (int c = 0; c < NCOMMS; c++) {
        long total = 0;
        for (int s = 0; s < tc_size; s++) {
            next[s] = 0;
            for (long i = 0; i < nmsg; i++)
                total += in[s][i].comm == c;
        }
        for (long k = 0; k < total; k++) {
            MPI_Status st;
            TC_OK(MPI_Recv(buf, MAXSZ, MPI_BYTE, MPI_ANY_SOURCE, MPI_ANY_TAG, comms[c], &st));
            TC_CHECK(st.MPI_SOURCE >= 0 && st.MPI_SOURCE < tc_size,
                     "round 3: ANY_SOURCE status.MPI_SOURCE %d", st.MPI_SOURCE);
            int src = rank_in(c, st.MPI_SOURCE), s = (tc_rank - src + tc_size) % tc_size;
            while (next[s] < nmsg && in[s][next[s]].comm != c)
                next[s]++;
            TC_CHECK(next[s] < nmsg, "round 3: one message too many from %d on comm %d", src, c);
            check(buf, &st, &in[s][next[s]], 3, src, next[s], "Recv(ANY_SOURCE, ANY_TAG)");
            next[s]++;
        }
    }
    finish_sends(&sd);
    free(next);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "order");
    nmsg = tt_arg(argc, argv, 1, 24);
    TC_CHECK(nmsg >= 8, "NMSG must be at least 8");
    eager = tt_eager_limit();
    comms[0] = MPI_COMM_WORLD;
    TC_OK(MPI_Comm_split(MPI_COMM_WORLD, 0, tc_size - 1 - tc_rank, &comms[1]));
    int r1 = -1;
    TC_OK(MPI_Comm_rank(comms[1], &r1));
    TC_CHECK(r1 == rank_in(1, tc_rank), "rank %d in the reversed split, expected %d", r1,
             rank_in(1, tc_rank));

    struct msg **in = pt_malloc(sizeof *in * (size_t)tc_size),
               **out = pt_malloc(sizeof *out * (size_t)tc_size);
    for (int s = 0; s < tc_size; s++) {
        in[s] = pt_malloc(sizeof **in * (size_t)nmsg);
        out[s] = pt_malloc(sizeof **out * (size_t)nmsg);
    }
    unsigned char *buf = pt_malloc(MAXSZ);
    presize(out[0]);
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    round_tags(in, out, buf);
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    round_posted(in, out);
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    round_anysource(in, out, buf);

    for (int s = 0; s < tc_size; s++)
        free(in[s]), free(out[s]);
    free(in), free(out), free(buf), free(sendbuf.p), free(recvbuf.p);
    TC_OK(MPI_Comm_free(&comms[1]));
    tt_pass("%ld messages per pair and round, 3 rounds, eager limit %d", nmsg, eager);
    return 0;
}
