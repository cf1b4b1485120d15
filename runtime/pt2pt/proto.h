/*
 * The point-to-point wire protocol: what a transport carries between two ranks. Every record is
 * a 24-byte header, a kind-specific extension, then payload bytes (EAGER* and DATA only).
 * An 8-byte eager message is 8 (ring prefix) + 24 + 8 = 40 bytes: one cache line.
 *
 *   EAGER       hdr, payload                     the whole message
 *   EAGER_SYNC  hdr, ext_sreq, payload           the whole message; the receiver ACKs on match
 *   RTS         hdr, ext_rts                     large message: the receiver gets the data through
 *                                                the transport (the descriptor) and FINs, or
 *                                                answers CTS when it cannot be read that way
 *   ACK         hdr, ext_sreq                    an EAGER_SYNC matched: the Ssend may complete
 *   FIN         hdr, ext_sreq                    the receiver has the data: the send is done
 *   CTS         hdr, ext_cts                     send the data of sreq as DATA records to rreq
 *   DATA        hdr, ext_data, payload           a fragment at `offset` of the message to rreq
 *
 * How the data of a rendezvous moves (CMA, fi_read, split copies) is the transport's business:
 * pt2pt sees only the opaque descriptor of transport.h. CTS/DATA, the fallback, is pt2pt's own,
 * since it also carries data packed as it leaves (derived datatypes).
 *
 * hdr.ctx/src/tag/size describe the message (src = the sender's rank in the communicator);
 * control records (ACK, FIN, CTS, DATA) carry them unused except size.
 */
#ifndef MPR_PROTO_H
#define MPR_PROTO_H

#include "transport/transport.h"

#include <stddef.h>
#include <stdint.h>

enum mpr_msg_kind {
    MPR_MSG_EAGER = 1,
    MPR_MSG_EAGER_SYNC,
    MPR_MSG_RTS,
    MPR_MSG_ACK,
    MPR_MSG_FIN,
    MPR_MSG_CTS,
    MPR_MSG_DATA,
    MPR_MSG_KIND_MAX
};

struct mpr_msg_hdr {
    uint8_t kind;
    uint8_t sync; /* RTS of an Ssend (always synchronous anyway; kept for tracing) */
    uint16_t reserved;
    uint32_t ctx; /* context id of the communicator */
    int32_t src;  /* sender's rank in that communicator */
    int32_t tag;
    uint64_t size; /* bytes of the whole message */
};
_Static_assert(sizeof(struct mpr_msg_hdr) == 24, "message header is 24 bytes on the wire");
_Static_assert(MPR_MSG_KIND_MAX <= MPR_TP_KIND_PRIVATE,
               "record kinds stay below the transports' own");

struct mpr_msg_ext_sreq {
    uint64_t sreq; /* the sender's request, opaque to the receiver */
};

struct mpr_msg_ext_rts {
    uint64_t sreq;
    struct mpr_tp_desc desc; /* how to read the data (desc.addr 0: it will be streamed) */
};

struct mpr_msg_ext_cts {
    uint64_t sreq;
    uint64_t rreq; /* the receiver's request, echoed in every DATA record */
};

struct mpr_msg_ext_data {
    uint64_t rreq;
    uint64_t offset;
};

_Static_assert(sizeof(struct mpr_msg_ext_rts) == 32 && sizeof(struct mpr_msg_ext_cts) == 16 &&
                   sizeof(struct mpr_msg_ext_data) == 16 && sizeof(struct mpr_msg_ext_sreq) == 8,
               "protocol extensions have fixed sizes");

/* Bytes of header + extension for each kind: where the payload starts. */
static inline size_t mpr_msg_headlen(unsigned kind)
{
    switch (kind) {
    case MPR_MSG_EAGER:
        return sizeof(struct mpr_msg_hdr);
    case MPR_MSG_EAGER_SYNC:
    case MPR_MSG_ACK:
    case MPR_MSG_FIN:
        return sizeof(struct mpr_msg_hdr) + sizeof(struct mpr_msg_ext_sreq);
    case MPR_MSG_RTS:
        return sizeof(struct mpr_msg_hdr) + sizeof(struct mpr_msg_ext_rts);
    default: /* CTS, DATA */
        return sizeof(struct mpr_msg_hdr) + sizeof(struct mpr_msg_ext_data);
    }
}

#endif
