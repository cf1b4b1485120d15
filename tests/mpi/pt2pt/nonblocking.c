/* nonblocking: Isend/Irecv with Wait, Waitall, Waitany, Waitsome, Test, Testall, Testany,
 * Testsome, Request_free on a send, Request_get_status (does not free), arrays holding
 * MPI_REQUEST_NULL. Rank 0 and rank 1 exchange; other ranks idle. */
#include "pt.h"

enum { K = 16, N = 257 };

/* rank 0 sends K messages (tag i, N ints of value i*1000+j) to rank 1 */
static void send_batch(int round)
{
    static int b[K][N];
    MPI_Request rq[K];
    for (int i = 0; i < K; i++) {
        for (int j = 0; j < N; j++)
            b[i][j] = round * 100000 + i * 1000 + j;
        TC_OK(MPI_Isend(b[i], N, MPI_INT, 1, i, MPI_COMM_WORLD, &rq[i]));
    }
    TC_OK(MPI_Waitall(K, rq, MPI_STATUSES_IGNORE));
    for (int i = 0; i < K; i++)
        TC_CHECK(rq[i] == MPI_REQUEST_NULL, "Waitall left a request");
}

static int b[K][N];
static void post_batch(MPI_Request *rq)
{
    memset(b, 0xff, sizeof b);
    for (int i = 0; i < K; i++)
        TC_OK(MPI_Irecv(b[i], N, MPI_INT, 0, i, MPI_COMM_WORLD, &rq[i]));
}
static void check_one(int round, int i, const MPI_Status *st, const char *what)
{
    pt_check_status(st, 0, i, MPI_INT, N, what);
    for (int j = 0; j < N; j++)
        TC_CHECK(b[i][j] == round * 100000 + i * 1000 + j, "%s: message %d element %d is %d", what,
                 i, j, b[i][j]);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "nonblocking");
    pt_need_size(2);
    int round = 0;
    MPI_Request rq[K + 2];
    MPI_Status sts[K + 4], st;
    int idx, flag, outcount, indices[K + 2];

    /* Wait, one by one in reverse order */
    if (tc_rank == 0)
        send_batch(round);
    if (tc_rank == 1) {
        post_batch(rq);
        for (int i = K - 1; i >= 0; i--) {
            TC_OK(MPI_Wait(&rq[i], &st));
            TC_CHECK(rq[i] == MPI_REQUEST_NULL, "Wait did not free");
            check_one(round, i, &st, "Wait");
        }
    }
    round++;

    /* Waitany: every completion exactly once; then MPI_UNDEFINED */
    if (tc_rank == 0)
        send_batch(round);
    if (tc_rank == 1) {
        char seen[K] = {0};
        post_batch(rq);
        for (int k = 0; k < K; k++) {
            TC_OK(MPI_Waitany(K, rq, &idx, &st));
            TC_CHECK(idx >= 0 && idx < K && !seen[idx], "Waitany index %d", idx);
            seen[idx] = 1;
            TC_CHECK(rq[idx] == MPI_REQUEST_NULL, "Waitany did not free");
            check_one(round, idx, &st, "Waitany");
        }
        TC_OK(MPI_Waitany(K, rq, &idx, &st));
        TC_CHECK(idx == MPI_UNDEFINED, "Waitany on null requests: index %d", idx);
        TC_OK(MPI_Waitany(0, NULL, &idx, MPI_STATUS_IGNORE));
        TC_CHECK(idx == MPI_UNDEFINED, "Waitany of 0: index %d", idx);
        TC_OK(MPI_Testany(K, rq, &idx, &flag, &st));
        TC_CHECK(flag && idx == MPI_UNDEFINED, "Testany on null requests: flag %d index %d", flag,
                 idx);
    }
    round++;

    /* Waitsome / Testsome with MPI_REQUEST_NULL in the array */
    if (tc_rank == 0)
        send_batch(round);
    if (tc_rank == 1) {
        char seen[K] = {0};
        MPI_Request r2[K + 2];
        post_batch(rq);
        /* r2 = NULL, rq[0..K), NULL */
        r2[0] = MPI_REQUEST_NULL;
        for (int i = 0; i < K; i++)
            r2[i + 1] = rq[i];
        r2[K + 1] = MPI_REQUEST_NULL;
        int got = 0, use_test = 0;
        while (got < K) {
            if (use_test)
                TC_OK(MPI_Testsome(K + 2, r2, &outcount, indices, sts));
            else
                TC_OK(MPI_Waitsome(K + 2, r2, &outcount, indices, sts));
            use_test = !use_test;
            TC_CHECK(outcount != MPI_UNDEFINED && outcount >= 0, "Waitsome/Testsome outcount %d",
                     outcount);
            for (int k = 0; k < outcount; k++) {
                int i = indices[k] - 1;
                TC_CHECK(i >= 0 && i < K && !seen[i], "Waitsome/Testsome index %d", indices[k]);
                seen[i] = 1;
                TC_CHECK(r2[indices[k]] == MPI_REQUEST_NULL, "Waitsome did not free");
                check_one(round, i, &sts[k], "Waitsome/Testsome");
            }
            got += outcount;
        }
        TC_OK(MPI_Waitsome(K + 2, r2, &outcount, indices, sts));
        TC_CHECK(outcount == MPI_UNDEFINED, "Waitsome on null requests: outcount %d", outcount);
        TC_OK(MPI_Testsome(K + 2, r2, &outcount, indices, sts));
        TC_CHECK(outcount == MPI_UNDEFINED, "Testsome on null requests: outcount %d", outcount);
    }
    round++;

    /* Test, Testany, Testall polling loops */
    if (tc_rank == 0)
        send_batch(round);
    if (tc_rank == 1) {
        post_batch(rq);
        for (;;) { /* Test on the last one */
            TC_OK(MPI_Test(&rq[K - 1], &flag, &st));
            if (flag)
                break;
        }
        TC_CHECK(rq[K - 1] == MPI_REQUEST_NULL, "Test did not free");
        check_one(round, K - 1, &st, "Test");
        TC_OK(MPI_Test(&rq[K - 1], &flag, &st)); /* on MPI_REQUEST_NULL: flag true, empty status */
        TC_CHECK(flag, "Test on MPI_REQUEST_NULL: flag 0");
        TC_CHECK(st.MPI_SOURCE == MPI_ANY_SOURCE && st.MPI_TAG == MPI_ANY_TAG,
                 "Test on MPI_REQUEST_NULL: empty status expected, source %d tag %d", st.MPI_SOURCE,
                 st.MPI_TAG);
        char seen[K] = {0};
        for (int got = 0; got < K / 2;) {
            TC_OK(MPI_Testany(K / 2, rq, &idx, &flag, &st));
            if (!flag)
                continue;
            TC_CHECK(idx >= 0 && idx < K / 2 && !seen[idx], "Testany index %d", idx);
            seen[idx] = 1;
            check_one(round, idx, &st, "Testany");
            got++;
        }
        do {
            TC_OK(MPI_Testall(K - 1 - K / 2, &rq[K / 2], &flag, sts));
        } while (!flag);
        for (int i = K / 2; i < K - 1; i++) {
            TC_CHECK(rq[i] == MPI_REQUEST_NULL, "Testall did not free");
            check_one(round, i, &sts[i - K / 2], "Testall");
        }
    }
    round++;

    /* Waitall with MPI_REQUEST_NULL entries; Request_get_status does not free; Request_free on a
     * send (the message is still delivered) */
    if (tc_rank == 0) {
        int v = 4242, w = 77;
        MPI_Request r;
        TC_OK(MPI_Isend(&v, 1, MPI_INT, 1, 100, MPI_COMM_WORLD, &r));
        TC_OK(MPI_Request_free(&r));
        TC_CHECK(r == MPI_REQUEST_NULL, "Request_free did not set MPI_REQUEST_NULL");
        TC_OK(MPI_Isend(&w, 1, MPI_INT, 1, 101, MPI_COMM_WORLD, &r));
        do {
            TC_OK(MPI_Request_get_status(r, &flag, MPI_STATUS_IGNORE));
        } while (!flag);
        TC_CHECK(r != MPI_REQUEST_NULL, "Request_get_status freed the request");
        TC_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
        /* wait for rank 1's confirmation before v goes out of scope (Request_free) */
        TC_OK(MPI_Recv(&v, 1, MPI_INT, 1, 102, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        send_batch(round);
    }
    if (tc_rank == 1) {
        int v = 0, w = 0;
        TC_OK(MPI_Recv(&v, 1, MPI_INT, 0, 100, MPI_COMM_WORLD, &st));
        TC_CHECK(v == 4242, "message of a freed Isend: %d", v);
        MPI_Request r;
        TC_OK(MPI_Irecv(&w, 1, MPI_INT, 0, 101, MPI_COMM_WORLD, &r));
        do {
            TC_OK(MPI_Request_get_status(r, &flag, &st));
        } while (!flag);
        TC_CHECK(r != MPI_REQUEST_NULL, "Request_get_status freed the request");
        pt_check_status(&st, 0, 101, MPI_INT, 1, "Request_get_status");
        TC_OK(MPI_Request_get_status(r, &flag, &st)); /* again: still there, still complete */
        TC_CHECK(flag, "Request_get_status: flag went back to 0");
        TC_OK(MPI_Wait(&r, &st));
        pt_check_status(&st, 0, 101, MPI_INT, 1, "Wait after Request_get_status");
        TC_CHECK(w == 77, "value after Request_get_status: %d", w);
        TC_OK(MPI_Request_get_status(MPI_REQUEST_NULL, &flag, &st));
        TC_CHECK(flag, "Request_get_status(MPI_REQUEST_NULL): flag 0");
        TC_OK(MPI_Send(&v, 1, MPI_INT, 0, 102, MPI_COMM_WORLD));

        MPI_Request r2[K + 4];
        post_batch(rq);
        for (int i = 0, j = 0; i < K + 4; i++)
            r2[i] = (i % 6 == 0) ? MPI_REQUEST_NULL : rq[j++];
        TC_OK(MPI_Waitall(K + 4, r2, sts));
        for (int i = 0, j = 0; i < K + 4; i++) {
            TC_CHECK(r2[i] == MPI_REQUEST_NULL, "Waitall left a request");
            if (i % 6 == 0) {
                TC_CHECK(sts[i].MPI_SOURCE == MPI_ANY_SOURCE && sts[i].MPI_TAG == MPI_ANY_TAG,
                         "Waitall: status of a null request not empty");
            } else {
                check_one(round, j, &sts[i], "Waitall with nulls");
                j++;
            }
        }
    }

    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
