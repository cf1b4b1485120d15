#include "comm/context.h"

#include "coll/coll.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "pt2pt/pt2pt.h"

#include <string.h>

#define WORDS (MPR_CONTEXT_SLOTS / 32)
#define GROUP_TAG_BASE 0x40000000

/* Bit set: the slot is free in this process. Slots 0 and 1 belong to the predefined comms. */
static uint32_t free_mask[WORDS];
static int mask_ready;

static void mask_init(void)
{
    memset(free_mask, 0xff, sizeof(free_mask));
    free_mask[0] &= ~3u;
    mask_ready = 1;
}

/* Take the lowest slot set in the agreed mask. */
static int take_lowest(const uint32_t *agreed, int member, uint32_t *ctx)
{
    for (int w = 0; w < WORDS; w++) {
        if (agreed[w]) {
            int bit = __builtin_ctz(agreed[w]);
            if (member) {
                free_mask[w] &= ~(1u << bit);
            }
            *ctx = 2u * (uint32_t)(w * 32 + bit);
            return 0;
        }
    }
    return -MPR_ERR_EXHAUSTED;
}

int mpr_context_alloc(struct mpr_comm *parent, int member, uint32_t *ctx)
{
    uint32_t agreed[WORDS];
    int rc;

    if (!mask_ready) {
        mask_init();
    }
    rc = mpr_coll_allreduce(free_mask, agreed, WORDS, MPI_UINT32_T, MPI_BAND, parent, NULL);
    return rc ? rc : take_lowest(agreed, member, ctx);
}

/*
 * Binomial reduce to index 0, then binomial broadcast back, over plain messages: the group is
 * not a communicator yet, so no schedule can run on it.
 */
static int group_exchange(struct mpr_comm *tmp, uint32_t *mask, int tag)
{
    uint32_t in[WORDS];
    int n = tmp->size, me = tmp->rank, rc = 0, mask_bit;
    uint32_t cctx = mpr_comm_coll_ctx(tmp);
    struct mpr_request *req;

    for (mask_bit = 1; mask_bit < n && rc == 0; mask_bit <<= 1) {
        if (me & mask_bit) {
            rc = mpr_pt2pt_isend_ctx(mask, sizeof(in), me - mask_bit, tag, tmp, cctx, &req);
            if (rc == 0) {
                mpr_pt2pt_wait(req);
                mpr_request_release(req);
            }
            break;
        }
        if (me + mask_bit < n) {
            rc = mpr_pt2pt_irecv_ctx(in, sizeof(in), me + mask_bit, tag, tmp, cctx, &req);
            if (rc == 0) {
                mpr_pt2pt_wait(req);
                mpr_request_release(req);
                for (int w = 0; w < WORDS; w++) {
                    mask[w] &= in[w];
                }
            }
        }
    }
    /* Broadcast from index 0 down the same tree. */
    for (mask_bit = 1; mask_bit < n; mask_bit <<= 1) {
        if (me & mask_bit) {
            break;
        }
    }
    if (me != 0 && rc == 0) {
        rc = mpr_pt2pt_irecv_ctx(mask, sizeof(in), me - mask_bit, tag, tmp, cctx, &req);
        if (rc == 0) {
            mpr_pt2pt_wait(req);
            mpr_request_release(req);
        }
    }
    for (mask_bit >>= 1; mask_bit > 0 && rc == 0; mask_bit >>= 1) {
        if (me + mask_bit < n) {
            rc = mpr_pt2pt_isend_ctx(mask, sizeof(in), me + mask_bit, tag, tmp, cctx, &req);
            if (rc == 0) {
                mpr_pt2pt_wait(req);
                mpr_request_release(req);
            }
        }
    }
    return rc;
}

int mpr_context_alloc_group(struct mpr_comm *parent, const int *world, int n, int me, int tag,
                            uint32_t *ctx)
{
    uint32_t agreed[WORDS];
    /* A stand-in communicator over the group, on the parent's contexts. */
    struct mpr_comm tmp = {
        .magic = MPR_COMM_MAGIC,
        .rank = me,
        .size = n,
        .context_id = parent->context_id,
        .world = world,
        .errhandler = parent->errhandler,
    };
    int rc;

    if (!mask_ready) {
        mask_init();
    }
    memcpy(agreed, free_mask, sizeof(agreed));
    /* Schedules on the parent use tags below 2^30 (coll/sched.c): stay above them. */
    rc = group_exchange(&tmp, agreed, GROUP_TAG_BASE | (tag & (GROUP_TAG_BASE - 1)));
    return rc ? rc : take_lowest(agreed, 1, ctx);
}

void mpr_context_release(uint32_t ctx)
{
    uint32_t slot = ctx / 2;

    if (slot >= 2 && slot < MPR_CONTEXT_SLOTS) {
        free_mask[slot / 32] |= 1u << (slot % 32);
    }
}
