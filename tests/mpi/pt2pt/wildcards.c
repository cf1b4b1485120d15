/* wildcards: MPI_ANY_SOURCE / MPI_ANY_TAG status fields, and specific and wildcard receives
 * posted before the sends (matching in posting order). Rank 0 receives; n >= 3. */
#include "pt.h"

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "wildcards");
    pt_need_size(3);
    enum { MAXN = 64 };
    int buf[MAXN * 10 + 10];
    MPI_Status st;

    /* 1: ANY_SOURCE + ANY_TAG, each sender once: source, tag and count are its own */
    if (tc_rank == 0) {
        int seen[1024] = {0};
        for (int k = 1; k < tc_size; k++) {
            memset(buf, 0xff, sizeof buf);
            TC_OK(MPI_Recv(buf, (int)(sizeof buf / sizeof buf[0]), MPI_INT, MPI_ANY_SOURCE,
                           MPI_ANY_TAG, MPI_COMM_WORLD, &st));
            int s = st.MPI_SOURCE;
            TC_CHECK(s >= 1 && s < tc_size && !seen[s], "ANY_SOURCE: bad or repeated source %d", s);
            seen[s] = 1;
            pt_check_status(&st, s, 100 + s, MPI_INT, (s * 10) % MAXN, "ANY_SOURCE/ANY_TAG");
            for (int i = 0; i < (s * 10) % MAXN; i++)
                TC_CHECK(buf[i] == s * 1000 + i, "ANY_SOURCE: message from %d element %d is %d", s,
                         i, buf[i]);
        }
    } else {
        int n = (tc_rank * 10) % MAXN, v[MAXN];
        for (int i = 0; i < n; i++)
            v[i] = tc_rank * 1000 + i;
        TC_OK(MPI_Send(v, n, MPI_INT, 0, 100 + tc_rank, MPI_COMM_WORLD));
    }
    /* the ANY/ANY receives above are done before anyone sends more */
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    if (tc_rank == 0) {
        /* ANY_TAG with a specific source, ANY_SOURCE with a specific tag */
        for (int s = tc_size - 1; s >= 1; s--) {
            TC_OK(MPI_Recv(buf, 4, MPI_INT, s, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
            pt_check_status(&st, s, 200 + s, MPI_INT, 1, "specific source, ANY_TAG");
            TC_CHECK(buf[0] == -s, "specific source, ANY_TAG: value %d", buf[0]);
        }
        for (int s = 1; s < tc_size; s++) {
            TC_OK(MPI_Recv(buf, 4, MPI_INT, MPI_ANY_SOURCE, 300 + s, MPI_COMM_WORLD, &st));
            pt_check_status(&st, s, 300 + s, MPI_INT, 2, "ANY_SOURCE, specific tag");
            TC_CHECK(buf[0] == s && buf[1] == 300 + s, "ANY_SOURCE, specific tag: values");
        }
    } else {
        int v[2];
        v[0] = -tc_rank;
        TC_OK(MPI_Send(v, 1, MPI_INT, 0, 200 + tc_rank, MPI_COMM_WORLD));
        v[0] = tc_rank, v[1] = 300 + tc_rank;
        TC_OK(MPI_Send(v, 2, MPI_INT, 0, 300 + tc_rank, MPI_COMM_WORLD));
    }

    /* 2: receives posted before any send (a Barrier orders them), mixed specific and wildcard.
     *   R0 (1, 5)  R1 (ANY_SOURCE, 6)  R2 (2, ANY_TAG)  R3.. (ANY_SOURCE, ANY_TAG) x (n-3)
     * rank 1 sends tag 5 then tag 6, rank 2 sends tag 7, ranks 3.. send tag 8. A message matches
     * the first posted receive it fits, so every receive has exactly one possible message. */
    int nr = 3 + (tc_size - 3);
    MPI_Request rq[MAXN + 3];
    int val[MAXN + 3];
    if (tc_rank == 0) {
        for (int i = 0; i < nr; i++)
            val[i] = -1;
        TC_OK(MPI_Irecv(&val[0], 1, MPI_INT, 1, 5, MPI_COMM_WORLD, &rq[0]));
        TC_OK(MPI_Irecv(&val[1], 1, MPI_INT, MPI_ANY_SOURCE, 6, MPI_COMM_WORLD, &rq[1]));
        TC_OK(MPI_Irecv(&val[2], 1, MPI_INT, 2, MPI_ANY_TAG, MPI_COMM_WORLD, &rq[2]));
        for (int i = 3; i < nr; i++)
            TC_OK(MPI_Irecv(&val[i], 1, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD,
                            &rq[i]));
    }
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    if (tc_rank == 0) {
        MPI_Status sts[MAXN + 3];
        TC_OK(MPI_Waitall(nr, rq, sts));
        pt_check_status(&sts[0], 1, 5, MPI_INT, 1, "posted (1, 5)");
        TC_CHECK(val[0] == 15, "posted (1, 5): value %d", val[0]);
        pt_check_status(&sts[1], 1, 6, MPI_INT, 1, "posted (ANY_SOURCE, 6)");
        TC_CHECK(val[1] == 16, "posted (ANY_SOURCE, 6): value %d", val[1]);
        pt_check_status(&sts[2], 2, 7, MPI_INT, 1, "posted (2, ANY_TAG)");
        TC_CHECK(val[2] == 27, "posted (2, ANY_TAG): value %d", val[2]);
        int seen[MAXN + 3] = {0};
        for (int i = 3; i < nr; i++) {
            int s = sts[i].MPI_SOURCE;
            TC_CHECK(s >= 3 && s < tc_size && !seen[s], "posted (ANY, ANY): source %d", s);
            seen[s] = 1;
            pt_check_status(&sts[i], s, 8, MPI_INT, 1, "posted (ANY_SOURCE, ANY_TAG)");
            TC_CHECK(val[i] == s * 10 + 8, "posted (ANY, ANY): value %d from %d", val[i], s);
        }
    } else if (tc_rank == 1) {
        int v = 15;
        TC_OK(MPI_Send(&v, 1, MPI_INT, 0, 5, MPI_COMM_WORLD));
        v = 16;
        TC_OK(MPI_Send(&v, 1, MPI_INT, 0, 6, MPI_COMM_WORLD));
    } else {
        int v = tc_rank * 10 + (tc_rank == 2 ? 7 : 8);
        TC_OK(MPI_Send(&v, 1, MPI_INT, 0, tc_rank == 2 ? 7 : 8, MPI_COMM_WORLD));
    }

    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
