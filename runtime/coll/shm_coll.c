#include "coll/shm_coll.h"

#include "coll/algs.h"
#include "coll/coll_util.h"
#include "coll/shm_coll_impl.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "core/state.h"
#include "core/wait.h"
#include "op/op.h"
#include "transport/shm/shm.h"
#include "transport/shm/shm_segment.h"

#include <stdint.h>
#include <string.h>

/* Generations used so far: every rank runs the node-local collectives in the same order. */
static uint64_t generation;
/* Every rank has posted at least this generation (posted values only grow, so it stays true). */
static uint64_t seen_all;

/*
 * Slots are indexed by communicator rank, which is the local rank only when every rank of the
 * job is on this node, in world order: a job over several nodes takes the point-to-point paths
 * until the node-aware collectives come.
 */
int mpr_shm_coll_usable(const struct mpr_comm *comm)
{
    return (comm == MPI_COMM_WORLD || comm->world_order) && comm->size > 1 &&
           mpr_state.local_size == mpr_state.size && mpr_shm_segment() != NULL;
}

size_t mpr_shm_coll_max_bytes(void)
{
    return MPR_SHM_COLL_BYTES;
}

/* Commutative ops fold in place; the others need a copy of the accumulator per step (fold). */
int mpr_shm_coll_red_usable(const struct mpr_comm *comm, size_t bytes, MPI_Op op)
{
    return mpr_shm_coll_usable(comm) && bytes <= MPR_SHM_COLL_BYTES &&
           (op->commutative || bytes <= MPR_SHM_COLL_INLINE);
}

uint64_t mpr_shm_coll_next(void)
{
    return ++generation;
}

struct mpr_shm_coll_slot *mpr_shm_coll_slot(int rank)
{
    return mpr_seg_coll(mpr_shm_segment(), (uint32_t)rank);
}

size_t mpr_shm_coll_part_max(int n)
{
    size_t part = MPR_SHM_COLL_BYTES / (size_t)n;

    /* Parts start on a cache line when they are that large, else on a word. */
    return part >= MPR_CACHELINE ? part & ~(size_t)(MPR_CACHELINE - 1) : part & ~(size_t)7;
}

unsigned char *mpr_shm_coll_part(struct mpr_shm_coll_slot *s, uint64_t g, int i, int n, size_t len)
{
    size_t in = MPR_SHM_COLL_INLINE / (size_t)n, part = mpr_shm_coll_part_max(n);

    if (len <= in) {
        return s->line[g % MPR_SHM_COLL_LINES].inline_data + (size_t)i * in;
    }
    return len <= part ? s->data[g % MPR_SHM_COLL_AREAS] + (size_t)i * part : NULL;
}

int mpr_shm_coll_parts_in_data(const struct mpr_shm_blocks *b, int n)
{
    for (int i = 0; i < n; i++) {
        if (mpr_shm_coll_len(b, i) > MPR_SHM_COLL_INLINE / (size_t)n) {
            return 1;
        }
    }
    return 0;
}

static struct mpr_shm_coll_slot *slot(int rank)
{
    return mpr_shm_coll_slot(rank);
}

static unsigned char *area(struct mpr_shm_coll_slot *s, uint64_t g, size_t bytes)
{
    return mpr_shm_coll_area(s, g, bytes);
}

struct gen_wait {
    int n;
    uint64_t g;
};

static int all_posted(const void *arg)
{
    const struct gen_wait *w = arg;

    for (int r = 0; r < w->n; r++) {
        if (atomic_load_explicit(&slot(r)->line[w->g % MPR_SHM_COLL_LINES].posted,
                                 memory_order_acquire) < w->g) {
            return 0;
        }
    }
    return 1;
}

void mpr_shm_coll_wait_first(struct mpr_comm *comm, int hi, uint64_t g)
{
    struct gen_wait w = {.n = hi, .g = g};

    if (g <= seen_all) {
        return;
    }
    if (!all_posted(&w)) {
        mpr_wait_until(all_posted, &w);
    }
    if (hi == comm->size) {
        seen_all = g;
    }
}

void mpr_shm_coll_wait_all(struct mpr_comm *comm, uint64_t g)
{
    mpr_shm_coll_wait_first(comm, comm->size, g);
}

/*
 * The generation needed is g - depth + 1; when that is not known to be posted yet, look whether
 * everyone already posted the one half a depth later: when the others keep up (a dedicated core
 * each), one probe of their lines then covers the next depth / 2 calls instead of one.
 */
void mpr_shm_coll_writable(struct mpr_comm *comm, uint64_t g, int in_data)
{
    uint64_t depth = in_data ? MPR_SHM_COLL_AREAS : MPR_SHM_COLL_LINES;
    struct gen_wait ahead = {.n = comm->size, .g = g - depth / 2};

    if (g < depth || g - depth + 1 <= seen_all) {
        return;
    }
    if (all_posted(&ahead)) {
        seen_all = ahead.g;
        return;
    }
    mpr_shm_coll_wait_all(comm, g - depth + 1);
}

struct rank_wait {
    int rank;
    uint64_t g;
};

static int rank_posted(const void *arg)
{
    const struct rank_wait *w = arg;

    return atomic_load_explicit(&slot(w->rank)->line[w->g % MPR_SHM_COLL_LINES].posted,
                                memory_order_acquire) >= w->g;
}

void mpr_shm_coll_wait_rank(int rank, uint64_t g)
{
    struct rank_wait w = {.rank = rank, .g = g};

    if (!rank_posted(&w)) {
        mpr_wait_until(rank_posted, &w);
    }
}

void mpr_shm_coll_post(struct mpr_comm *comm, uint64_t g)
{
    /* Publishes this rank's contribution to g and that it is done reading g - 1. */
    atomic_store_explicit(&slot(comm->rank)->line[g % MPR_SHM_COLL_LINES].posted, g,
                          memory_order_release);
    for (int r = 0; r < comm->size; r++) {
        if (r != comm->rank) {
            mpr_shm_wake(r);
        }
    }
}

/* Post generation g (the contribution is written) and wait for everyone else's. */
static void post_and_wait(struct mpr_comm *comm, uint64_t g)
{
    mpr_shm_coll_post(comm, g);
    mpr_shm_coll_wait_all(comm, g);
}

int mpr_shm_coll_fold(void *acc, int hi, const struct mpr_red *r, uint64_t g, const void *own,
                      int own_rank)
{
    unsigned char tmp[MPR_SHM_COLL_INLINE];
    const void *x0 = own_rank == 0 ? own : area(slot(0), g, r->bytes);

    if (x0 != acc) {
        memcpy(acc, x0, r->bytes);
    }
    for (int i = 1; i < hi; i++) {
        const void *x = i == own_rank ? own : area(slot(i), g, r->bytes);
        if (r->op->commutative) {
            mpr_op_apply(r->op, x, acc, r->count, r->dt); /* x op acc = acc op x bitwise (IEEE) */
        } else if (r->bytes <= sizeof(tmp)) {
            memcpy(tmp, x, r->bytes);
            mpr_op_apply(r->op, acc, tmp, r->count, r->dt); /* tmp = acc op x */
            memcpy(acc, tmp, r->bytes);
        } else {
            return -MPR_ERR_ARG; /* the caller keeps non-commutative ops above inline size off */
        }
    }
    return 0;
}

int mpr_shm_coll_barrier(struct mpr_comm *comm)
{
    post_and_wait(comm, mpr_shm_coll_next());
    return 0;
}

int mpr_shm_coll_allreduce(const void *sbuf, void *rbuf, MPI_Count count, MPI_Datatype dt,
                           MPI_Op op, struct mpr_comm *comm)
{
    struct mpr_red r = {.count = count, .dt = dt, .op = op, .bytes = mpr_coll_bytes(count, dt)};
    uint64_t g = mpr_shm_coll_next();

    mpr_shm_coll_writable(comm, g, mpr_shm_coll_in_data(r.bytes));
    memcpy(area(slot(comm->rank), g, r.bytes), sbuf == MPI_IN_PLACE ? rbuf : sbuf, r.bytes);
    post_and_wait(comm, g);
    return mpr_shm_coll_fold(rbuf, comm->size, &r, g, NULL, -1);
}

/*
 * One generation per chunk of MPR_SHM_COLL_BYTES. The root does not wait for the readers: it
 * writes a line or area only once every rank has posted the generation after its last use
 * (mpr_shm_coll_writable), so it runs up to LINES - 1 small or AREAS - 1 chunked calls ahead.
 * Readers post after reading.
 */
int mpr_shm_coll_bcast(void *buf, size_t bytes, int root, struct mpr_comm *comm)
{
    size_t off = 0;

    do {
        size_t len = bytes - off < MPR_SHM_COLL_BYTES ? bytes - off : MPR_SHM_COLL_BYTES;
        uint64_t g = mpr_shm_coll_next();
        if (comm->rank == root) {
            mpr_shm_coll_writable(comm, g, mpr_shm_coll_in_data(len));
            memcpy(area(slot(root), g, len), (char *)buf + off, len);
            mpr_shm_coll_post(comm, g);
        } else {
            mpr_shm_coll_wait_rank(root, g);
            memcpy((char *)buf + off, area(slot(root), g, len), len);
            mpr_shm_coll_post(comm, g);
        }
        off += len;
    } while (off < bytes);
    return 0;
}

int mpr_shm_coll_allgather(const void *sbuf, void *rbuf, size_t block, struct mpr_comm *comm)
{
    uint64_t g = mpr_shm_coll_next();
    char *out = rbuf;

    mpr_shm_coll_writable(comm, g, mpr_shm_coll_in_data(block));
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
    uint64_t g = mpr_shm_coll_next();
    char *out = rbuf;

    /* The whole send buffer goes out, so in place is simple: rbuf is copied before it is read. */
    mpr_shm_coll_writable(comm, g, mpr_shm_coll_in_data(all));
    memcpy(area(slot(comm->rank), g, all), sbuf == MPI_IN_PLACE ? rbuf : sbuf, all);
    post_and_wait(comm, g);
    for (int r = 0; r < comm->size; r++) {
        memcpy(out + (size_t)r * block, area(slot(r), g, all) + (size_t)comm->rank * block, block);
    }
    return 0;
}

int mpr_shm_coll_reduce_scatter(const void *sbuf, void *rbuf, MPI_Count first, MPI_Count count,
                                MPI_Count total, MPI_Datatype dt, MPI_Op op, struct mpr_comm *comm)
{
    size_t ext = (size_t)dt->extent, all = (size_t)total * ext, off = (size_t)first * ext;
    uint64_t g = mpr_shm_coll_next();

    mpr_shm_coll_writable(comm, g, mpr_shm_coll_in_data(all));
    memcpy(area(slot(comm->rank), g, all), sbuf == MPI_IN_PLACE ? rbuf : sbuf, all);
    if (count == 0) {
        mpr_shm_coll_post(comm, g); /* an empty block needs nobody's input: no wait */
        return 0;
    }
    post_and_wait(comm, g);
    /* Block = x0 op x1 op ... op x(n-1) over this rank's part, the same order for any layout. */
    memcpy(rbuf, area(slot(0), g, all) + off, (size_t)count * ext);
    for (int r = 1; r < comm->size; r++) {
        mpr_op_apply(op, area(slot(r), g, all) + off, rbuf, count, dt);
    }
    return 0;
}
