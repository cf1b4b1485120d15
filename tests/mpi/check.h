/* check.h — the failure and check core shared by the tests/mpi/pt2pt and tests/mpi/coll programs.
 * Plain MPI C API only: every program also builds with Open MPI's and MPICH's mpicc.
 * On any mismatch a program prints one line "FAIL <prog> rank R: reason" to stderr and calls
 * MPI_Abort(MPI_COMM_WORLD, 1). */
#ifndef TC_CHECK_H
#define TC_CHECK_H

#include <mpi.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tc_rank = -1, tc_size = 0;
static const char *tc_prog = "test";

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2), noreturn))
#endif
static void
tc_fail(const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "FAIL %s rank %d: %s\n", tc_prog, tc_rank, msg);
    fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, 1);
    exit(1);
}

#define TC_CHECK(cond, ...)                                                                        \
    do {                                                                                           \
        if (!(cond))                                                                               \
            tc_fail(__VA_ARGS__);                                                                  \
    } while (0)

/* Call an MPI function that must succeed. */
#define TC_OK(call)                                                                                \
    do {                                                                                           \
        int tc_rc_ = (call);                                                                       \
        if (tc_rc_ != MPI_SUCCESS)                                                                 \
            tc_fail("line %d: %s returned %d", __LINE__, #call, tc_rc_);                           \
    } while (0)

static inline void tc_init(int *argc, char ***argv, const char *prog)
{
    tc_prog = prog;
    TC_OK(MPI_Init(argc, argv));
    TC_OK(MPI_Comm_rank(MPI_COMM_WORLD, &tc_rank));
    TC_OK(MPI_Comm_size(MPI_COMM_WORLD, &tc_size));
}

#endif
