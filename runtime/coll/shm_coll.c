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

static void post(struct mpr_comm *comm, uint64_t g);
static void wait_all(struct mpr_comm *comm, uint64_t g);

/* Post generation g (the contribution is written) and wait for everyone else's. */
static void post_and_wait(struct mpr_comm *comm, uint64_t g)
{
    post(comm, g);
    wait_all(comm, g);
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

/* Wait until every rank has posted generation g (root-only writers check g - 1 first). */
static void wait_all(struct mpr_comm *comm, uint64_t g)
{
    struct gen_wait w = {.n = comm->size, .g = g};

    if (g > 0 && !all_posted(&w)) {
        mpr_wait_until(all_posted, &w);
    }
}

struct root_wait {
    int root;
    uint64_t g;
};

static int root_posted(const void *arg)
{
    const struct root_wait *w = arg;

    return atomic_load_explicit(&slot(w->root)->line[w->g & 1].posted, memory_order_acquire) >=
           w->g;
}

static void post(struct mpr_comm *comm, uint64_t g)
{
    /* Publishes this rank's contribution (or its being done reading) for generation g. */
    atomic_store_explicit(&slot(comm->rank)->line[g & 1].posted, g, memory_order_release);
    for (int r = 0; r < comm->size; r++) {
        if (r != comm->rank) {
            mpr_shm_wake(r);
        }
    }
}

/*
 * One generation per chunk of MPR_SHM_COLL_BYTES. The root does not wait for the readers: it
 * writes parity p of generation g only once every rank has posted g - 1, which each does after
 * it finished reading g - 2 (the last use of parity p). Readers post after reading.
 */
int mpr_shm_coll_bcast(void *buf, size_t bytes, int root, struct mpr_comm *comm)
{
    size_t off = 0;

    do {
        size_t len = bytes - off < MPR_SHM_COLL_BYTES ? bytes - off : MPR_SHM_COLL_BYTES;
        uint64_t g = ++generation;
        if (comm->rank == root) {
            wait_all(comm, g - 1);
            memcpy(area(slot(root), g, len), (char *)buf + off, len);
            post(comm, g);
        } else {
            struct root_wait w = {.root = root, .g = g};
            if (!root_posted(&w)) {
                mpr_wait_until(root_posted, &w);
            }
            memcpy((char *)buf + off, area(slot(root), g, len), len);
            post(comm, g);
        }
        off += len;
    } while (off < bytes);
    return 0;
}

int mpr_shm_coll_allgather(const void *sbuf, void *rbuf, size_t block, struct mpr_comm *comm)
{
    uint64_t g = ++generation;
    char *out = rbuf;

    memcpy(area(slot(comm->rank), g, block),
           sbuf == MPI_IN_PLACE ? out + (size_t)comm->rank * block : sbuf, block);
    post_and_wait(comm, g);
    for (int r = 0; r < comm->size; r++) {
        if (r != comm->rank || sbuf != MPI_IN_PLACE) {
            memcpy(out + (size_t)r * block, area(slot(r), g, block), block);
        }
    }
    return 0;
}

int mpr_shm_coll_alltoall(const void *sbuf, void *rbuf, size_t block, struct mpr_comm *comm)
{
    size_t all = block * (size_t)comm->size;
    uint64_t g = ++generation;
    char *out = rbuf;

    /* The whole send buffer goes out, so in place is simple: rbuf is copied before it is read. */
    memcpy(area(slot(comm->rank), g, all), sbuf == MPI_IN_PLACE ? rbuf : sbuf, all);
    post_and_wait(comm, g);
    for (int r = 0; r < comm->size; r++) {
        memcpy(out + (size_t)r * block, area(slot(r), g, all) + (size_t)comm->rank * block, block);
    }
    return 0;
}

int mpr_shm_coll_reduce_scatter(const void *sbuf, void *rbuf, MPI_Count first, MPI_Count count,
                                MPI_Count total, MPI_Datatype dt, MPI_Op op,
                                struct mpr_comm *comm)
{
    size_t ext = (size_t)dt->extent, all = (size_t)total * ext, off = (size_t)first * ext;
    uint64_t g = ++generation;

    memcpy(area(slot(comm->rank), g, all), sbuf == MPI_IN_PLACE ? rbuf : sbuf, all);
    post_and_wait(comm, g);
    /* Block = x0 op x1 op ... op x(n-1) over this rank's part, the same order for any layout. */
    memcpy(rbuf, area(slot(0), g, all) + off, (size_t)count * ext);
    for (int r = 1; r < comm->size; r++) {
        mpr_op_apply(op, area(slot(r), g, all) + off, rbuf, count, dt);
    }
    return 0;
}
