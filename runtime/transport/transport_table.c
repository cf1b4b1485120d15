#include "transport/transport_table.h"

#include "core/errcode.h"
#include "core/log.h"
#include "core/state.h"
#include "bootstrap/boot.h"
#include "pt2pt/peer.h"
#include "pt2pt/proto_limits.h"
#include "transport/shm/shm.h"

static int shm_up;

int mpr_transports_init(void)
{
    int rc = mpr_peers_init(mpr_state.size);

    if (rc != 0) {
        return rc;
    }
    rc = mpr_shm_init();
    if (rc != 0) {
        return rc;
    }
    shm_up = mpr_shm_active();
    /* Collective: the shm set-up fences; without it, one fence says every rank is up. */
    if (!shm_up && (rc = mpr_boot_fence()) != 0) {
        return rc;
    }
    for (int r = 0; r < mpr_state.size; r++) {
        if (r == mpr_state.rank) {
            mpr_peers[r].tp = &mpr_transport_self;
        } else if (shm_up && mpr_shm_reaches(r)) {
            mpr_peers[r].tp = &mpr_transport_shm;
        } else {
            mpr_log_error("no transport reaches rank %d (the fabric transport is not built in "
                          "yet: run every rank on one node)",
                          r);
            return -MPR_ERR_IO;
        }
        mpr_peers[r].eager_limit = mpr_proto_eager_limit(mpr_peers[r].tp);
    }
    return 0;
}

void mpr_transports_fini(void)
{
    if (shm_up) {
        mpr_transport_shm.fini();
    }
    shm_up = 0;
    mpr_peers_fini();
}

int mpr_transports_progress(void)
{
    return shm_up ? mpr_transport_shm.progress() : 0;
}

void mpr_transports_block(long timeout_ns)
{
    if (shm_up) {
        mpr_shm_block(timeout_ns);
    }
}

void mpr_transports_unblock(void)
{
    if (shm_up) {
        mpr_shm_unblock();
    }
}
