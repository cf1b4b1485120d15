/* Point-to-point's part of the progress engine, and its blocking waits. */
#include "pt2pt/pt2pt.h"

#include "bootstrap/boot.h"
#include "core/progress.h"
#include "core/wait.h"
#include "pt2pt/peer.h"
#include "pt2pt/proto_limits.h"
#include "transport/transport_table.h"

/* Sends and control records that found no room: retried whenever the engine runs. */
static int push_queued(void)
{
    return mpr_peers_pending() ? mpr_peers_push() : 0;
}

static int queued(void)
{
    return mpr_peers_pending();
}

static const struct mpr_progress_source send_queues = {
    .name = "pt2pt send queues",
    .poll = push_queued,
    .busy = queued,
};

int mpr_pt2pt_init(void)
{
    int rc;

    mpr_proto_limits_init();
    mpr_wait_init();
    rc = mpr_transports_init();
    if (rc == 0) {
        rc = mpr_progress_add(&send_queues);
    }
    return rc;
}

static int nothing_pending(const void *arg)
{
    (void)arg;
    return !mpr_peers_pending() && !mpr_progress_busy();
}

void mpr_pt2pt_fini(void)
{
    /*
     * Control records (ACK, FIN) still queued are owed to peers that wait for them, and what a
     * transport has in flight must leave before any endpoint closes: every rank drains, then
     * all meet, then the transports close.
     */
    mpr_wait_until(nothing_pending, NULL);
    (void)mpr_boot_fence();
    mpr_progress_remove(&send_queues);
    mpr_transports_fini();
}

static int req_done(const void *arg)
{
    return mpr_request_done(arg);
}

void mpr_pt2pt_wait(struct mpr_request *req)
{
    if (!mpr_request_done(req)) {
        mpr_wait_until(req_done, req);
    }
}

struct any_args {
    struct mpr_request **reqs;
    int n;
};

static int any_done(const void *arg)
{
    const struct any_args *a = arg;

    for (int i = 0; i < a->n; i++) {
        if (a->reqs[i] && mpr_request_done(a->reqs[i])) {
            return 1;
        }
    }
    return 0;
}

void mpr_pt2pt_wait_any(struct mpr_request **reqs, int n)
{
    struct any_args a = {.reqs = reqs, .n = n};

    mpr_wait_until(any_done, &a);
}
