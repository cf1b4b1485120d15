/* cancel: cancelling a posted Irecv that never matches (Test_cancelled true, Wait returns), and
 * cancelling an Isend, which may or may not succeed: if it did not, the message is received.
 * Rank 0 sends to rank 1; other ranks idle. */
#include "pt.h"

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "cancel");
    pt_need_size(2);
    MPI_Request rq;
    MPI_Status st;
    int flag, x = 0;

    /* an Irecv nobody sends to */
    TC_OK(MPI_Irecv(&x, 1, MPI_INT, MPI_ANY_SOURCE, 999, MPI_COMM_WORLD, &rq));
    TC_OK(MPI_Cancel(&rq));
    TC_OK(MPI_Wait(&rq, &st));
    TC_CHECK(rq == MPI_REQUEST_NULL, "Wait on a cancelled Irecv did not free it");
    TC_OK(MPI_Test_cancelled(&st, &flag));
    TC_CHECK(flag, "cancelled Irecv: Test_cancelled is false");
    /* the same with Test polling */
    TC_OK(MPI_Irecv(&x, 1, MPI_INT, 0, 998, MPI_COMM_WORLD, &rq));
    TC_OK(MPI_Cancel(&rq));
    do {
        TC_OK(MPI_Test(&rq, &flag, &st));
    } while (!flag);
    TC_OK(MPI_Test_cancelled(&st, &flag));
    TC_CHECK(flag, "cancelled Irecv (Test): Test_cancelled is false");

    /* Isend cancel, eager and large. If the cancel fails the send completes normally, which for
     * a large message needs the receive: so rank 1 posts it (after rank 0's MPI_Cancel, told by
     * a tag 8 message) and then learns the outcome (tag 9); if cancelled, its receive must not
     * match anything and is cancelled in turn. */
    const int sizes[] = {64, 1 << 20};
    for (int k = 0; k < 2; k++) {
        int n = sizes[k], cancelled = 0, dummy = 0;
        if (tc_rank == 0) {
            unsigned char *b = pt_malloc((size_t)n);
            pt_fill(b, (size_t)n, 70 + k);
            TC_OK(MPI_Isend(b, n, MPI_BYTE, 1, 7, MPI_COMM_WORLD, &rq));
            TC_OK(MPI_Cancel(&rq));
            TC_OK(MPI_Send(&dummy, 1, MPI_INT, 1, 8, MPI_COMM_WORLD));
            TC_OK(MPI_Wait(&rq, &st));
            TC_OK(MPI_Test_cancelled(&st, &cancelled));
            TC_OK(MPI_Send(&cancelled, 1, MPI_INT, 1, 9, MPI_COMM_WORLD));
            free(b);
        } else if (tc_rank == 1) {
            unsigned char *b = pt_malloc((size_t)n);
            MPI_Request r7;
            TC_OK(MPI_Recv(&dummy, 1, MPI_INT, 0, 8, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
            TC_OK(MPI_Irecv(b, n, MPI_BYTE, 0, 7, MPI_COMM_WORLD, &r7));
            TC_OK(MPI_Recv(&cancelled, 1, MPI_INT, 0, 9, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
            if (cancelled) {
                TC_OK(MPI_Cancel(&r7));
                TC_OK(MPI_Wait(&r7, &st));
                TC_OK(MPI_Test_cancelled(&st, &flag));
                TC_CHECK(flag, "%d B Isend reported cancelled, but its message was received", n);
            } else {
                TC_OK(MPI_Wait(&r7, &st));
                pt_check_status(&st, 0, 7, MPI_BYTE, n, "not cancelled Isend");
                TC_CHECK(pt_verify(b, (size_t)n, 70 + k) < 0, "not cancelled Isend: data");
            }
            free(b);
        }
    }
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
