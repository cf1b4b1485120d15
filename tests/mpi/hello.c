/* hello: prints "hello R of N" (plus "PROG ARG" when given an argument) and checks that the
 * rank and size agree with the launcher's MPR_RANK / MPR_SIZE (size 1, rank 0 when run alone). */
#include "mpt.h"

int main(int argc, char **argv)
{
    MPT_OK(MPI_Init(&argc, &argv));
    int rank = -1, size = -1;
    MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &rank));
    mpt_rank = rank;
    MPT_OK(MPI_Comm_size(MPI_COMM_WORLD, &size));
    const char *es = getenv("MPR_SIZE"), *er = getenv("MPR_RANK");
    int want_size = es ? atoi(es) : 1, want_rank = er ? atoi(er) : 0;
    MPT_CHECK(size == want_size, "MPI_Comm_size %d but MPR_SIZE %s", size, es ? es : "(unset)");
    MPT_CHECK(rank == want_rank, "MPI_Comm_rank %d but MPR_RANK %s", rank, er ? er : "(unset)");
    MPT_CHECK(rank >= 0 && rank < size, "rank %d out of [0,%d)", rank, size);
    int srank = -1, ssize = -1;
    MPT_OK(MPI_Comm_rank(MPI_COMM_SELF, &srank));
    MPT_OK(MPI_Comm_size(MPI_COMM_SELF, &ssize));
    MPT_CHECK(srank == 0 && ssize == 1, "MPI_COMM_SELF rank %d size %d", srank, ssize);
    if (argc > 1) {
        const char *base = strrchr(argv[0], '/');
        printf("hello %d of %d %s %s\n", rank, size, base ? base + 1 : argv[0], argv[1]);
    } else {
        printf("hello %d of %d\n", rank, size);
    }
    MPT_OK(MPI_Finalize());
    return 0;
}
