/* persistent: Send_init / Ssend_init / Bsend_init / Rsend_init with Recv_init, Start and
 * Startall, 100 iterations with data checks; Request_free of an inactive persistent request.
 * Ranks 0 and 1; other ranks idle. */
#include "pt.h"

enum { ITERS = 100, N = 1000, NBIG = 70000 };

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "persistent");
    pt_need_size(2);
    static int s[4][NBIG], r[4][NBIG];
    const int cnt[4] = {N, NBIG, N, NBIG / 2};
    MPI_Request rq[5];
    MPI_Status sts[5];
    int ready = 0;
    char *att = NULL;
    int bsize = cnt[2] * (int)sizeof(int) + MPI_BSEND_OVERHEAD;
    if (tc_rank == 0) {
        att = pt_malloc((size_t)bsize);
        TC_OK(MPI_Buffer_attach(att, bsize));
        TC_OK(MPI_Send_init(s[0], cnt[0], MPI_INT, 1, 0, MPI_COMM_WORLD, &rq[0]));
        TC_OK(MPI_Ssend_init(s[1], cnt[1], MPI_INT, 1, 1, MPI_COMM_WORLD, &rq[1]));
        TC_OK(MPI_Bsend_init(s[2], cnt[2], MPI_INT, 1, 2, MPI_COMM_WORLD, &rq[2]));
        TC_OK(MPI_Rsend_init(s[3], cnt[3], MPI_INT, 1, 3, MPI_COMM_WORLD, &rq[3]));
        TC_OK(MPI_Recv_init(&ready, 1, MPI_INT, 1, 4, MPI_COMM_WORLD, &rq[4]));
    } else if (tc_rank == 1) {
        for (int i = 0; i < 4; i++)
            TC_OK(MPI_Recv_init(r[i], cnt[i], MPI_INT, 0, i, MPI_COMM_WORLD, &rq[i]));
        TC_OK(MPI_Send_init(&ready, 1, MPI_INT, 0, 4, MPI_COMM_WORLD, &rq[4]));
    }
    for (int it = 0; it < ITERS && tc_rank < 2; it++) {
        if (tc_rank == 0) {
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < cnt[i]; j++)
                    s[i][j] = it * 7 + i * 100000 + j;
            /* the Rsend needs rank 1's receive posted: wait for its "ready" */
            TC_OK(MPI_Start(&rq[4]));
            TC_OK(MPI_Wait(&rq[4], MPI_STATUS_IGNORE));
            TC_CHECK(ready == it, "ready %d at iteration %d", ready, it);
            if (it % 2) {
                TC_OK(MPI_Startall(4, rq));
            } else {
                for (int i = 3; i >= 0; i--)
                    TC_OK(MPI_Start(&rq[i]));
            }
            TC_OK(MPI_Waitall(4, rq, sts));
            for (int i = 0; i < 4; i++)
                TC_CHECK(rq[i] != MPI_REQUEST_NULL, "Waitall freed a persistent request");
        } else {
            for (int i = 0; i < 4; i++)
                memset(r[i], 0xff, sizeof r[i]);
            TC_OK(MPI_Startall(4, rq));
            ready = it;
            TC_OK(MPI_Start(&rq[4]));
            TC_OK(MPI_Waitall(5, rq, sts));
            for (int i = 0; i < 4; i++) {
                char what[64];
                snprintf(what, sizeof what, "persistent request %d, iteration %d", i, it);
                pt_check_status(&sts[i], 0, i, MPI_INT, cnt[i], what);
                for (int j = 0; j < cnt[i]; j++)
                    TC_CHECK(r[i][j] == it * 7 + i * 100000 + j, "%s: element %d is %d", what, j,
                             r[i][j]);
            }
        }
    }
    if (tc_rank < 2) {
        for (int i = 0; i < 5; i++) { /* inactive persistent requests */
            TC_OK(MPI_Request_free(&rq[i]));
            TC_CHECK(rq[i] == MPI_REQUEST_NULL, "Request_free did not set MPI_REQUEST_NULL");
        }
    }
    if (tc_rank == 0) {
        void *det;
        int dsize;
        TC_OK(MPI_Buffer_detach(&det, &dsize));
        free(att);
    }
    /* Wait and Test on an inactive persistent request return at once with an empty status */
    {
        int x = 0, flag = 0;
        MPI_Request p;
        MPI_Status st;
        TC_OK(MPI_Recv_init(&x, 1, MPI_INT, tc_rank, 5, MPI_COMM_WORLD, &p));
        TC_OK(MPI_Wait(&p, &st));
        TC_CHECK(p != MPI_REQUEST_NULL, "Wait freed an inactive persistent request");
        TC_CHECK(st.MPI_SOURCE == MPI_ANY_SOURCE && st.MPI_TAG == MPI_ANY_TAG,
                 "Wait on an inactive request: status not empty");
        TC_OK(MPI_Test(&p, &flag, MPI_STATUS_IGNORE));
        TC_CHECK(flag, "Test on an inactive persistent request: flag 0");
        TC_OK(MPI_Request_free(&p));
    }
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
