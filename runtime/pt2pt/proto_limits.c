#include "pt2pt/proto_limits.h"

#include "core/param.h"
#include "pt2pt/proto.h"

#include <stdint.h>

static size_t eager_limit;
static size_t coll_eager_limit;

void mpr_proto_limits_init(void)
{
    long v = mpr_param_int(MPR_P_EAGER_LIMIT);

    eager_limit = v < 0 ? 0 : (size_t)v;
    v = mpr_param_int(MPR_P_COLL_EAGER_LIMIT);
    coll_eager_limit = v < 0 ? 0 : (size_t)v;
}

size_t mpr_proto_coll_eager_limit(size_t peer_limit)
{
    return coll_eager_limit < peer_limit ? coll_eager_limit : peer_limit;
}

/* The data of an eager message and its header must fit one record. */
size_t mpr_proto_eager_limit(const struct mpr_transport *tp)
{
    size_t room = tp->max_record() - sizeof(struct mpr_msg_hdr) - sizeof(struct mpr_msg_ext_sreq);

    return eager_limit < room ? eager_limit : room;
}

size_t mpr_proto_max_fragment(const struct mpr_transport *tp)
{
    return tp->max_record() - sizeof(struct mpr_msg_hdr) - sizeof(struct mpr_msg_ext_data);
}
