/*
 * Node-local allgatherv and alltoallv, and the messages that carry the blocks of a
 * v-collective too large for the slots (the protocol: shm_coll_impl.h).
 *
 * Alltoallv: a rank knows only its own send and receive counts, so the ranks cannot agree on
 * "everything fits". Instead the block from s to d is decided by its length alone, which both
 * know (s's send count for d = d's receive count from s, by the type-signature rule): it goes
 * in part d of s's slot split n ways when it fits there, else as a message. Every rank takes
 * this path; one generation per call, every rank waits for every rank's post.
 * Cost: alpha ~ one line transfer per peer; 2 m bytes copied per rank for the blocks in slots.
 */
#include "coll/shm_coll.h"

#include "coll/coll_util.h"
#include "coll/sched.h"
#include "coll/shm_coll_impl.h"
#include "comm/comm.h"
#include "core/errcode.h"

#include <string.h>

/* The call's schedule, made (drawing the tag) on its first message. */
static int sched(struct mpr_comm *comm, struct mpr_sched **s)
{
    if (!*s) {
        *s = mpr_sched_new(comm);
    }
    return *s ? 0 : -MPR_ERR_NOMEM;
}

int mpr_shm_coll_msg(struct mpr_comm *comm, int send, void *buf, size_t bytes, int peer,
                     struct mpr_sched **s)
{
    int rc = sched(comm, s);

    if (rc == 0) {
        rc = send ? mpr_sched_send(*s, buf, bytes, peer) : mpr_sched_recv(*s, buf, bytes, peer);
    }
    return rc;
}

int mpr_shm_coll_msgs_run(struct mpr_sched *s, struct mpr_comm *comm, int v, int rc)
{
    if (!s) {
        if (v) {
            comm->coll_seq++; /* the tag the ranks with messages drew for this call */
        }
        return rc;
    }
    if (rc == 0) {
        rc = mpr_sched_round(s);
    }
    return mpr_coll_launch(s, rc, NULL);
}

int mpr_shm_coll_allgatherv(const void *sbuf, void *rbuf, const struct mpr_shm_blocks *rb,
                            struct mpr_comm *comm)
{
    int me = comm->rank;
    size_t mine = mpr_shm_coll_len(rb, me);
    uint64_t g = mpr_shm_coll_next();
    char *out = rbuf;

    mpr_shm_coll_writable(comm, g, mpr_shm_coll_in_data(mine));
    if (mine) {
        memcpy(mpr_shm_coll_area(mpr_shm_coll_slot(me), g, mine),
               sbuf == MPI_IN_PLACE ? out + mpr_shm_coll_off(rb, me) : sbuf, mine);
    }
    mpr_shm_coll_post(comm, g);
    mpr_shm_coll_wait_all(comm, g);
    for (int r = 0; r < comm->size; r++) {
        size_t len = mpr_shm_coll_len(rb, r);
        if (len && (r != me || sbuf != MPI_IN_PLACE)) {
            memcpy(out + mpr_shm_coll_off(rb, r), mpr_shm_coll_area(mpr_shm_coll_slot(r), g, len),
                   len);
        }
    }
    return 0;
}

/* A block too large for its part; in place it goes from a copy, as its place receives too. */
static int send_big(struct mpr_comm *comm, const char *src, size_t len, int to, int in_place,
                    struct mpr_sched **s)
{
    void *tmp;
    int rc;

    if (!in_place) {
        return mpr_shm_coll_msg(comm, 1, (void *)src, len, to, s);
    }
    rc = sched(comm, s);
    tmp = rc == 0 ? mpr_sched_tmp(*s, len) : NULL;
    if (!tmp) {
        return -MPR_ERR_NOMEM;
    }
    memcpy(tmp, src, len);
    return mpr_shm_coll_msg(comm, 1, tmp, len, to, s);
}

/* This rank's blocks for the others: into its slot, or into messages. */
static int put_blocks(const char *in, const struct mpr_shm_blocks *sb, int in_place,
                      struct mpr_comm *comm, uint64_t g, struct mpr_sched **s)
{
    struct mpr_shm_coll_slot *mine = mpr_shm_coll_slot(comm->rank);
    int rc = 0;

    for (int d = 0; d < comm->size && rc == 0; d++) {
        size_t len = mpr_shm_coll_len(sb, d);
        if (d == comm->rank || len == 0) {
            continue;
        }
        const char *src = in + mpr_shm_coll_off(sb, d);
        unsigned char *dst = mpr_shm_coll_part(mine, g, d, comm->size, len);
        if (dst) {
            memcpy(dst, src, len);
        } else {
            rc = send_big(comm, src, len, d, in_place, s);
        }
    }
    return rc;
}

/* The others' blocks for this rank: from their slots, or receives of messages. */
static int get_blocks(char *out, const struct mpr_shm_blocks *rb, struct mpr_comm *comm, uint64_t g,
                      struct mpr_sched **s)
{
    int rc = 0;

    for (int f = 0; f < comm->size && rc == 0; f++) {
        size_t len = mpr_shm_coll_len(rb, f);
        if (f == comm->rank || len == 0) {
            continue;
        }
        char *dst = out + mpr_shm_coll_off(rb, f);
        const unsigned char *src =
            mpr_shm_coll_part(mpr_shm_coll_slot(f), g, comm->rank, comm->size, len);
        if (src) {
            memcpy(dst, src, len);
        } else {
            rc = mpr_shm_coll_msg(comm, 0, dst, len, f, s);
        }
    }
    return rc;
}

int mpr_shm_coll_alltoallv(const void *sbuf, const struct mpr_shm_blocks *sb, void *rbuf,
                           const struct mpr_shm_blocks *rb, struct mpr_comm *comm)
{
    int in_place = sbuf == MPI_IN_PLACE, me = comm->rank;
    const char *in = in_place ? rbuf : sbuf;
    uint64_t g = mpr_shm_coll_next();
    struct mpr_sched *s = NULL;
    size_t own;
    int rc;

    if (in_place) {
        sb = rb;
    }
    /* In place, every outgoing block is copied (to a slot or a scratch) before rbuf is written. */
    mpr_shm_coll_writable(comm, g, mpr_shm_coll_parts_in_data(sb, comm->size));
    rc = put_blocks(in, sb, in_place, comm, g, &s);
    mpr_shm_coll_post(comm, g);
    mpr_shm_coll_wait_all(comm, g);
    if (rc == 0) {
        rc = get_blocks(rbuf, rb, comm, g, &s);
    }
    own = mpr_shm_coll_len(rb, me);
    own = own < mpr_shm_coll_len(sb, me) ? own : mpr_shm_coll_len(sb, me);
    if (!in_place && own) {
        memcpy((char *)rbuf + mpr_shm_coll_off(rb, me), in + mpr_shm_coll_off(sb, me), own);
    }
    return mpr_shm_coll_msgs_run(s, comm, 1, rc);
}
