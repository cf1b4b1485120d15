/* readstdin MODE0 MODEN: rank 0 reads stdin per MODE0, the others per MODEN, and each prints
 * "rank R got 'TEXT'" with newlines shown as '|'. MODE: eof (read until end of file) or line
 * (read up to the first newline, then stop reading: the writer may stay open). */
#include "mpt.h"
#include <unistd.h>

int main(int argc, char **argv)
{
    MPT_OK(MPI_Init(&argc, &argv));
    int rank;
    MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &rank));
    mpt_rank = rank;
    if (argc < 3) mpt_fail("usage: readstdin MODE0 MODEN");
    const char *mode = rank == 0 ? argv[1] : argv[2];
    int line = !strcmp(mode, "line");
    MPT_CHECK(line || !strcmp(mode, "eof"), "bad mode '%s'", mode);
    static char buf[65536];
    size_t len = 0;
    for (;;) {
        ssize_t n = read(0, buf + len, line ? 1 : sizeof buf - 1 - len);
        if (n < 0) mpt_fail("read from stdin failed");
        if (n == 0) break;
        len += (size_t)n;
        if (line && buf[len - 1] == '\n') break;
        if (len == sizeof buf - 1) break;
    }
    buf[len] = '\0';
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\n') buf[i] = '|';
    printf("rank %d got '%s'\n", rank, buf);
    MPT_OK(MPI_Finalize());
    return 0;
}
