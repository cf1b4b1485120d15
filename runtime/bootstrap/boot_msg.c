/*
 * Bootstrap wire format: encoders, the incremental decoder and payload parsers.
 *
 * Payloads are not aligned inside the decoder's buffer, so integers are read and written with
 * memcpy. Every parser checks lengths before it touches a byte: a peer that sends garbage gets
 * -MPR_ERR_PROTO, never an out-of-bounds read.
 */
#include "bootstrap/boot_msg.h"

#include <string.h>

#include "core/errcode.h"

enum { HDR_LEN = sizeof(struct mpr_boot_hdr), U32_LEN = sizeof(uint32_t) };

void mpr_boot_decoder_init(struct mpr_boot_decoder *d)
{
    d->have = 0;
    d->consumed = 0;
}

unsigned char *mpr_boot_decoder_space(struct mpr_boot_decoder *d, size_t *room)
{
    /* At most one partial message is left after consumed bytes, so this copy is bounded. */
    if (d->consumed > 0) {
        memmove(d->buf, d->buf + d->consumed, d->have - d->consumed);
        d->have -= d->consumed;
        d->consumed = 0;
    }
    *room = sizeof(d->buf) - d->have;
    return d->buf + d->have;
}

void mpr_boot_decoder_added(struct mpr_boot_decoder *d, size_t n)
{
    d->have += n;
}

int mpr_boot_decode_next(struct mpr_boot_decoder *d, struct mpr_boot_msg *msg)
{
    size_t avail = d->have - d->consumed;
    struct mpr_boot_hdr hdr;

    if (avail < HDR_LEN) {
        return 0;
    }
    memcpy(&hdr, d->buf + d->consumed, HDR_LEN);
    /* Checked before the payload arrives: a bad length must not make the caller wait forever. */
    if (hdr.type == 0 || hdr.type >= MPR_BOOT_TYPE_MAX || hdr.len > MPR_BOOT_PAYLOAD_MAX) {
        return -MPR_ERR_PROTO;
    }
    if (avail - HDR_LEN < hdr.len) {
        return 0;
    }
    msg->type = hdr.type;
    msg->len = hdr.len;
    msg->payload = d->buf + d->consumed + HDR_LEN;
    d->consumed += HDR_LEN + hdr.len;
    return 1;
}

/* Length of a valid key (1..MPR_BOOT_KEY_MAX characters), or 0 for an invalid one. */
static size_t key_length(const char *key)
{
    size_t n;

    if (key == NULL) {
        return 0;
    }
    n = strnlen(key, MPR_BOOT_KEY_MAX + 1);
    return n > MPR_BOOT_KEY_MAX ? 0 : n;
}

/* Check the sizes and write the header; the caller copies `len` payload bytes after it. */
static long put_header(uint32_t type, size_t len, void *buf, size_t cap)
{
    struct mpr_boot_hdr hdr = {.type = type, .len = (uint32_t)len};

    if (type == 0 || type >= MPR_BOOT_TYPE_MAX || len > MPR_BOOT_PAYLOAD_MAX) {
        return -MPR_ERR_ARG;
    }
    if (buf == NULL || cap < HDR_LEN + len) {
        return -MPR_ERR_TRUNCATE;
    }
    memcpy(buf, &hdr, HDR_LEN);
    return (long)(HDR_LEN + len);
}

long mpr_boot_encode(uint32_t type, const void *payload, uint32_t len, void *buf, size_t cap)
{
    long total;

    if (payload == NULL && len > 0) {
        return -MPR_ERR_ARG;
    }
    total = put_header(type, len, buf, cap);
    if (total > 0 && len > 0) {
        memcpy((unsigned char *)buf + HDR_LEN, payload, len);
    }
    return total;
}

long mpr_boot_encode_put(const char *key, const void *val, uint32_t vlen, void *buf, size_t cap)
{
    size_t klen = key_length(key);
    unsigned char *p = (unsigned char *)buf + HDR_LEN;
    long total;

    if (klen == 0 || (val == NULL && vlen > 0) || vlen > MPR_BOOT_PAYLOAD_MAX) {
        return -MPR_ERR_ARG;
    }
    total = put_header(MPR_BOOT_PUT, klen + 1 + vlen, buf, cap);
    if (total > 0) {
        memcpy(p, key, klen + 1);
        if (vlen > 0) {
            memcpy(p + klen + 1, val, vlen);
        }
    }
    return total;
}

long mpr_boot_encode_get(uint32_t rank, const char *key, void *buf, size_t cap)
{
    size_t klen = key_length(key);
    unsigned char *p = (unsigned char *)buf + HDR_LEN;
    long total;

    if (klen == 0) {
        return -MPR_ERR_ARG;
    }
    total = put_header(MPR_BOOT_GET, U32_LEN + klen + 1, buf, cap);
    if (total > 0) {
        memcpy(p, &rank, U32_LEN);
        memcpy(p + U32_LEN, key, klen + 1);
    }
    return total;
}

long mpr_boot_encode_u32(uint32_t type, uint32_t v, void *buf, size_t cap)
{
    return mpr_boot_encode(type, &v, U32_LEN, buf, cap);
}

/* A message too long for one payload is cut, not refused: the abort must reach the launcher. */
long mpr_boot_encode_abort(int32_t code, const char *why, void *buf, size_t cap)
{
    size_t wlen = why == NULL ? 0 : strnlen(why, MPR_BOOT_PAYLOAD_MAX - U32_LEN - 1);
    unsigned char *p = (unsigned char *)buf + HDR_LEN;
    long total = put_header(MPR_BOOT_ABORT, U32_LEN + wlen + 1, buf, cap);

    if (total > 0) {
        memcpy(p, &code, U32_LEN);
        if (wlen > 0) {
            memcpy(p + U32_LEN, why, wlen);
        }
        p[U32_LEN + wlen] = '\0';
    }
    return total;
}

long mpr_boot_encode_get_reply(uint32_t found, const void *val, uint32_t vlen, void *buf,
                               size_t cap)
{
    unsigned char *p = (unsigned char *)buf + HDR_LEN;
    long total;

    if (found > 1 || (val == NULL && vlen > 0) || (found == 0 && vlen > 0) ||
        vlen > MPR_BOOT_PAYLOAD_MAX - U32_LEN) {
        return -MPR_ERR_ARG;
    }
    total = put_header(MPR_BOOT_GET_REPLY, U32_LEN + vlen, buf, cap);
    if (total > 0) {
        memcpy(p, &found, U32_LEN);
        if (vlen > 0) {
            memcpy(p + U32_LEN, val, vlen);
        }
    }
    return total;
}

int mpr_boot_parse_put(const struct mpr_boot_msg *m, const char **key, const void **val,
                       uint32_t *vlen)
{
    const unsigned char *nul;
    size_t klen;

    if (m->type != MPR_BOOT_PUT || m->len == 0) {
        return -MPR_ERR_PROTO;
    }
    nul = memchr(m->payload, '\0', m->len);
    if (nul == NULL) {
        return -MPR_ERR_PROTO;
    }
    klen = (size_t)(nul - m->payload);
    if (klen == 0 || klen > MPR_BOOT_KEY_MAX) {
        return -MPR_ERR_PROTO;
    }
    *key = (const char *)m->payload;
    *val = nul + 1;
    *vlen = (uint32_t)(m->len - klen - 1);
    return 0;
}

int mpr_boot_parse_get(const struct mpr_boot_msg *m, uint32_t *rank, const char **key)
{
    const char *k;
    size_t klen;

    if (m->type != MPR_BOOT_GET || m->len < U32_LEN + 2) {
        return -MPR_ERR_PROTO;
    }
    /* The key must end exactly at the last payload byte: no trailing bytes, no missing NUL. */
    k = (const char *)m->payload + U32_LEN;
    klen = m->len - U32_LEN - 1;
    if (k[klen] != '\0' || klen > MPR_BOOT_KEY_MAX || strlen(k) != klen) {
        return -MPR_ERR_PROTO;
    }
    memcpy(rank, m->payload, U32_LEN);
    *key = k;
    return 0;
}

int mpr_boot_parse_u32(const struct mpr_boot_msg *m, uint32_t *v)
{
    if (m->len != U32_LEN) {
        return -MPR_ERR_PROTO;
    }
    memcpy(v, m->payload, U32_LEN);
    return 0;
}

/* The message may be absent (payload is just the code) or empty; `why` is "" then. */
int mpr_boot_parse_abort(const struct mpr_boot_msg *m, int32_t *code, const char **why)
{
    if (m->type != MPR_BOOT_ABORT || m->len < U32_LEN) {
        return -MPR_ERR_PROTO;
    }
    if (m->len > U32_LEN && m->payload[m->len - 1] != '\0') {
        return -MPR_ERR_PROTO;
    }
    memcpy(code, m->payload, U32_LEN);
    *why = m->len > U32_LEN ? (const char *)m->payload + U32_LEN : "";
    return 0;
}

int mpr_boot_parse_get_reply(const struct mpr_boot_msg *m, uint32_t *found, const void **val,
                             uint32_t *vlen)
{
    uint32_t f;

    if (m->type != MPR_BOOT_GET_REPLY || m->len < U32_LEN) {
        return -MPR_ERR_PROTO;
    }
    memcpy(&f, m->payload, U32_LEN);
    if (f > 1 || (f == 0 && m->len != U32_LEN)) {
        return -MPR_ERR_PROTO;
    }
    *found = f;
    *val = f ? m->payload + U32_LEN : NULL;
    *vlen = m->len - U32_LEN;
    return 0;
}
