/* Protocol switch points, per transport: from the parameter table, bounded by the transport. */
#ifndef MPR_PROTO_LIMITS_H
#define MPR_PROTO_LIMITS_H

#include "transport/transport.h"

#include <stddef.h>

/* Read MPR_EAGER_LIMIT and friends; called once at init. */
void mpr_proto_limits_init(void);
/* Largest message sent eagerly to a peer on this transport. */
size_t mpr_proto_eager_limit(const struct mpr_transport *tp);
/* Eager limit for collective traffic, at most the peer's point-to-point limit. */
size_t mpr_proto_coll_eager_limit(size_t peer_limit);
/* Largest DATA payload per record on this transport. */
size_t mpr_proto_max_fragment(const struct mpr_transport *tp);

#endif
