/* MPI chapter 8: the execution environment (init, finalize, abort, timers, versions). */
#include "api/api.h"

#include "comm/comm.h"
#include "core/errclass.h"
#include "core/log.h"
#include "core/runtime.h"
#include "core/state.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int init_common(const char *func, int required, int *provided)
{
    int rc;

    if (mpr_state_phase() != MPR_PHASE_NOT_INIT) {
        mpr_log_error("%s: MPI is already %s; call MPI_Init or MPI_Init_thread once", func,
                      mpr_state_phase() == MPR_PHASE_INIT ? "initialized" : "finalized");
        _exit(1);
    }
    rc = mpr_runtime_init(required, provided);
    if (rc != 0) {
        mpr_log_error("%s: start-up failed (the reason is above)", func);
        fflush(NULL);
        _exit(1);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Init = PMPI_Init
int PMPI_Init(int *argc, char ***argv)
{
    int provided;

    (void)argc;
    (void)argv;
    return init_common("MPI_Init", MPI_THREAD_SINGLE, &provided);
}

#pragma weak MPI_Init_thread = PMPI_Init_thread
int PMPI_Init_thread(int *argc, char ***argv, int required, int *provided)
{
    (void)argc;
    (void)argv;
    if (required < MPI_THREAD_SINGLE || required > MPI_THREAD_MULTIPLE) {
        mpr_log_error("MPI_Init_thread: required: %d is not one of MPI_THREAD_SINGLE, "
                      "MPI_THREAD_FUNNELED, MPI_THREAD_SERIALIZED, MPI_THREAD_MULTIPLE",
                      required);
        _exit(1);
    }
    if (!provided) {
        mpr_log_error("MPI_Init_thread: provided: NULL pointer");
        _exit(1);
    }
    return init_common("MPI_Init_thread", required, provided);
}

#pragma weak MPI_Initialized = PMPI_Initialized
int PMPI_Initialized(int *flag)
{
    if (!flag) {
        return MPI_ERR_ARG;
    }
    *flag = mpr_state_phase() != MPR_PHASE_NOT_INIT;
    return MPI_SUCCESS;
}

#pragma weak MPI_Finalized = PMPI_Finalized
int PMPI_Finalized(int *flag)
{
    if (!flag) {
        return MPI_ERR_ARG;
    }
    *flag = mpr_state_phase() == MPR_PHASE_FINALIZED;
    return MPI_SUCCESS;
}

#pragma weak MPI_Finalize = PMPI_Finalize
int PMPI_Finalize(void)
{
    int rc;

    mpr_api_require_init("MPI_Finalize");
    rc = mpr_runtime_finalize();
    if (rc != 0) {
        mpr_log_error("MPI_Finalize: the job ended while this rank was finalizing");
        fflush(NULL);
        _exit(1);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Abort = PMPI_Abort
int PMPI_Abort(MPI_Comm comm, int errorcode)
{
    char why[256];

    if (mpr_state_phase() != MPR_PHASE_INIT) {
        mpr_log_error("MPI_Abort(%d) called outside MPI_Init..MPI_Finalize", errorcode);
        fflush(NULL);
        _exit(errorcode & 0xff);
    }
    snprintf(why, sizeof(why), "called MPI_Abort(%s, %d)",
             mpr_api_comm_ok(comm) ? comm->name : "invalid communicator", errorcode);
    mpr_runtime_abort(errorcode, why);
}

#pragma weak MPI_Wtime = PMPI_Wtime
double PMPI_Wtime(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

#pragma weak MPI_Wtick = PMPI_Wtick
double PMPI_Wtick(void)
{
    struct timespec res;

    if (clock_getres(CLOCK_MONOTONIC, &res) != 0) {
        return 1e-9;
    }
    return (double)res.tv_sec + (double)res.tv_nsec * 1e-9;
}

#pragma weak MPI_Get_processor_name = PMPI_Get_processor_name
int PMPI_Get_processor_name(char *name, int *resultlen)
{
    size_t len;

    mpr_api_require_init("MPI_Get_processor_name");
    if (!name || !resultlen) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Get_processor_name", MPI_ERR_ARG,
                             "%s: NULL pointer", name ? "resultlen" : "name");
    }
    len = strnlen(mpr_state.hostname, MPI_MAX_PROCESSOR_NAME - 1);
    memcpy(name, mpr_state.hostname, len);
    name[len] = '\0';
    *resultlen = (int)len;
    return MPI_SUCCESS;
}

#pragma weak MPI_Get_version = PMPI_Get_version
int PMPI_Get_version(int *version, int *subversion)
{
    if (!version || !subversion) {
        return MPI_ERR_ARG;
    }
    *version = MPI_VERSION;
    *subversion = MPI_SUBVERSION;
    return MPI_SUCCESS;
}

#pragma weak MPI_Get_library_version = PMPI_Get_library_version
int PMPI_Get_library_version(char *version, int *resultlen)
{
    int n;

    if (!version || !resultlen) {
        return MPI_ERR_ARG;
    }
    n = snprintf(version, MPI_MAX_LIBRARY_VERSION_STRING, "mpr %d.%d.%d (MPI %d.%d subset)",
                 MPR_VERSION_MAJOR, MPR_VERSION_MINOR, MPR_VERSION_PATCH, MPI_VERSION,
                 MPI_SUBVERSION);
    *resultlen = n;
    return MPI_SUCCESS;
}

#pragma weak MPI_Query_thread = PMPI_Query_thread
int PMPI_Query_thread(int *provided)
{
    mpr_api_require_init("MPI_Query_thread");
    if (!provided) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Query_thread", MPI_ERR_ARG,
                             "provided: NULL pointer");
    }
    *provided = mpr_state.thread_level;
    return MPI_SUCCESS;
}

#pragma weak MPI_Is_thread_main = PMPI_Is_thread_main
int PMPI_Is_thread_main(int *flag)
{
    mpr_api_require_init("MPI_Is_thread_main");
    if (!flag) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Is_thread_main", MPI_ERR_ARG,
                             "flag: NULL pointer");
    }
    *flag = pthread_equal(pthread_self(), mpr_state.main_thread) != 0;
    return MPI_SUCCESS;
}
