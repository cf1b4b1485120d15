/* The progress engine and the blocking waits of point-to-point. */
#include "pt2pt/pt2pt.h"

#include "coll/sched.h"
#include "core/wait.h"
#include "pt2pt/peer.h"
#include "pt2pt/proto_limits.h"
#include "transport/transport_table.h"

int mpr_pt2pt_init(void)
{
    mpr_proto_limits_init();
    mpr_wait_init();
    return mpr_transports_init();
}

static int nothing_pending(const void *arg)
{
    (void)arg;
    return !mpr_peers_pending();
}

void mpr_pt2pt_fini(void)
{
    /* Control records (ACK, FIN) still queued are owed to peers that wait for them. */
    mpr_wait_until(nothing_pending, NULL);
    mpr_transports_fini();
}

int mpr_progress(void)
{
    int events = mpr_transports_progress();

    if (mpr_peers_pending()) {
        events += mpr_peers_push();
    }
    if (mpr_sched_nactive) {
        events += mpr_sched_progress();
    }
    return events;
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
