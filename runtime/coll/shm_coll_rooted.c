/*
 * Node-local reduce, scan, exscan, gather(v) and scatter(v) (the protocol: shm_coll_impl.h).
 * What each rank of generation g waits for:
 *   reduce, gather(v)  non-roots: writable, write their block, post g and return. The root
 *                      posts g, waits for every rank's g, then folds in rank order or copies
 *                      the blocks out.
 *   scatter(v)         the root: writable, writes every block into its slot, posts g. The others
 *                      wait for the root's g, copy their block, post g (done reading).
 *   scan, exscan       every rank writes, posts g, waits for the g of ranks 0..r (scan) or
 *                      0..r-1 (exscan) and folds their contributions in rank order.
 * Gatherv and scatterv send a block too large for the slots as a message (shm_coll_v.c).
 */
#include "coll/shm_coll.h"

#include "coll/algs.h"
#include "coll/coll_util.h"
#include "coll/shm_coll_impl.h"
#include "comm/comm.h"

#include <string.h>

/* memcpy that accepts empty blocks with no buffer behind them. */
static void copy(void *dst, const void *src, size_t bytes)
{
    if (bytes) {
        memcpy(dst, src, bytes);
    }
}

/* Write this rank's contribution of generation g; returns where it went. */
static const void *put(struct mpr_comm *comm, uint64_t g, const void *x, size_t bytes)
{
    unsigned char *dst = mpr_shm_coll_area(mpr_shm_coll_slot(comm->rank), g, bytes);

    mpr_shm_coll_writable(comm, g, mpr_shm_coll_in_data(bytes));
    copy(dst, x, bytes);
    return dst;
}

int mpr_shm_coll_reduce(const void *sbuf, void *rbuf, MPI_Count count, MPI_Datatype dt, MPI_Op op,
                        int root, struct mpr_comm *comm)
{
    struct mpr_red r = {.count = count, .dt = dt, .op = op, .bytes = mpr_coll_bytes(count, dt)};
    const void *mine = sbuf == MPI_IN_PLACE ? rbuf : sbuf;
    uint64_t g = mpr_shm_coll_next();

    /*
     * The root's input is read where it is, unless it is rbuf of a root other than 0: the fold
     * starts by overwriting rbuf with x0.
     */
    if (comm->rank != root || (sbuf == MPI_IN_PLACE && root != 0)) {
        mine = put(comm, g, mine, r.bytes);
    }
    mpr_shm_coll_post(comm, g);
    if (comm->rank != root) {
        return 0;
    }
    mpr_shm_coll_wait_all(comm, g);
    return mpr_shm_coll_fold(rbuf, comm->size, &r, g, mine, root);
}

int mpr_shm_coll_scan(const void *sbuf, void *rbuf, MPI_Count count, MPI_Datatype dt, MPI_Op op,
                      int exscan, struct mpr_comm *comm)
{
    struct mpr_red r = {.count = count, .dt = dt, .op = op, .bytes = mpr_coll_bytes(count, dt)};
    uint64_t g = mpr_shm_coll_next();
    int hi = exscan ? comm->rank : comm->rank + 1;

    /*
     * In place, rbuf is overwritten with x0 first: this rank's input is read from its slot. Only
     * the ranks below are waited for (rank 0 waits for nobody), which lets the lower ranks run
     * a call ahead in a loop.
     */
    put(comm, g, sbuf == MPI_IN_PLACE ? rbuf : sbuf, r.bytes);
    mpr_shm_coll_post(comm, g);
    mpr_shm_coll_wait_first(comm, hi, g);
    return hi > 0 ? mpr_shm_coll_fold(rbuf, hi, &r, g, NULL, -1) : 0;
}

/* The root of gather(v): its own block, then everyone's from their slots or by message. */
static int gather_root(const void *sbuf, size_t sbytes, char *rbuf, const struct mpr_shm_blocks *rb,
                       int v, struct mpr_comm *comm, uint64_t g)
{
    struct mpr_sched *s = NULL;
    int rc = 0;

    if (sbuf != MPI_IN_PLACE && sbytes) {
        memcpy(rbuf + mpr_shm_coll_off(rb, comm->rank), sbuf, sbytes);
    }
    mpr_shm_coll_post(comm, g);
    mpr_shm_coll_wait_all(comm, g);
    for (int i = 0; i < comm->size && rc == 0; i++) {
        size_t len = mpr_shm_coll_len(rb, i);
        if (i == comm->rank || len == 0) {
            continue;
        }
        if (len <= MPR_SHM_COLL_BYTES) {
            memcpy(rbuf + mpr_shm_coll_off(rb, i), mpr_shm_coll_area(mpr_shm_coll_slot(i), g, len),
                   len);
        } else {
            rc = mpr_shm_coll_msg(comm, 0, rbuf + mpr_shm_coll_off(rb, i), len, i, &s);
        }
    }
    return mpr_shm_coll_msgs_run(s, comm, v, rc);
}

int mpr_shm_coll_gather(const void *sbuf, size_t sbytes, void *rbuf,
                        const struct mpr_shm_blocks *rb, int v, int root, struct mpr_comm *comm)
{
    uint64_t g = mpr_shm_coll_next();
    struct mpr_sched *s = NULL;
    int rc = 0;

    if (comm->rank == root) {
        return gather_root(sbuf, sbytes, rbuf, rb, v, comm, g);
    }
    if (sbytes <= MPR_SHM_COLL_BYTES) {
        put(comm, g, sbuf, sbytes);
        mpr_shm_coll_post(comm, g);
    } else {
        mpr_shm_coll_post(comm, g);
        rc = mpr_shm_coll_msg(comm, 1, (void *)sbuf, sbytes, root, &s);
    }
    return mpr_shm_coll_msgs_run(s, comm, v, rc);
}

/* The root of scatter(v): every other block into its part of the slot or into a message. */
static int scatter_root(const char *sbuf, const struct mpr_shm_blocks *sb, void *rbuf,
                        size_t rbytes, int v, struct mpr_comm *comm, uint64_t g)
{
    struct mpr_shm_coll_slot *mine = mpr_shm_coll_slot(comm->rank);
    struct mpr_sched *s = NULL;
    int rc = 0;

    mpr_shm_coll_writable(comm, g, mpr_shm_coll_parts_in_data(sb, comm->size));
    for (int i = 0; i < comm->size && rc == 0; i++) {
        size_t len = mpr_shm_coll_len(sb, i);
        if (i == comm->rank || len == 0) {
            continue;
        }
        unsigned char *dst = mpr_shm_coll_part(mine, g, i, comm->size, len);
        if (dst) {
            memcpy(dst, sbuf + mpr_shm_coll_off(sb, i), len);
        } else {
            rc = mpr_shm_coll_msg(comm, 1, (void *)(sbuf + mpr_shm_coll_off(sb, i)), len, i, &s);
        }
    }
    mpr_shm_coll_post(comm, g);
    if (rbuf != MPI_IN_PLACE && rbytes) {
        memcpy(rbuf, sbuf + mpr_shm_coll_off(sb, comm->rank), rbytes);
    }
    return mpr_shm_coll_msgs_run(s, comm, v, rc);
}

int mpr_shm_coll_scatter(const void *sbuf, const struct mpr_shm_blocks *sb, void *rbuf,
                         size_t rbytes, int v, int root, struct mpr_comm *comm)
{
    uint64_t g = mpr_shm_coll_next();
    struct mpr_sched *s = NULL;
    unsigned char *src;
    int rc = 0;

    if (comm->rank == root) {
        return scatter_root(sbuf, sb, rbuf, rbytes, v, comm, g);
    }
    src = mpr_shm_coll_part(mpr_shm_coll_slot(root), g, comm->rank, comm->size, rbytes);
    if (src && rbytes) {
        mpr_shm_coll_wait_rank(root, g);
        memcpy(rbuf, src, rbytes);
    } else if (!src) {
        rc = mpr_shm_coll_msg(comm, 0, rbuf, rbytes, root, &s);
    }
    mpr_shm_coll_post(comm, g); /* done reading (an empty block reads nothing) */
    return mpr_shm_coll_msgs_run(s, comm, v, rc);
}
