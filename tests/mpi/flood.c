/* flood [LINES [MOD]]: every rank prints LINES (default 25000) lines "R:I:PAYLOAD:SUM" to stdout
 * through stdio's full buffering, so the launcher receives lines cut at arbitrary points.
 * PAYLOAD is (I*7919 + R*104729) % MOD letters (MOD default 97), SUM = (R*131 + I*31 + len(PAYLOAD)) % 10007.
 * flood-check.awk verifies the result. */
#include "mpt.h"

int main(int argc, char **argv)
{
    MPT_OK(MPI_Init(&argc, &argv));
    int rank;
    MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &rank));
    mpt_rank = rank;
    int lines = argc > 1 ? atoi(argv[1]) : 25000;
    long mod = argc > 2 ? atol(argv[2]) : 97;
    MPT_CHECK(mod > 0 && mod <= 1000000, "bad MOD");
    static char buf[1000001];
    setvbuf(stdout, NULL, _IOFBF, 4096);
    for (int i = 0; i < lines; i++) {
        int len = (int)(((long)i * 7919 + (long)rank * 104729) % mod);
        for (int j = 0; j < len; j++) buf[j] = (char)('a' + (i + j) % 26);
        buf[len] = '\0';
        printf("%d:%d:%s:%d\n", rank, i, buf, (rank * 131 + i * 31 + len) % 10007);
    }
    MPT_CHECK(fflush(stdout) == 0, "fflush failed");
    MPT_OK(MPI_Finalize());
    return 0;
}
