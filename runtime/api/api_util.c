/* The API edge's shared checks and error reporting (see api.h). */
#include "api/api.h"

#include "comm/comm.h"
#include "core/errclass.h"
#include "core/errhandler.h"
#include "core/log.h"
#include "core/runtime.h"
#include "core/state.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void mpr_api_require_init_slow(const char *func)
{
    int phase = mpr_state_phase();

    mpr_log_error("%s called %s; only MPI_Initialized, MPI_Finalized, MPI_Get_version and "
                  "MPI_Get_library_version are allowed there",
                  func, phase == MPR_PHASE_NOT_INIT ? "before MPI_Init" : "after MPI_Finalize");
    fflush(NULL);
    _exit(1);
}

static void call_user_handler(MPI_Comm comm, struct mpr_errhandler *eh, int errclass)
{
    int code = errclass;

    eh->fn(&comm, &code);
}

int mpr_api_error(MPI_Comm comm, const char *func, int errclass, const char *fmt, ...)
{
    struct mpr_errhandler *eh;
    char reason[512];
    va_list ap;

    if (!mpr_api_comm_ok(comm)) {
        comm = MPI_COMM_WORLD;
    }
    eh = comm->errhandler;
    if (eh->kind == MPR_ERRH_RETURN) {
        return errclass;
    }
    if (eh->kind == MPR_ERRH_USER) {
        call_user_handler(comm, eh, errclass);
        return errclass;
    }
    va_start(ap, fmt);
    vsnprintf(reason, sizeof(reason), fmt, ap);
    va_end(ap);
    mpr_log_error("%s: %s (%s)", func, reason,
                  mpr_errclass_name(errclass) ? mpr_errclass_name(errclass) : "MPI_ERR_OTHER");
    snprintf(reason, sizeof(reason), "aborted the job: error in %s (MPI_ERRORS_ARE_FATAL)", func);
    mpr_runtime_abort(errclass, reason);
}

/* Each unsupported function says so once per process, not on every call in a loop. */
#define UNSUPPORTED_SEEN_MAX 64

int mpr_api_unsupported(const char *func)
{
    static const char *seen[UNSUPPORTED_SEEN_MAX];
    static int nseen;
    static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
    int first = 1;

    pthread_mutex_lock(&lock);
    for (int i = 0; i < nseen; i++) {
        first &= seen[i] != func;
    }
    if (first && nseen < UNSUPPORTED_SEEN_MAX) {
        seen[nseen++] = func;
    }
    pthread_mutex_unlock(&lock);
    if (first) {
        mpr_log_error("%s: not implemented in mpr yet (returns MPI_ERR_UNSUPPORTED_OPERATION; "
                      "see docs/api-coverage.md)",
                      func);
    }
    return MPI_ERR_UNSUPPORTED_OPERATION;
}
