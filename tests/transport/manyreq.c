/* manyreq [N]: many outstanding requests. Every rank exchanges N messages (default 10,000;
 * N / n with each rank, itself included) in one MPI_Waitall over all 2N requests, twice:
 *   receives first  N Irecvs posted, a barrier, then N Isends (matching on arrival against a
 *                   long posted queue);
 *   sends first     N Isends, a barrier, then N Irecvs (matching against a long unexpected
 *                   queue).
 * Message k of a pair has tag k % 13 and is 0 .. 64 B, every 1000th E+1 B (E the eager limit).
 * Every 5th receive uses MPI_ANY_TAG, the others the message's tag: with in-order arrival per
 * source, receive k of a source must get message k either way. Status and bytes are checked. */
#include "tt.h"

enum { NTAGS = 13 };

static long m; /* messages per pair */
static int eager;

static int size_of(int src, int dst, long k)
{
    return k % 1000 == 999 ? eager + 1 : (int)((k * 7 + src * 3 + dst) % 65);
}

/* Byte offsets of the messages to (send) or from (receive) every rank, in posting order:
 * k-major, then ring step. off[] has m * n + 1 entries. */
static void layout(size_t *off, int sending)
{
    off[0] = 0;
    for (long k = 0, i = 0; k < m; k++) {
        for (int s = 0; s < tc_size; s++, i++) {
            int n = sending ? size_of(tc_rank, tt_to(s), k) : size_of(tt_from(s), tc_rank, k);
            off[i + 1] = off[i] + (size_t)n;
        }
    }
}

static void post_sends(int round, unsigned char *sb, const size_t *off, MPI_Request *rq)
{
    for (long k = 0, i = 0; k < m; k++) {
        for (int s = 0; s < tc_size; s++, i++) {
            int n = (int)(off[i + 1] - off[i]);
            pt_fill(sb + off[i], (size_t)n, tt_seed(round, tc_rank, tt_to(s), k));
            TC_OK(MPI_Isend(sb + off[i], n, MPI_BYTE, tt_to(s), (int)(k % NTAGS), MPI_COMM_WORLD,
                            &rq[i]));
        }
    }
}

static void post_recvs(unsigned char *rb, const size_t *off, MPI_Request *rq)
{
    for (long k = 0, i = 0; k < m; k++) {
        for (int s = 0; s < tc_size; s++, i++) {
            int tag = k % 5 == 4 ? MPI_ANY_TAG : (int)(k % NTAGS);
            TC_OK(MPI_Irecv(rb + off[i], (int)(off[i + 1] - off[i]), MPI_BYTE, tt_from(s), tag,
                            MPI_COMM_WORLD, &rq[i]));
        }
    }
}

static void check_recvs(int round, const unsigned char *rb, const size_t *off, MPI_Status *st)
{
    for (long k = 0, i = 0; k < m; k++) {
        for (int s = 0; s < tc_size; s++, i++) {
            int n = (int)(off[i + 1] - off[i]);
            char what[96];
            snprintf(what, sizeof what, "round %d: message %ld from %d (%d B)", round, k,
                     tt_from(s), n);
            pt_check_status(&st[i], tt_from(s), (int)(k % NTAGS), MPI_BYTE, n, what);
            tt_verify(rb + off[i], (size_t)n, tt_seed(round, tt_from(s), tc_rank, k), what);
        }
    }
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "manyreq");
    long nreq = tt_arg(argc, argv, 1, 10000);
    eager = tt_eager_limit();
    m = nreq / tc_size > 0 ? nreq / tc_size : 1;
    const long per = m * tc_size; /* requests of each kind */
    size_t *soff = pt_malloc(sizeof *soff * (size_t)(per + 1)),
           *roff = pt_malloc(sizeof *roff * (size_t)(per + 1));
    layout(soff, 1);
    layout(roff, 0);
    unsigned char *sb = pt_malloc(soff[per]), *rb = pt_malloc(roff[per]);
    /* receives in rq[0 .. per), sends in rq[per .. 2 per) */
    MPI_Request *rq = pt_malloc(sizeof *rq * (size_t)(2 * per));
    MPI_Status *st = pt_malloc(sizeof *st * (size_t)(2 * per));

    post_recvs(rb, roff, rq);
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    post_sends(1, sb, soff, rq + per);
    TC_OK(MPI_Waitall((int)(2 * per), rq, st));
    check_recvs(1, rb, roff, st);

    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    post_sends(2, sb, soff, rq + per);
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    memset(rb, 0, roff[per]);
    post_recvs(rb, roff, rq);
    TC_OK(MPI_Waitall((int)(2 * per), rq, st));
    check_recvs(2, rb, roff, st);

    free(soff), free(roff), free(sb), free(rb), free(rq), free(st);
    tt_pass("%ld receives and %ld sends outstanding at once (%ld per pair), receives first and "
            "sends first",
            per, per, m);
    return 0;
}
