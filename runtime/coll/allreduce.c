/* MPI_Allreduce / MPI_Iallreduce: algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "comm/comm.h"
#include "coll/shm_coll.h"
#include "core/errcode.h"
#include "transport/shm/shm_segment.h"
#include "op/op.h"

#include <stdint.h>

enum { SHM, RECURSIVE_DOUBLING, RING, NALGS };

static const char *const names[NALGS] = {"shm", "recursive_doubling", "ring"};

/*
 * Ring from these many bytes, recursive doubling below (docs/performance.md, switch points).
 * 2 ranks: ring from 4 KiB (16 KiB 2.7 against 3.1 us, 1 MiB 137 against 162). More ranks with
 * a core each: 64 KiB, the textbook rule (ring has 2 (n - 1) rounds; not measurable on 2 cores).
 * Oversubscribed, each round may cost a context switch: recursive doubling on a power of two at
 * every size (4 ranks: 4 KiB 10.7 against 18.9 us, 64 KiB 85 against 110), the ring from 1 KiB
 * otherwise (3 ranks: 64 KiB 109 against 139 us; recursive doubling needs extra rounds there).
 */
#define ALLREDUCE_RING_2 (4u * 1024)
#define ALLREDUCE_LARGE (64u * 1024)
#define ALLREDUCE_OVERSUB_RING (1u * 1024)

static size_t ring_from(int n)
{
    if (mpr_coll_oversubscribed()) {
        return (n & (n - 1)) == 0 ? SIZE_MAX : ALLREDUCE_OVERSUB_RING;
    }
    return n == 2 ? ALLREDUCE_RING_2 : ALLREDUCE_LARGE;
}

int mpr_coll_allreduce(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                       struct mpr_comm *comm, struct mpr_request **req)
{
    struct mpr_red r = {.count = count, .dt = dt, .op = op, .bytes = mpr_coll_bytes(count, dt)};
    int usable[NALGS] = {!req && mpr_shm_coll_usable(comm) && r.bytes <= mpr_shm_coll_max_bytes() &&
                             (op->commutative || r.bytes <= MPR_SHM_COLL_INLINE),
                         1, op->commutative && comm->size > 1};
    struct mpr_sched *s;
    int alg, rc = 0;

    alg = usable[RING] && r.bytes >= ring_from(comm->size) && (MPI_Count)comm->size <= r.count
              ? RING
              : RECURSIVE_DOUBLING;
    alg = mpr_coll_pick(MPR_COLL_ALLREDUCE, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        return mpr_shm_coll_allreduce(sbuf, rbuf, count, dt, op, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (sbuf != MPI_IN_PLACE) {
        rc = mpr_sched_copy(s, rbuf, sbuf, r.bytes);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    if (rc == 0 && alg == RING) {
        rc = mpr_allreduce_ring(s, rbuf, &r, comm);
    } else if (rc == 0) {
        rc = mpr_allreduce_recursive_doubling(s, rbuf, &r, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
