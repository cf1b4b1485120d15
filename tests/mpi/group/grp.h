/* grp.h — helpers shared by the tests/mpi/group programs (MPI 3.1 chapter 6 groups, chapter 9
 * info). Plain MPI C API only: every program also builds and passes with Open MPI's mpicc.
 * On any mismatch a program prints one line "FAIL <prog> rank R: reason" to stderr and calls
 * MPI_Abort(MPI_COMM_WORLD, 1). */
#ifndef GRP_H
#define GRP_H

#include "check.h"

/* Where the standard names no error class for an erroneous call, the programs expect mpr's
 * choice; GT_OMPI(mpr's class, Open MPI 4.1's class) marks the places where Open MPI picks
 * another one, so the same program checks both libraries. */
#ifdef OPEN_MPI
#define GT_OMPI(std, ompi) (ompi)
#else
#define GT_OMPI(std, ompi) (std)
#endif

static inline int gt_class(int rc)
{
    int cls = rc;
    if (rc != MPI_SUCCESS)
        MPI_Error_class(rc, &cls);
    return cls;
}

static inline void gt_expect(int rc, int cls, const char *what, int line)
{
    TC_CHECK(gt_class(rc) == cls, "line %d: %s: error class %d, expected %d", line, what,
             gt_class(rc), cls);
}
#define GT_EXPECT(call, cls) gt_expect((call), (cls), #call, __LINE__)

/* Errors on objects without an error handler (groups, info) go to MPI_COMM_WORLD's in MPI 3.1
 * and MPI_COMM_SELF's in MPI 4: return on both. */
static inline void gt_errors_return(void)
{
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_RETURN));
}

/* A small deterministic PRNG (xorshift64), the same sequence on every rank for the same seed. */
static uint64_t gt_rng;
static inline void gt_seed(uint64_t seed)
{
    gt_rng = seed * 0x9e3779b97f4a7c15ULL + 1;
}
static inline int gt_rnd(int bound)
{
    gt_rng ^= gt_rng << 13;
    gt_rng ^= gt_rng >> 7;
    gt_rng ^= gt_rng << 17;
    return bound > 0 ? (int)(gt_rng % (uint64_t)bound) : 0;
}

#endif
