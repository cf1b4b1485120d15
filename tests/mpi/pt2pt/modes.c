/* modes: the send modes between ranks 0 and 1 (other ranks idle).
 *  - Issend is not complete before its receive is posted: rank 1 posts that receive only after a
 *    "go" message that rank 0 sends after having tested the Issend; then it completes.
 *  - Rsend / Irsend with the receive posted first (rank 1 says "ready" after posting it).
 *  - Bsend / Ibsend through an attached buffer of (message + MPI_BSEND_OVERHEAD) per message,
 *    complete before the receiver posts; Buffer_detach waits for them and returns the buffer.
 *  - Bsend larger than the attached buffer: MPI_ERR_BUFFER under MPI_ERRORS_RETURN.
 * Sizes: 100 B (eager) and 1 MiB (rendezvous). */
#include "pt.h"

enum { TAG_DATA = 1, TAG_GO = 2, TAG_READY = 3 };

static void recv_check(int n, int tag, uint64_t seed, const char *what)
{
    unsigned char *b = pt_malloc((size_t)n);
    MPI_Status st;
    TC_OK(MPI_Recv(b, n, MPI_BYTE, 0, tag, MPI_COMM_WORLD, &st));
    pt_check_status(&st, 0, tag, MPI_BYTE, n, what);
    long long bad = pt_verify(b, (size_t)n, seed);
    TC_CHECK(bad < 0, "%s: byte %lld differs", what, bad);
    free(b);
}

static void ssend_test(int n)
{
    int go = 1;
    if (tc_rank == 0) {
        unsigned char *b = pt_malloc((size_t)n);
        pt_fill(b, (size_t)n, 11 + n);
        MPI_Request rq, gorq;
        int flag = 0;
        TC_OK(MPI_Issend(b, n, MPI_BYTE, 1, TAG_DATA, MPI_COMM_WORLD, &rq));
        for (int i = 0; i < 1000; i++) {
            TC_OK(MPI_Test(&rq, &flag, MPI_STATUS_IGNORE));
            TC_CHECK(!flag, "Issend of %d B completed before its receive was posted", n);
        }
        TC_OK(MPI_Isend(&go, 1, MPI_INT, 1, TAG_GO, MPI_COMM_WORLD, &gorq));
        TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
        TC_OK(MPI_Wait(&gorq, MPI_STATUS_IGNORE));
        /* the blocking form, to a receive that is posted (or not) */
        TC_OK(MPI_Ssend(b, n, MPI_BYTE, 1, TAG_DATA, MPI_COMM_WORLD));
        free(b);
    } else if (tc_rank == 1) {
        TC_OK(MPI_Recv(&go, 1, MPI_INT, 0, TAG_GO, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        recv_check(n, TAG_DATA, 11 + n, "Issend");
        recv_check(n, TAG_DATA, 11 + n, "Ssend");
    }
}

static void rsend_test(int n)
{
    int ready = 0;
    if (tc_rank == 0) {
        unsigned char *b = pt_malloc((size_t)n);
        MPI_Request rq;
        pt_fill(b, (size_t)n, 21 + n);
        TC_OK(MPI_Recv(&ready, 1, MPI_INT, 1, TAG_READY, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        TC_OK(MPI_Rsend(b, n, MPI_BYTE, 1, TAG_DATA, MPI_COMM_WORLD));
        pt_fill(b, (size_t)n, 22 + n);
        TC_OK(MPI_Recv(&ready, 1, MPI_INT, 1, TAG_READY, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        TC_OK(MPI_Irsend(b, n, MPI_BYTE, 1, TAG_DATA, MPI_COMM_WORLD, &rq));
        TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
        free(b);
    } else if (tc_rank == 1) {
        unsigned char *b = pt_malloc((size_t)n);
        MPI_Request rq;
        MPI_Status st;
        for (int k = 0; k < 2; k++) {
            TC_OK(MPI_Irecv(b, n, MPI_BYTE, 0, TAG_DATA, MPI_COMM_WORLD, &rq));
            TC_OK(MPI_Send(&ready, 1, MPI_INT, 0, TAG_READY, MPI_COMM_WORLD));
            TC_OK(MPI_Wait(&rq, &st));
            pt_check_status(&st, 0, TAG_DATA, MPI_BYTE, n, k ? "Irsend" : "Rsend");
            long long bad = pt_verify(b, (size_t)n, 21 + k + n);
            TC_CHECK(bad < 0, "%s of %d B: byte %lld differs", k ? "Irsend" : "Rsend", n, bad);
        }
        free(b);
    }
}

static void bsend_test(int n)
{
    enum { K = 4 };
    int go = 1;
    if (tc_rank == 0) {
        int bsize = K * (n + MPI_BSEND_OVERHEAD);
        char *att = pt_malloc((size_t)bsize);
        unsigned char *b = pt_malloc((size_t)n);
        MPI_Request rq, gorq;
        TC_OK(MPI_Buffer_attach(att, bsize));
        /* the receiver posts nothing until "go": these must complete locally */
        for (int k = 0; k < K; k++) {
            pt_fill(b, (size_t)n, 31 + k + n);
            if (k % 2 == 0) {
                TC_OK(MPI_Bsend(b, n, MPI_BYTE, 1, TAG_DATA, MPI_COMM_WORLD));
            } else {
                TC_OK(MPI_Ibsend(b, n, MPI_BYTE, 1, TAG_DATA, MPI_COMM_WORLD, &rq));
                TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
            }
            memset(b, 0, (size_t)n); /* the user buffer is free again */
        }
        TC_OK(MPI_Isend(&go, 1, MPI_INT, 1, TAG_GO, MPI_COMM_WORLD, &gorq));
        void *det = NULL;
        int dsize = 0;
        TC_OK(MPI_Buffer_detach(&det, &dsize)); /* waits until the messages are out */
        TC_CHECK(det == att && dsize == bsize, "Buffer_detach returned %p/%d, attached %p/%d", det,
                 dsize, (void *)att, bsize);
        TC_OK(MPI_Wait(&gorq, MPI_STATUS_IGNORE));
        free(att);
        free(b);
    } else if (tc_rank == 1) {
        TC_OK(MPI_Recv(&go, 1, MPI_INT, 0, TAG_GO, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        for (int k = 0; k < K; k++)
            recv_check(n, TAG_DATA, 31 + k + n, k % 2 ? "Ibsend" : "Bsend");
    }
}

/* Bsend larger than the attached buffer, and with no buffer attached: the standard says "an
 * error occurs" (MPI_ERR_BUFFER). Skipped under Open MPI 4.1, which gets this wrong three ways:
 * a small message is sent at once without looking at the buffer (success), a 1 MiB one fails
 * with MPI_ERR_BUFFER but leaves the receiver hanging in the next Barrier, and with no buffer
 * attached Bsend blocks like a standard-mode send. MPICH 4.0 passes. */
static void bsend_overflow(void)
{
#if defined(OPEN_MPI)
    return;
#endif
    if (tc_rank != 0)
        return;
    const int bsize = 1000 + MPI_BSEND_OVERHEAD, big = 1 << 20;
    char *att = pt_malloc((size_t)bsize), *msg = pt_malloc((size_t)big);
    memset(msg, 1, (size_t)big);
    pt_errors_return();
    TC_OK(MPI_Buffer_attach(att, bsize));
    int rc;
    rc = MPI_Bsend(msg, 2000, MPI_BYTE, 1, TAG_DATA, MPI_COMM_WORLD);
    TC_CHECK(pt_class(rc) == MPI_ERR_BUFFER,
             "Bsend of 2000 B into a %d B buffer: class %d, "
             "expected MPI_ERR_BUFFER",
             bsize, pt_class(rc));
    rc = MPI_Bsend(msg, big, MPI_BYTE, 1, TAG_DATA, MPI_COMM_WORLD);
    TC_CHECK(pt_class(rc) == MPI_ERR_BUFFER,
             "Bsend of 1 MiB into a %d B buffer: class %d, "
             "expected MPI_ERR_BUFFER",
             bsize, pt_class(rc));
    void *det;
    int dsize;
    TC_OK(MPI_Buffer_detach(&det, &dsize));
    TC_CHECK(det == att && dsize == bsize, "Buffer_detach after the failed Bsend");
    rc = MPI_Bsend(msg, big, MPI_BYTE, 1, TAG_DATA, MPI_COMM_WORLD);
    TC_CHECK(pt_class(rc) == MPI_ERR_BUFFER,
             "Bsend of 1 MiB with no buffer attached: class %d, "
             "expected MPI_ERR_BUFFER",
             pt_class(rc));
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_ARE_FATAL));
    free(att);
    free(msg);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "modes");
    pt_need_size(2);
    const int sizes[] = {100, 1 << 20};
    for (int i = 0; i < 2; i++) {
        ssend_test(sizes[i]);
        rsend_test(sizes[i]);
        bsend_test(sizes[i]);
    }
    bsend_overflow();
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
