/*
 * Bootstrap wire format, shared by the runtime (client) and mplaunch (server).
 *
 * Every message is a fixed 8-byte header followed by `len` payload bytes, over the stream socket
 * whose fd a rank finds in MPR_BOOT_FD. Integers are host order: both ends are on one host (a
 * remote agent relays, it never forwards raw bytes across machines of another byte order).
 *
 *   PUT        rank -> server   key '\0' value          store (this rank, key) = value
 *   FENCE      rank -> server   -                       collective over all ranks of the job
 *   FENCE_DONE server -> rank   -                       every PUT before every FENCE is visible
 *   GET        rank -> server   u32 rank, key           look up (rank, key)
 *   GET_REPLY  server -> rank   u32 found, value
 *   STATE      rank -> server   u32 enum mpr_boot_state
 *   ABORT      rank -> server   i32 code, message       the server ends the job with `code`
 */
#ifndef MPR_BOOT_MSG_H
#define MPR_BOOT_MSG_H

#include <stddef.h>
#include <stdint.h>

enum mpr_boot_type {
    MPR_BOOT_PUT = 1,
    MPR_BOOT_FENCE,
    MPR_BOOT_FENCE_DONE,
    MPR_BOOT_GET,
    MPR_BOOT_GET_REPLY,
    MPR_BOOT_STATE,
    MPR_BOOT_ABORT,
    MPR_BOOT_TYPE_MAX
};

enum mpr_boot_state {
    MPR_BOOT_STATE_INIT = 1,  /* MPI_Init started */
    MPR_BOOT_STATE_FINALIZED, /* MPI_Finalize completed: exiting now is normal */
    MPR_BOOT_STATE_MAX
};

#define MPR_BOOT_KEY_MAX 64
#define MPR_BOOT_PAYLOAD_MAX 65536u

struct mpr_boot_hdr {
    uint32_t type;
    uint32_t len; /* payload bytes after the header */
};
_Static_assert(sizeof(struct mpr_boot_hdr) == 8, "bootstrap header is 8 bytes on the wire");

/* A decoded message; `payload` points into the decoder's buffer until the next call. */
struct mpr_boot_msg {
    uint32_t type;
    uint32_t len;
    const unsigned char *payload;
};

/* Incremental decoder for a nonblocking reader: append bytes, then take whole messages. */
struct mpr_boot_decoder {
    unsigned char buf[sizeof(struct mpr_boot_hdr) + MPR_BOOT_PAYLOAD_MAX];
    size_t have;     /* bytes in buf */
    size_t consumed; /* bytes of buf already returned as messages */
};

void mpr_boot_decoder_init(struct mpr_boot_decoder *d);
/* Where and how much the caller may read() into next. Compacts consumed bytes first. */
unsigned char *mpr_boot_decoder_space(struct mpr_boot_decoder *d, size_t *room);
void mpr_boot_decoder_added(struct mpr_boot_decoder *d, size_t n);
/*
 * Take the next whole message: returns 1 and fills *msg, 0 when more bytes are needed,
 * or -MPR_ERR_PROTO for a bad type or an oversized length (the stream cannot be trusted after).
 */
int mpr_boot_decode_next(struct mpr_boot_decoder *d, struct mpr_boot_msg *msg);

/*
 * Encoders write header + payload into buf (cap bytes) and return the total length, or
 * -MPR_ERR_TRUNCATE when it does not fit, -MPR_ERR_ARG for a key longer than MPR_BOOT_KEY_MAX
 * or containing no characters.
 * Also -MPR_ERR_ARG for a type outside 1..MPR_BOOT_TYPE_MAX-1, a payload over MPR_BOOT_PAYLOAD_MAX
 * or NULL data with a nonzero length. An ABORT message too long for one payload is cut to fit
 * (the abort itself must get through).
 */
long mpr_boot_encode(uint32_t type, const void *payload, uint32_t len, void *buf, size_t cap);
long mpr_boot_encode_put(const char *key, const void *val, uint32_t vlen, void *buf, size_t cap);
long mpr_boot_encode_get(uint32_t rank, const char *key, void *buf, size_t cap);
long mpr_boot_encode_u32(uint32_t type, uint32_t v, void *buf, size_t cap);
long mpr_boot_encode_abort(int32_t code, const char *why, void *buf, size_t cap);
/* GET_REPLY: found is 1 with the value, or 0 with no value (val NULL, vlen 0). */
long mpr_boot_encode_get_reply(uint32_t found, const void *val, uint32_t vlen, void *buf,
                               size_t cap);

/* Payload parsers: return 0 and set the outputs, or -MPR_ERR_PROTO. */
int mpr_boot_parse_put(const struct mpr_boot_msg *m, const char **key, const void **val,
                       uint32_t *vlen);
int mpr_boot_parse_get(const struct mpr_boot_msg *m, uint32_t *rank, const char **key);
int mpr_boot_parse_u32(const struct mpr_boot_msg *m, uint32_t *v);
int mpr_boot_parse_abort(const struct mpr_boot_msg *m, int32_t *code, const char **why);
int mpr_boot_parse_get_reply(const struct mpr_boot_msg *m, uint32_t *found, const void **val,
                             uint32_t *vlen);

#endif
