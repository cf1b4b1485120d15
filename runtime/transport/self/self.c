/*
 * The self transport: a rank sending to itself. The reference implementation of the interface:
 * delivery is a direct upcall, a get is memmove, there is never "no room".
 */
#include "transport/transport_table.h"

#include "core/errcode.h"
#include "core/state.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Records up to this size are put together on the stack, larger ones on the heap. */
#define SELF_STACK 256

static int self_init(void)
{
    return 0;
}

static int self_up(void)
{
    return 1;
}

static int self_reaches(int peer)
{
    return peer == mpr_state.rank;
}

static int self_send(int peer, const void *head, size_t headlen, const void *payload, size_t len)
{
    unsigned char small[SELF_STACK];
    unsigned char *rec = headlen + len <= sizeof(small) ? small : malloc(headlen + len);

    /* A record is one piece of memory (transport.h); the upcall may send to self again. */
    if (!rec) {
        return -MPR_ERR_AGAIN;
    }
    memcpy(rec, head, headlen);
    if (len) {
        memcpy(rec + headlen, payload, len);
    }
    mpr_pt2pt_incoming(peer, rec, headlen + len);
    if (rec != small) {
        free(rec);
    }
    return 0;
}

static int self_expose(int peer, const void *buf, size_t len, struct mpr_tp_desc *desc,
                       void **handle)
{
    (void)peer;
    (void)len;
    *desc = (struct mpr_tp_desc){.addr = (uint64_t)(uintptr_t)buf};
    *handle = NULL;
    return 0;
}

static void self_unexpose(void *handle)
{
    (void)handle;
}

static int self_get(int peer, void *dst, size_t len, const struct mpr_tp_desc *desc, void *ctx)
{
    (void)peer;
    memmove(dst, (const void *)(uintptr_t)desc->addr, len);
    mpr_pt2pt_get_done(ctx);
    return 0;
}

static size_t self_max_record(void)
{
    return SIZE_MAX / 2; /* the eager limit alone decides */
}

static int self_progress(void)
{
    return 0;
}

static void self_fini(void)
{
}

const struct mpr_transport mpr_transport_self = {
    .name = "self",
    .init = self_init,
    .up = self_up,
    .reaches = self_reaches,
    .max_record = self_max_record,
    .send = self_send,
    .expose = self_expose,
    .unexpose = self_unexpose,
    .get = self_get,
    .progress = self_progress,
    .fini = self_fini,
};
