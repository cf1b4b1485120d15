#include "coll/shm_coll.h"

#include "comm/comm.h"
#include "core/errcode.h"
#include "core/wait.h"
#include "op/op.h"
#include "transport/shm/shm.h"
#include "transport/shm/shm_segment.h"

#include <stdint.h>
#include <string.h>

/* Generations used so far: every rank runs the node-local collectives in the same order. */
static uint64_t generation;

int mpr_shm_coll_usable(const struct mpr_comm *comm)
{
    return comm == MPI_COMM_WORLD && comm->size > 1 && mpr_shm_segment() != NULL;
}

size_t mpr_shm_coll_max_bytes(void)
{
    return MPR_SHM_COLL_BYTES;
}

static struct mpr_shm_coll_slot *slot(int rank)
{
    return mpr_seg_coll(mpr_shm_segment(), (uint32_t)rank);
}

/* Where this rank's contribution of `bytes` goes in generation g. */
static unsigned char *area(struct mpr_shm_coll_slot *s, uint64_t g, size_t bytes)
{
    return bytes <= MPR_SHM_COLL_INLINE ? s->line[g & 1].inline_data : s->data[g & 1];
}

struct gen_wait {
    int n;
    uint64_t g;
};

static int all_posted(const void *arg)
{
    const struct gen_wait *w = arg;

    for (int r = 0; r < w->n; r++) {
        if (atomic_load_explicit(&slot(r)->line[w->g & 1].posted, memory_order_acquire) < w->g) {
            return 0;
        }
    }
    return 1;
}

/* Post generation g (the contribution is written) and wait for everyone else's. */
static void post_and_wait(struct mpr_comm *comm, uint64_t g)
{
    struct gen_wait w = {.n = comm->size, .g = g};

    /* Publishes this rank's contribution for generation g to the others' acquire-loads. */
    atomic_store_explicit(&slot(comm->rank)->line[g & 1].posted, g, memory_order_release);
    for (int r = 0; r < comm->size; r++) {
        if (r != comm->rank) {
            mpr_shm_wake(r);
        }
    }
    if (!all_posted(&w)) {
        mpr_wait_until(all_posted, &w);
    }
}

int mpr_shm_coll_barrier(struct mpr_comm *comm)
{
    post_and_wait(comm, ++generation);
    return 0;
}

int mpr_shm_coll_allreduce(const void *sbuf, void *rbuf, MPI_Count count, MPI_Datatype dt,
                           MPI_Op op, struct mpr_comm *comm)
{
    size_t bytes = (size_t)count * (size_t)dt->extent;
    uint64_t g = ++generation;
    unsigned char tmp[MPR_SHM_COLL_INLINE];

    memcpy(area(slot(comm->rank), g, bytes), sbuf == MPI_IN_PLACE ? rbuf : sbuf, bytes);
    post_and_wait(comm, g);
    /* rbuf = x0 op x1 op ... op x(n-1), the same order on every rank. */
    memcpy(rbuf, area(slot(0), g, bytes), bytes);
    for (int r = 1; r < comm->size; r++) {
        const unsigned char *x = area(slot(r), g, bytes);
        if (op->commutative) {
            mpr_op_apply(op, x, rbuf, count, dt); /* x op acc = acc op x bitwise (IEEE) */
        } else if (bytes <= sizeof(tmp)) {
            memcpy(tmp, x, bytes);
            mpr_op_apply(op, rbuf, tmp, count, dt); /* tmp = acc op x */
            memcpy(rbuf, tmp, bytes);
        } else {
            return -MPR_ERR_ARG; /* the caller keeps non-commutative ops above inline size off */
        }
    }
    return 0;
}

int mpr_shm_coll_bcast(void *buf, size_t bytes, int root, struct mpr_comm *comm)
{
    uint64_t g = ++generation;

    if (comm->rank == root) {
        memcpy(area(slot(root), g, bytes), buf, bytes);
    }
    post_and_wait(comm, g);
    if (comm->rank != root) {
        memcpy(buf, area(slot(root), g, bytes), bytes);
    }
    return 0;
}
