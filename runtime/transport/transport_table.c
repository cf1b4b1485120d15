#include "transport/transport_table.h"

#include "bootstrap/boot.h"
#include "core/errcode.h"
#include "core/log.h"
#include "core/param.h"
#include "core/progress.h"
#include "core/state.h"
#include "pt2pt/peer.h"
#include "pt2pt/proto_limits.h"

#include <string.h>

/* In order of preference: each peer gets the first that is up and reaches it. */
static const struct mpr_transport *const transports[] = {
    &mpr_transport_self,
    &mpr_transport_shm,
#ifdef MPR_WITH_OFI
    &mpr_transport_ofi,
#endif
};
#define NTRANSPORTS ((int)(sizeof(transports) / sizeof(transports[0])))

/* What the progress engine calls for each transport that serves a peer. */
static struct mpr_progress_source sources[NTRANSPORTS];
static int registered[NTRANSPORTS];
static int inited;

static int pick(int peer)
{
    for (int t = 0; t < NTRANSPORTS; t++) {
        if (transports[t]->up() && transports[t]->reaches(peer)) {
            return t;
        }
    }
    return -1;
}

static int register_source(int t)
{
    if (registered[t]) {
        return 0;
    }
    sources[t] = (struct mpr_progress_source){.name = transports[t]->name,
                                              .poll = transports[t]->progress,
                                              .busy = transports[t]->busy,
                                              .block = transports[t]->block,
                                              .unblock = transports[t]->unblock};
    registered[t] = 1;
    return mpr_progress_add(&sources[t]);
}

static int assign_peers(void)
{
    int rc = 0;

    for (int r = 0; r < mpr_state.size && rc == 0; r++) {
        int t = pick(r);
        if (t < 0) {
            mpr_log_error("no transport reaches rank %d: it runs on another node and the fabric "
                          "transport is %s",
                          r,
                          NTRANSPORTS > 2 ? "not up (see the line above)"
                                          : "not built in (configure with -DMPR_WITH_OFI=ON)");
            return -MPR_ERR_IO;
        }
        mpr_peers[r].tp = transports[t];
        mpr_peers[r].eager_limit = mpr_proto_eager_limit(transports[t]);
        /* The self transport never has work of its own to poll. */
        if (transports[t]->progress && r != mpr_state.rank) {
            rc = register_source(t);
        }
    }
    return rc;
}

/* MPR_TRANSPORT names a mode every transport's init reads (see core/param.c). */
static int check_mode(void)
{
    static const char *const modes[] = {"auto", "ofi", "parity"};
    const char *m = mpr_param_str(MPR_P_TRANSPORT);

    for (size_t i = 0; !m || i < sizeof(modes) / sizeof(modes[0]); i++) {
        if (!m || !strcmp(m, modes[i])) {
            return 0;
        }
    }
    mpr_log_error("MPR_TRANSPORT='%s' is not one of auto, ofi, parity; set one of them or unset "
                  "it",
                  m);
    return -MPR_ERR_ARG;
}

int mpr_transports_init(void)
{
    int rc = check_mode();

    if (rc != 0) {
        return rc;
    }
    rc = mpr_peers_init(mpr_state.size);

    inited = rc == 0;
    /* Every rank runs every init in the same order: each may fence through the bootstrap. */
    for (int t = 0; t < NTRANSPORTS && rc == 0; t++) {
        rc = transports[t]->init();
    }
    /* Collective even when no transport fenced: one fence says every rank is up. */
    if (rc == 0) {
        rc = mpr_boot_fence();
    }
    return rc == 0 ? assign_peers() : rc;
}

void mpr_transports_fini(void)
{
    for (int t = NTRANSPORTS - 1; t >= 0; t--) {
        if (registered[t]) {
            mpr_progress_remove(&sources[t]);
            registered[t] = 0;
        }
        if (inited) {
            transports[t]->fini();
        }
    }
    inited = 0;
    mpr_peers_fini();
}
