/* dt.h — helpers shared by the tests/mpi/dtype programs (MPI 3.1 chapter 4, datatypes).
 * Plain MPI C API only: every program also builds with Open MPI's and MPICH's mpicc.
 * On any mismatch a program prints one line "FAIL <prog> rank R: reason" to stderr and calls
 * MPI_Abort(MPI_COMM_WORLD, 1). On success rank 0 prints one summary line. */
#ifndef DT_H
#define DT_H

#include "check.h"

#include <stddef.h>

/* The value of element k of message `salt` sent by rank r: exact in a double and in an int. */
static inline int dt_val(int salt, int r, long k)
{
    return (int)((salt * 7919L + r * 104729L + k * 31L) % 1000000007L);
}

/* Gaps keep this value; a receive that writes one fails the test. */
#define DT_HOLE (-77777)

static inline void *dt_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        tc_fail("out of memory (%zu bytes)", n);
    return p;
}

static inline double *dt_doubles(size_t n, double v)
{
    double *p = dt_malloc(n * sizeof(double));
    for (size_t i = 0; i < n; i++)
        p[i] = v;
    return p;
}

static inline int *dt_ints(size_t n, int v)
{
    int *p = dt_malloc(n * sizeof(int));
    for (size_t i = 0; i < n; i++)
        p[i] = v;
    return p;
}

/* rc must be an error of class cls (under MPI_ERRORS_RETURN). */
static inline void dt_expect(int rc, int cls, const char *what)
{
    int got = -1;
    TC_CHECK(rc != MPI_SUCCESS, "%s: succeeded, expected error class %d", what, cls);
    TC_OK(MPI_Error_class(rc, &got));
    TC_CHECK(got == cls, "%s: error class %d, expected %d", what, got, cls);
}

/* The same, accepting either of two classes (where the standard leaves the choice open). */
static inline void dt_expect2(int rc, int cls1, int cls2, const char *what)
{
    int got = -1;
    TC_CHECK(rc != MPI_SUCCESS, "%s: succeeded, expected error class %d or %d", what, cls1, cls2);
    TC_OK(MPI_Error_class(rc, &got));
    TC_CHECK(got == cls1 || got == cls2, "%s: error class %d, expected %d or %d", what, got, cls1,
             cls2);
}

static inline void dt_done(void)
{
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    if (tc_rank == 0) {
        printf("%s: ok on %d ranks\n", tc_prog, tc_size);
        fflush(stdout);
    }
    TC_OK(MPI_Finalize());
}

#endif
