#include "core/runtime.h"

#include "bootstrap/boot.h"
#include "bootstrap/boot_msg.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "core/log.h"
#include "core/param.h"
#include "core/state.h"
#include "pt2pt/pt2pt.h"
#include "tools/record.h"
#include "transport/shm/shm_node.h"

#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * mpr makes no MPI call from two threads at once safe yet: SERIALIZED is the honest ceiling
 * (no call keeps thread-specific state, so any thread may call as long as calls do not overlap).
 */
#define MPR_THREAD_LEVEL_MAX MPI_THREAD_SERIALIZED

static int read_identity(void)
{
    mpr_state.rank = (int)mpr_param_int(MPR_P_RANK);
    mpr_state.size = (int)mpr_param_int(MPR_P_SIZE);
    mpr_state.local_rank = (int)mpr_param_int(MPR_P_LOCAL_RANK);
    mpr_state.local_size = (int)mpr_param_int(MPR_P_LOCAL_SIZE);
    mpr_state.node_id = (int)mpr_param_int(MPR_P_NODE_ID);
    mpr_state.appnum = (int)mpr_param_int(MPR_P_APPNUM);
    mpr_state.oversubscribed = mpr_param_int(MPR_P_OVERSUBSCRIBED) != 0;
    mpr_state.boot_fd = (int)mpr_param_int(MPR_P_BOOT_FD);
    if (mpr_param_str(MPR_P_JOBID)) {
        mpr_state.jobid = strtoull(mpr_param_str(MPR_P_JOBID), NULL, 16);
    }
    if (mpr_state.boot_fd < 0) {
        /* Singleton: started without mplaunch. */
        mpr_state.rank = mpr_state.local_rank = mpr_state.node_id = 0;
        mpr_state.size = mpr_state.local_size = 1;
        return 0;
    }
    if (mpr_state.size < 1 || mpr_state.rank < 0 || mpr_state.rank >= mpr_state.size ||
        mpr_state.local_size < 1 || mpr_state.local_rank < 0 ||
        mpr_state.local_rank >= mpr_state.local_size) {
        mpr_log_error("inconsistent MPR_RANK=%d MPR_SIZE=%d MPR_LOCAL_RANK=%d MPR_LOCAL_SIZE=%d "
                      "from the launcher",
                      mpr_state.rank, mpr_state.size, mpr_state.local_rank,
                      mpr_state.local_size);
        return -MPR_ERR_ARG;
    }
    return 0;
}

static int attach_node(void)
{
    int rc = mpr_boot_init(mpr_state.boot_fd);

    if (rc == 0) {
        rc = mpr_shm_node_attach((int)mpr_param_int(MPR_P_SHM_FD), mpr_state.local_size);
    }
    if (rc == 0 && mpr_shm_node.base) {
        mpr_record_attach(mpr_seg_record(mpr_shm_node.base, (uint32_t)mpr_state.local_rank));
    } else {
        mpr_record_attach(NULL);
    }
    /* The descriptors are ours now; a program this rank starts must not take them for its own. */
    unsetenv("MPR_BOOT_FD");
    unsetenv("MPR_SHM_FD");
    return rc;
}

int mpr_runtime_init(int required, int *provided)
{
    int rc;

    if (gethostname(mpr_state.hostname, sizeof(mpr_state.hostname) - 1) != 0) {
        strcpy(mpr_state.hostname, "localhost");
    }
    mpr_params_read();
    rc = read_identity();
    if (rc == 0) {
        rc = attach_node();
    }
    if (rc != 0) {
        return rc;
    }
    mpr_comm_world_init();
    mpr_state.main_thread = pthread_self();
    mpr_state.thread_level = required < MPR_THREAD_LEVEL_MAX ? required : MPR_THREAD_LEVEL_MAX;
    if (mpr_state.boot_fd >= 0) {
        /* Output goes through mplaunch's pipes: deliver it a line at a time, as on a terminal. */
        fflush(stdout);
        setvbuf(stdout, NULL, _IOLBF, BUFSIZ);
    }
    atomic_store_explicit(&mpr_state.phase, MPR_PHASE_INIT, memory_order_release);
    mpr_record_enter(MPR_CALL_INIT, -1, -1);
    rc = mpr_boot_report_state(MPR_BOOT_STATE_INIT);
    if (rc == 0) {
        rc = mpr_pt2pt_init(); /* collective: returns once every rank is up */
    }
    mpr_record_leave();
    if (rc == 0) {
        *provided = mpr_state.thread_level;
    }
    return rc;
}

int mpr_runtime_finalize(void)
{
    int rc;

    mpr_record_enter(MPR_CALL_FINALIZE, -1, -1);
    fflush(stdout);
    mpr_pt2pt_fini();
    rc = mpr_boot_fence();
    if (rc == 0) {
        rc = mpr_boot_report_state(MPR_BOOT_STATE_FINALIZED);
    }
    mpr_record_leave();
    mpr_boot_fini();
    mpr_shm_node_detach();
    mpr_record_attach(NULL);
    atomic_store_explicit(&mpr_state.phase, MPR_PHASE_FINALIZED, memory_order_release);
    return rc;
}

_Noreturn void mpr_runtime_abort(int code, const char *why)
{
    mpr_record_enter(MPR_CALL_ABORT, -1, -1);
    fflush(NULL);
    mpr_boot_abort(code, why);
    /* mplaunch kills the others; this rank leaves with the code itself. */
    _exit(code & 0xff);
}
