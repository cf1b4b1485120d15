/* probe: Probe/Iprobe (status count for eager and large messages, ANY_SOURCE), Mprobe/Improbe +
 * Mrecv/Imrecv (a matched message cannot be taken by a later wildcard receive), and
 * MPI_MESSAGE_NO_PROC from MPI_PROC_NULL. Rank 0 receives; n >= 2 (>= 3 for more senders). */
#include "pt.h"

enum { BIG = (1 << 20) + 3 };

static void send_seeded(int n, int dest, int tag, uint64_t seed)
{
    unsigned char *b = pt_malloc((size_t)n);
    pt_fill(b, (size_t)n, seed);
    TC_OK(MPI_Send(b, n, MPI_BYTE, dest, tag, MPI_COMM_WORLD));
    free(b);
}

static void recv_seeded(MPI_Message *msg, int src, int tag, int n, uint64_t seed, const char *what)
{
    unsigned char *b = pt_malloc((size_t)n);
    MPI_Status st;
    if (msg)
        TC_OK(MPI_Mrecv(b, n, MPI_BYTE, msg, &st));
    else
        TC_OK(MPI_Recv(b, n, MPI_BYTE, src, tag, MPI_COMM_WORLD, &st));
    pt_check_status(&st, src, tag, MPI_BYTE, n, what);
    long long bad = pt_verify(b, (size_t)n, seed);
    TC_CHECK(bad < 0, "%s: byte %lld differs", what, bad);
    free(b);
}

static int size_of(int s)
{
    return s % 2 ? 100 + s : BIG + s;
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "probe");
    pt_need_size(2);
    MPI_Status st;
    int flag, count, go = 1;

    /* Probe / Iprobe: eager and large */
    if (tc_rank == 1) {
        MPI_Request rq[2];
        unsigned char *a = pt_malloc(100), *b = pt_malloc(BIG);
        pt_fill(a, 100, 1);
        pt_fill(b, BIG, 2);
        TC_OK(MPI_Isend(a, 100, MPI_BYTE, 0, 1, MPI_COMM_WORLD, &rq[0]));
        TC_OK(MPI_Isend(b, BIG, MPI_BYTE, 0, 2, MPI_COMM_WORLD, &rq[1]));
        TC_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
        free(a), free(b);
    } else if (tc_rank == 0) {
        TC_OK(MPI_Probe(1, 2, MPI_COMM_WORLD, &st));
        pt_check_status(&st, 1, 2, MPI_BYTE, BIG, "Probe of a large message");
        TC_OK(MPI_Probe(1, 2, MPI_COMM_WORLD, &st)); /* probing twice sees it again */
        pt_check_status(&st, 1, 2, MPI_BYTE, BIG, "second Probe");
        do {
            TC_OK(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st));
        } while (!flag);
        pt_check_status(&st, 1, 1, MPI_BYTE, 100,
                        "Iprobe ANY_SOURCE/ANY_TAG (the earlier message)");
        recv_seeded(NULL, 1, 2, BIG, 2, "Recv after Probe (large)");
        recv_seeded(NULL, 1, 1, 100, 1, "Recv after Iprobe (eager)");
        TC_OK(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st));
        TC_CHECK(!flag, "Iprobe found a message after all were received");
    }
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));

    /* Probe(ANY_SOURCE) then Recv of exactly the probed size, from every other rank */
    if (tc_rank == 0) {
        for (int k = 1; k < tc_size; k++) {
            TC_OK(MPI_Probe(MPI_ANY_SOURCE, 50, MPI_COMM_WORLD, &st));
            int s = st.MPI_SOURCE;
            TC_CHECK(s >= 1 && s < tc_size, "Probe ANY_SOURCE: source %d", s);
            TC_OK(MPI_Get_count(&st, MPI_BYTE, &count));
            TC_CHECK(count == size_of(s), "Probe: count %d from %d, expected %d", count, s,
                     size_of(s));
            recv_seeded(NULL, s, 50, count, 50 + s, "Recv after Probe ANY_SOURCE");
        }
    } else {
        send_seeded(size_of(tc_rank), 0, 50, 50 + tc_rank);
    }
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));

    /* Mprobe: the matched message is out of the queue; a later wildcard Recv gets the next one */
    for (int k = 0; k < 2; k++) {
        int n = k ? BIG : 500;
        if (tc_rank == 1) {
            /* the first one cannot complete before the Mrecv, which comes after the second */
            unsigned char *b = pt_malloc((size_t)n);
            MPI_Request rq;
            pt_fill(b, (size_t)n, 300 + k);
            TC_OK(MPI_Isend(b, n, MPI_BYTE, 0, 3, MPI_COMM_WORLD, &rq));
            TC_OK(MPI_Recv(&go, 1, MPI_INT, 0, 9, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
            send_seeded(n, 0, 3, 400 + k);
            TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
            free(b);
        } else if (tc_rank == 0) {
            MPI_Message msg = MPI_MESSAGE_NULL;
            if (k == 0) {
                TC_OK(MPI_Mprobe(1, 3, MPI_COMM_WORLD, &msg, &st));
            } else {
                do {
                    TC_OK(
                        MPI_Improbe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &msg, &st));
                } while (!flag);
            }
            TC_CHECK(msg != MPI_MESSAGE_NULL && msg != MPI_MESSAGE_NO_PROC,
                     "Mprobe: no message handle");
            pt_check_status(&st, 1, 3, MPI_BYTE, n, k ? "Improbe" : "Mprobe");
            TC_OK(MPI_Send(&go, 1, MPI_INT, 1, 9, MPI_COMM_WORLD));
            recv_seeded(NULL, 1, 3, n, 400 + k,
                        "wildcard-free Recv after Mprobe (the second message)");
            if (k == 0) {
                recv_seeded(&msg, 1, 3, n, 300 + k, "Mrecv");
            } else {
                unsigned char *b = pt_malloc((size_t)n);
                MPI_Request rq;
                TC_OK(MPI_Imrecv(b, n, MPI_BYTE, &msg, &rq));
                TC_OK(MPI_Wait(&rq, &st));
                pt_check_status(&st, 1, 3, MPI_BYTE, n, "Imrecv");
                long long bad = pt_verify(b, (size_t)n, 300 + k);
                TC_CHECK(bad < 0, "Imrecv: byte %lld differs", bad);
                free(b);
            }
            TC_CHECK(msg == MPI_MESSAGE_NULL, "Mrecv/Imrecv did not set MPI_MESSAGE_NULL");
        }
    }
    /* the same with ANY_SOURCE/ANY_TAG for the stealing receive */
    if (tc_rank == 1) {
        send_seeded(700, 0, 4, 500);
        TC_OK(MPI_Recv(&go, 1, MPI_INT, 0, 9, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        send_seeded(600, 0, 5, 501);
    } else if (tc_rank == 0) {
        MPI_Message msg;
        TC_OK(MPI_Mprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &msg, &st));
        pt_check_status(&st, 1, 4, MPI_BYTE, 700, "Mprobe ANY/ANY");
        TC_OK(MPI_Send(&go, 1, MPI_INT, 1, 9, MPI_COMM_WORLD));
        unsigned char b[1000];
        TC_OK(MPI_Recv(b, 1000, MPI_BYTE, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
        pt_check_status(&st, 1, 5, MPI_BYTE, 600, "ANY/ANY Recv after Mprobe");
        TC_CHECK(pt_verify(b, 600, 501) < 0, "ANY/ANY Recv after Mprobe: data");
        recv_seeded(&msg, 1, 4, 700, 500, "Mrecv after the ANY/ANY Recv");
    }

    /* MPI_PROC_NULL: MPI_MESSAGE_NO_PROC */
    {
        MPI_Message msg = MPI_MESSAGE_NULL;
        int x = 5;
        TC_OK(MPI_Mprobe(MPI_PROC_NULL, 1, MPI_COMM_WORLD, &msg, &st));
        TC_CHECK(msg == MPI_MESSAGE_NO_PROC, "Mprobe(MPI_PROC_NULL): not MPI_MESSAGE_NO_PROC");
        pt_check_status(&st, MPI_PROC_NULL, MPI_ANY_TAG, MPI_INT, 0, "Mprobe(MPI_PROC_NULL)");
        TC_OK(MPI_Mrecv(&x, 1, MPI_INT, &msg, &st));
        TC_CHECK(msg == MPI_MESSAGE_NULL,
                 "Mrecv(MPI_MESSAGE_NO_PROC) did not set MPI_MESSAGE_NULL");
        pt_check_status(&st, MPI_PROC_NULL, MPI_ANY_TAG, MPI_INT, 0, "Mrecv(MPI_MESSAGE_NO_PROC)");
        TC_CHECK(x == 5, "Mrecv(MPI_MESSAGE_NO_PROC) wrote the buffer");
        flag = 0;
        TC_OK(MPI_Improbe(MPI_PROC_NULL, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &msg, &st));
        TC_CHECK(flag && msg == MPI_MESSAGE_NO_PROC, "Improbe(MPI_PROC_NULL): flag %d", flag);
        MPI_Request rq;
        TC_OK(MPI_Imrecv(&x, 1, MPI_INT, &msg, &rq));
        TC_OK(MPI_Wait(&rq, &st));
#if !(defined(MPICH_NUMVERSION) && MPICH_NUMVERSION < 40200000) /* pmodels/mpich#6805 */
        pt_check_status(&st, MPI_PROC_NULL, MPI_ANY_TAG, MPI_INT, 0, "Imrecv(MPI_MESSAGE_NO_PROC)");
#endif
        TC_OK(MPI_Probe(MPI_PROC_NULL, 7, MPI_COMM_WORLD, &st));
        pt_check_status(&st, MPI_PROC_NULL, MPI_ANY_TAG, MPI_INT, 0, "Probe(MPI_PROC_NULL)");
        flag = 0;
        TC_OK(MPI_Iprobe(MPI_PROC_NULL, 7, MPI_COMM_WORLD, &flag, &st));
        TC_CHECK(flag, "Iprobe(MPI_PROC_NULL): flag 0");
        pt_check_status(&st, MPI_PROC_NULL, MPI_ANY_TAG, MPI_INT, 0, "Iprobe(MPI_PROC_NULL)");
    }

    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
