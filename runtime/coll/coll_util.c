#include "coll/coll_util.h"

int mpr_coll_launch(struct mpr_sched *s, int build_rc, struct mpr_request **req)
{
    int rc;

    if (build_rc != 0) {
        mpr_sched_free(s);
        return build_rc;
    }
    if (!req) {
        return mpr_sched_run(s);
    }
    rc = mpr_sched_start(s, req);
    if (rc != 0) {
        mpr_sched_free(s);
    }
    return rc;
}
