/* MPI_Reduce_scatter(_block) / MPI_Ireduce_scatter(_block): algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "coll/shm_coll.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "op/op.h"

enum { RECURSIVE_HALVING, RING, REDUCE_SCATTERV, SHM, NALGS };

static const char *const names[NALGS] = {"recursive_halving", "ring", "reduce_scatterv", "shm"};

/*
 * Ring from this many input bytes, recursive halving below (docs/performance.md, switch
 * points): 2 ranks 64 KiB 4.7 against 5.8 us, 1 MiB 77 against 707; oversubscribed at 3 and 4
 * ranks 1 MiB 200-245 against 1450-1560 us. Below 64 KiB they measure alike.
 */
#define REDUCE_SCATTER_LARGE (64u * 1024)

/* Build the schedule for blocks of cnt[i] elements (cnt and disp are n + 1 long, in s). */
static int build(struct mpr_sched *s, const void *sbuf, void *rbuf, const MPI_Count *cnt,
                 const MPI_Count *disp, MPI_Datatype dt, MPI_Op op, struct mpr_comm *comm)
{
    int n = comm->size;
    struct mpr_red r = {.count = disp[n], .dt = dt, .op = op, .bytes = mpr_coll_bytes(disp[n], dt)};
    struct mpr_rs x = {
        .in = sbuf == MPI_IN_PLACE ? rbuf : sbuf, .rbuf = rbuf, .cnt = cnt, .disp = disp};
    int usable[NALGS] = {op->commutative, op->commutative, 1, 0};
    int alg;

    if (!op->commutative) {
        alg = REDUCE_SCATTERV;
    } else {
        alg = r.bytes >= REDUCE_SCATTER_LARGE ? RING : RECURSIVE_HALVING;
    }
    alg = mpr_coll_pick(MPR_COLL_REDUCE_SCATTER, names, usable, NALGS, alg);
    if (alg == RECURSIVE_HALVING) {
        return mpr_reduce_scatter_recursive_halving(s, &x, &r, comm);
    }
    if (alg == RING) {
        return mpr_reduce_scatter_ring(s, &x, &r, comm);
    }
    return mpr_reduce_scatter_reduce_scatterv(s, &x, &r, comm);
}

/* Counts and displacements (prefix sums, disp[n] the total) in s's scratch memory. */
static int blocks(struct mpr_sched *s, const int *rcounts, int rcount, int n, MPI_Count **cnt,
                  MPI_Count **disp)
{
    *cnt = mpr_sched_tmp(s, 2 * ((size_t)n + 1) * sizeof(**cnt));
    if (!*cnt) {
        return -MPR_ERR_NOMEM;
    }
    *disp = *cnt + n + 1;
    (*disp)[0] = 0;
    for (int i = 0; i < n; i++) {
        (*cnt)[i] = rcounts ? rcounts[i] : rcount;
        (*disp)[i + 1] = (*disp)[i] + (*cnt)[i];
    }
    return 0;
}

/* The node-local path: small, blocking, commutative (each rank reduces its block itself). */
static int try_shm(const void *sbuf, void *rbuf, const int *rcounts, int rcount, MPI_Datatype dt,
                   MPI_Op op, struct mpr_comm *comm)
{
    static const int usable[NALGS] = {[SHM] = 1};
    MPI_Count total = 0, mine = 0, count = rcounts ? rcounts[comm->rank] : rcount;

    for (int i = 0; i < comm->size; i++) {
        total += rcounts ? rcounts[i] : rcount;
        mine += i < comm->rank ? (rcounts ? rcounts[i] : rcount) : 0;
    }
    if (!op->commutative || mpr_coll_bytes(total, dt) > mpr_shm_coll_max_bytes() ||
        mpr_coll_pick(MPR_COLL_REDUCE_SCATTER, names, usable, NALGS, SHM) != SHM) {
        return 1;
    }
    return mpr_shm_coll_reduce_scatter(sbuf, rbuf, mine, count, total, dt, op, comm);
}

static int reduce_scatter(const void *sbuf, void *rbuf, const int *rcounts, int rcount,
                          MPI_Datatype dt, MPI_Op op, struct mpr_comm *comm,
                          struct mpr_request **req)
{
    struct mpr_sched *s;
    MPI_Count *cnt, *disp;
    int rc;

    if (!req && mpr_shm_coll_usable(comm) &&
        (rc = try_shm(sbuf, rbuf, rcounts, rcount, dt, op, comm)) != 1) {
        return rc;
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    rc = blocks(s, rcounts, rcount, comm->size, &cnt, &disp);
    if (rc == 0) {
        rc = build(s, sbuf, rbuf, cnt, disp, dt, op, comm);
    }
    return mpr_coll_launch(s, rc, req);
}

int mpr_coll_reduce_scatter(const void *sbuf, void *rbuf, const int *rcounts, MPI_Datatype dt,
                            MPI_Op op, struct mpr_comm *comm, struct mpr_request **req)
{
    return reduce_scatter(sbuf, rbuf, rcounts, 0, dt, op, comm, req);
}

int mpr_coll_reduce_scatter_block(const void *sbuf, void *rbuf, int rcount, MPI_Datatype dt,
                                  MPI_Op op, struct mpr_comm *comm, struct mpr_request **req)
{
    return reduce_scatter(sbuf, rbuf, NULL, rcount, dt, op, comm, req);
}
