/* overlap.c — several nonblocking collectives outstanding at once on MPI_COMM_WORLD:
 * Iallreduce + Ibcast + Ibarrier + Ialltoall (+ Igather + Iscan) started back to back, completed
 * (a) with MPI_Waitall on the requests in reverse order, (b) with MPI_Testall polling while
 * computing in between, (c) with MPI_Wait one by one in reverse order; then a nonblocking
 * collective overlapped with point-to-point traffic on the same communicator (a ring exchange
 * with MPI_ANY_SOURCE receives while an Iallreduce is pending). Usage: mpt_coll_overlap */
#include "coll.h"

#define N 1000
#define NREQ 6

typedef struct {
    int *ar_in, *ar_out, *bc, *a2a_in, *a2a_out, *g_out, sc_in, sc_out;
} bufs;

static void start(bufs *b, int round, MPI_Request *req)
{
    int P = tc_size, me = tc_rank, root = round % P;
    for (int k = 0; k < N; k++) {
        b->ar_in[k] = (int)(ct_val(round, me, k) % 1000);
        b->bc[k] = me == root ? (int)ct_val(round + 1000, root, k) : -1;
    }
    for (int d = 0; d < P; d++)
        for (int k = 0; k < 7; k++)
            b->a2a_in[d * 7 + k] = me * 100000 + d * 100 + k + round;
    b->sc_in = me + round;
    /* started back to back, in this order */
    TC_OK(MPI_Iallreduce(b->ar_in, b->ar_out, N, MPI_INT, MPI_SUM, MPI_COMM_WORLD, &req[0]));
    TC_OK(MPI_Ibcast(b->bc, N, MPI_INT, root, MPI_COMM_WORLD, &req[1]));
    TC_OK(MPI_Ibarrier(MPI_COMM_WORLD, &req[2]));
    TC_OK(MPI_Ialltoall(b->a2a_in, 7, MPI_INT, b->a2a_out, 7, MPI_INT, MPI_COMM_WORLD, &req[3]));
    TC_OK(MPI_Igather(&b->sc_in, 1, MPI_INT, b->g_out, 1, MPI_INT, P - 1 - root, MPI_COMM_WORLD,
                      &req[4]));
    TC_OK(MPI_Iscan(&b->sc_in, &b->sc_out, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD, &req[5]));
}

static void verify(bufs *b, int round, const char *how)
{
    int P = tc_size, me = tc_rank, root = round % P;
    for (int k = 0; k < N; k++) {
        int s = 0;
        for (int r = 0; r < P; r++)
            s += (int)(ct_val(round, r, k) % 1000);
        TC_CHECK(b->ar_out[k] == s, "%s round %d: MPI_Iallreduce element %d wrong", how, round, k);
        TC_CHECK(b->bc[k] == (int)ct_val(round + 1000, root, k),
                 "%s round %d: MPI_Ibcast element %d wrong", how, round, k);
    }
    for (int s = 0; s < P; s++)
        for (int k = 0; k < 7; k++)
            TC_CHECK(b->a2a_out[s * 7 + k] == s * 100000 + me * 100 + k + round,
                     "%s round %d: MPI_Ialltoall block from %d wrong", how, round, s);
    if (me == P - 1 - root)
        for (int r = 0; r < P; r++)
            TC_CHECK(b->g_out[r] == r + round, "%s round %d: MPI_Igather block %d wrong", how,
                     round, r);
    TC_CHECK(b->sc_out == me * (me + 1) / 2 + (me + 1) * round, "%s round %d: MPI_Iscan wrong",
             how, round);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "overlap");
    int P = tc_size, me = tc_rank;
    bufs b;
    b.ar_in = ct_malloc(N * sizeof(int)), b.ar_out = ct_malloc(N * sizeof(int));
    b.bc = ct_malloc(N * sizeof(int));
    b.a2a_in = ct_malloc((size_t)P * 7 * sizeof(int)), b.a2a_out = ct_malloc((size_t)P * 7 * sizeof(int));
    b.g_out = ct_malloc((size_t)P * sizeof(int));
    MPI_Request req[NREQ], rev[NREQ];
    MPI_Status st[NREQ];
    volatile double sink = 0;
    for (int round = 0; round < 30; round++) {
        start(&b, round, req);
        const char *how;
        switch (round % 3) {
        case 0: /* Waitall on the requests in reverse order */
            how = "Waitall reversed";
            for (int i = 0; i < NREQ; i++)
                rev[i] = req[NREQ - 1 - i];
            TC_OK(MPI_Waitall(NREQ, rev, st));
            for (int i = 0; i < NREQ; i++)
                TC_CHECK(rev[i] == MPI_REQUEST_NULL, "Waitall left request %d active", i);
            break;
        case 1: { /* Testall polling with computation in between */
            how = "Testall polling";
            int flag = 0;
            long polls = 0;
            while (!flag) {
                for (int k = 0; k < 2000; k++)
                    sink += (double)k * 1e-9;
                TC_OK(MPI_Testall(NREQ, req, &flag, st));
                polls++;
                TC_CHECK(polls < 100000000L, "Testall never completed");
            }
            break;
        }
        default: /* Wait one by one, last started first */
            how = "Wait reversed";
            for (int i = NREQ - 1; i >= 0; i--)
                ct_wait(&req[i]);
        }
        verify(&b, round, how);
    }
    /* a nonblocking collective overlapped with point-to-point traffic on the same communicator:
     * while an Iallreduce (and an Ibarrier) are pending, every rank exchanges 50 messages with
     * its ring neighbours, received with MPI_ANY_SOURCE/MPI_ANY_TAG: none of the collective's
     * traffic may match them, and the point-to-point data must be intact. */
    for (int round = 0; round < 10; round++) {
        MPI_Request c[2];
        for (int k = 0; k < N; k++)
            b.ar_in[k] = (int)(ct_val(round, me, k) % 1000);
        TC_OK(MPI_Iallreduce(b.ar_in, b.ar_out, N, MPI_INT, MPI_SUM, MPI_COMM_WORLD, &c[0]));
        TC_OK(MPI_Ibarrier(MPI_COMM_WORLD, &c[1]));
        int right = (me + 1) % P, left = (me + P - 1) % P;
        for (int m = 0; m < 50; m++) {
            int out[3] = {me, m, round}, in[3] = {-1, -1, -1};
            MPI_Request s;
            MPI_Status rs;
            TC_OK(MPI_Isend(out, 3, MPI_INT, right, m, MPI_COMM_WORLD, &s));
            TC_OK(MPI_Recv(in, 3, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &rs));
            TC_CHECK(rs.MPI_SOURCE == left && rs.MPI_TAG == m && in[0] == left && in[1] == m &&
                         in[2] == round,
                     "p2p during Iallreduce: got {%d,%d,%d} from %d tag %d, expected {%d,%d,%d} "
                     "from %d tag %d", in[0], in[1], in[2], rs.MPI_SOURCE, rs.MPI_TAG, left, m,
                     round, left, m);
            TC_OK(MPI_Wait(&s, MPI_STATUS_IGNORE));
            if (m == 25) {
                int flag;
                TC_OK(MPI_Test(&c[1], &flag, MPI_STATUS_IGNORE));
            }
        }
        TC_OK(MPI_Waitall(2, c, st));
        for (int k = 0; k < N; k++) {
            int s = 0;
            for (int r = 0; r < P; r++)
                s += (int)(ct_val(round, r, k) % 1000);
            TC_CHECK(b.ar_out[k] == s, "Iallreduce overlapped with p2p: element %d wrong", k);
        }
    }
    free(b.ar_in), free(b.ar_out), free(b.bc), free(b.a2a_in), free(b.a2a_out), free(b.g_out);
    ct_done("overlapping nonblocking collectives");
    return (int)(sink < 0);
}
