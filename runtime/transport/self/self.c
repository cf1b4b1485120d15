/*
 * The self transport: a rank sending to itself. The reference implementation of the transport
 * interface: delivery is a direct upcall, pulling is memcpy, there is never "no room".
 */
#include "transport/transport_table.h"

#include <stdint.h>
#include <string.h>

static int self_send(int peer, const void *head, size_t headlen, const void *payload, size_t len)
{
    mpr_pt2pt_incoming(peer, head, headlen, payload, len);
    return 0;
}

static int self_pull(int peer, void *dst, uint64_t addr, size_t len)
{
    (void)peer;
    memmove(dst, (const void *)(uintptr_t)addr, len);
    return 0;
}

static int self_push(int peer, uint64_t addr, const void *src, size_t len)
{
    (void)peer;
    memmove((void *)(uintptr_t)addr, src, len);
    return 0;
}

static int self_can_pull(int peer)
{
    (void)peer;
    return 1;
}

static size_t self_max_record(void)
{
    return SIZE_MAX / 2;
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
    .max_record = self_max_record,
    .send = self_send,
    .pull = self_pull,
    .push = self_push,
    .can_pull = self_can_pull,
    .progress = self_progress,
    .fini = self_fini,
};
