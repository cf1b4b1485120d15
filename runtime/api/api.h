/*
 * The API edge: helpers every runtime/api/ file uses to check state and arguments and to report
 * errors through the communicator's error handler. Nothing below runtime/api/ includes this.
 */
#ifndef MPR_API_H
#define MPR_API_H

#include "comm/comm.h"
#include "core/state.h"
#include "tools/record.h"

#include <mpi.h>

/*
 * Call first in every MPI entry point that the standard forbids before MPI_Init or after
 * MPI_Finalize. Prints one line naming `func` and exits the process with status 1 when MPI is not
 * usable; returns only when it is.
 */
void mpr_api_require_init_slow(const char *func);

static inline void mpr_api_require_init(const char *func)
{
    if (__builtin_expect(mpr_state_phase() != MPR_PHASE_INIT, 0)) {
        mpr_api_require_init_slow(func);
    }
    mpr_record_call = func;
}

/*
 * Report `errclass` for `func` through the error handler of `comm` (MPI_COMM_WORLD's when comm is
 * MPI_COMM_NULL or invalid). `fmt` describes the bad argument ("comm: not a communicator").
 * With MPI_ERRORS_ARE_FATAL this prints `mpr: rank R on HOST: MPI_Xxx: reason` and aborts the job;
 * otherwise it returns errclass so the caller can `return mpr_api_error(...)`.
 */
int mpr_api_error(MPI_Comm comm, const char *func, int errclass, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/*
 * The body of every MPI function declared in mpi.h that mpr does not implement yet:
 * prints `mpr: rank R on HOST: MPI_Xxx: not implemented in mpr yet` once per function and
 * returns MPI_ERR_UNSUPPORTED_OPERATION. docs/api-coverage.md is generated from its call sites,
 * so pass the MPI name as a string literal.
 */
int mpr_api_unsupported(const char *func);

/* Communicator validity for argument checks: non-NULL and a live communicator object. */
static inline int mpr_api_comm_ok(MPI_Comm comm)
{
    return comm != MPI_COMM_NULL && comm->magic == MPR_COMM_MAGIC;
}

#endif
