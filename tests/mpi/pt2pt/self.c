/* self: messages from a rank to itself — blocking Send with the Irecv posted first, Isend then
 * Recv, Sendrecv with self, an 8 MiB message to self, and the same on MPI_COMM_SELF. Every rank
 * does it at once (any size). */
#include "pt.h"

static void run(MPI_Comm comm, int me, const char *cname)
{
    enum { N = 1000 };
    int a[N], b[N];
    MPI_Request rq;
    MPI_Status st;
    char what[64];

    /* Irecv first, then a blocking Send (small enough to be buffered by any implementation) */
    for (int i = 0; i < N; i++)
        a[i] = i * 3 + me, b[i] = -1;
    TC_OK(MPI_Irecv(b, N, MPI_INT, me, 1, comm, &rq));
    TC_OK(MPI_Send(a, N, MPI_INT, me, 1, comm));
    TC_OK(MPI_Wait(&rq, &st));
    snprintf(what, sizeof what, "%s Irecv+Send", cname);
    pt_check_status(&st, me, 1, MPI_INT, N, what);
    for (int i = 0; i < N; i++)
        TC_CHECK(b[i] == a[i], "%s: element %d is %d", what, i, b[i]);

    /* Isend then Recv (ANY_SOURCE, ANY_TAG) */
    for (int i = 0; i < N; i++)
        a[i] = i ^ 0x5555, b[i] = -1;
    TC_OK(MPI_Isend(a, N, MPI_INT, me, 2, comm, &rq));
    TC_OK(MPI_Recv(b, N, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, comm, &st));
    TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    snprintf(what, sizeof what, "%s Isend+Recv", cname);
    pt_check_status(&st, me, 2, MPI_INT, N, what);
    for (int i = 0; i < N; i++)
        TC_CHECK(b[i] == a[i], "%s: element %d is %d", what, i, b[i]);

    /* Sendrecv with self */
    for (int i = 0; i < N; i++)
        a[i] = 7 * i, b[i] = -1;
    TC_OK(MPI_Sendrecv(a, N, MPI_INT, me, 3, b, N, MPI_INT, me, 3, comm, &st));
    snprintf(what, sizeof what, "%s Sendrecv", cname);
    pt_check_status(&st, me, 3, MPI_INT, N, what);
    for (int i = 0; i < N; i++)
        TC_CHECK(b[i] == a[i], "%s: element %d is %d", what, i, b[i]);

    /* Sendrecv_replace with self */
    for (int i = 0; i < N; i++)
        a[i] = 11 * i;
    TC_OK(MPI_Sendrecv_replace(a, N, MPI_INT, me, 4, me, 4, comm, &st));
    snprintf(what, sizeof what, "%s Sendrecv_replace", cname);
    pt_check_status(&st, me, 4, MPI_INT, N, what);
    for (int i = 0; i < N; i++)
        TC_CHECK(a[i] == 11 * i, "%s: element %d is %d", what, i, a[i]);

    /* 8 MiB to self: Irecv + Send, and Isend + Recv */
    const size_t big = 8u << 20;
    unsigned char *s = pt_malloc(big), *r = pt_malloc(big);
    pt_fill(s, big, 1000 + me);
    memset(r, 0, big);
    TC_OK(MPI_Irecv(r, (int)big, MPI_BYTE, me, 5, comm, &rq));
    TC_OK(MPI_Send(s, (int)big, MPI_BYTE, me, 5, comm));
    TC_OK(MPI_Wait(&rq, &st));
    snprintf(what, sizeof what, "%s 8 MiB Irecv+Send", cname);
    pt_check_status(&st, me, 5, MPI_BYTE, (int)big, what);
    long long bad = pt_verify(r, big, 1000 + me);
    TC_CHECK(bad < 0, "%s: byte %lld differs", what, bad);
    pt_fill(s, big, 2000 + me);
    memset(r, 0, big);
    TC_OK(MPI_Isend(s, (int)big, MPI_BYTE, me, 6, comm, &rq));
    TC_OK(MPI_Recv(r, (int)big, MPI_BYTE, me, 6, comm, &st));
    TC_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    snprintf(what, sizeof what, "%s 8 MiB Isend+Recv", cname);
    pt_check_status(&st, me, 6, MPI_BYTE, (int)big, what);
    bad = pt_verify(r, big, 2000 + me);
    TC_CHECK(bad < 0, "%s: byte %lld differs", what, bad);
    free(s);
    free(r);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "self");
    run(MPI_COMM_WORLD, tc_rank, "MPI_COMM_WORLD");
    run(MPI_COMM_SELF, 0, "MPI_COMM_SELF");
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
