/*
 * neighbor_exchange: every neighbourhood collective is one round, a send of block i to
 * out-neighbour i and a receive of block i from in-neighbour i; the five collectives differ
 * only in where their blocks are. Any topology. Cost: alpha + max(block) beta per neighbour
 * pair, all in flight at once.
 *
 * MPI_PROC_NULL neighbours (the edges of a non-periodic Cartesian dimension) are skipped; their
 * blocks keep their place and are not touched.
 *
 * One rank may be a neighbour twice (both directions of a periodic dimension of size 1 or 2, or a
 * repeated graph edge); then only the order of the messages between the two tells the blocks
 * apart (the schedule keeps it). In a Cartesian dimension the block a rank sends towards -1
 * belongs in its neighbour's +1 slot (MPI 3.1 errata, MPI 4.1 section 8.6): the sends go out in
 * the order -1, +1 and the receives are posted +1, -1, so the k-th message lands in the right
 * slot. For graphs the k-th edge to a rank matches the k-th edge from it, in list order.
 */
#include "coll/neighbor.h"

#include "coll/coll_util.h"
#include "comm/comm.h"
#include "comm/topo.h"
#include "core/errcode.h"

/* Where the blocks of one side are: block i is len[i] bytes at base + off[i]. */
struct side {
    char *base;
    int n;
    int *peer;
    size_t *len;
    MPI_Aint *off;
};

static int side_alloc(struct mpr_sched *s, struct side *x, int n, const void *base)
{
    x->base = (char *)base;
    x->n = n;
    x->peer = mpr_sched_tmp(s, (size_t)n * sizeof(*x->peer));
    x->len = mpr_sched_tmp(s, (size_t)n * sizeof(*x->len));
    x->off = mpr_sched_tmp(s, (size_t)n * sizeof(*x->off));
    return x->peer && x->len && x->off ? 0 : -MPR_ERR_NOMEM;
}

/* The send side of each kind. */
static void send_layout(enum mpr_nbr_kind kind, const struct mpr_nbr_args *a, struct side *x)
{
    for (int i = 0; i < x->n; i++) {
        switch (kind) {
        case MPR_NBR_ALLGATHER:
        case MPR_NBR_ALLGATHERV:
            x->len[i] = mpr_coll_bytes(a->scount, a->sdt);
            x->off[i] = 0;
            break;
        case MPR_NBR_ALLTOALL:
            x->len[i] = mpr_coll_bytes(a->scount, a->sdt);
            x->off[i] = (MPI_Aint)i * (MPI_Aint)x->len[i];
            break;
        case MPR_NBR_ALLTOALLV:
            x->len[i] = mpr_coll_bytes(a->scounts[i], a->sdt);
            x->off[i] = (MPI_Aint)a->sdispls[i] * (MPI_Aint)mpr_coll_bytes(1, a->sdt);
            break;
        default:
            x->len[i] = mpr_coll_bytes(a->scounts[i], a->sdts[i]);
            x->off[i] = a->sdispls_w[i];
        }
    }
}

/* The receive side of each kind. */
static void recv_layout(enum mpr_nbr_kind kind, const struct mpr_nbr_args *a, struct side *x)
{
    for (int i = 0; i < x->n; i++) {
        switch (kind) {
        case MPR_NBR_ALLGATHER:
        case MPR_NBR_ALLTOALL:
            x->len[i] = mpr_coll_bytes(a->rcount, a->rdt);
            x->off[i] = (MPI_Aint)i * (MPI_Aint)x->len[i];
            break;
        case MPR_NBR_ALLGATHERV:
        case MPR_NBR_ALLTOALLV:
            x->len[i] = mpr_coll_bytes(a->rcounts[i], a->rdt);
            x->off[i] = (MPI_Aint)a->rdispls[i] * (MPI_Aint)mpr_coll_bytes(1, a->rdt);
            break;
        default:
            x->len[i] = mpr_coll_bytes(a->rcounts[i], a->rdts[i]);
            x->off[i] = a->rdispls_w[i];
        }
    }
}

/* The one round: receives (Cartesian pairs swapped, see above), then sends, in list order. */
static int exchange(struct mpr_sched *s, const struct side *snd, const struct side *rcv,
                    int cartesian)
{
    int rc = 0;

    for (int k = 0; k < rcv->n && rc == 0; k++) {
        int i = cartesian ? k ^ 1 : k;
        if (rcv->peer[i] != MPI_PROC_NULL) {
            rc = mpr_sched_recv(s, rcv->base + rcv->off[i], rcv->len[i], rcv->peer[i]);
        }
    }
    for (int i = 0; i < snd->n && rc == 0; i++) {
        if (snd->peer[i] != MPI_PROC_NULL) {
            rc = mpr_sched_send(s, snd->base + snd->off[i], snd->len[i], snd->peer[i]);
        }
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}

int mpr_coll_neighbor(enum mpr_nbr_kind kind, const struct mpr_nbr_args *a, struct mpr_comm *comm,
                      struct mpr_request **req)
{
    const struct mpr_topo *t = comm->topo;
    struct mpr_sched *s = mpr_sched_new(comm);
    struct side snd, rcv;
    int indeg, outdeg, rc;

    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    mpr_topo_degrees(t, comm->rank, &indeg, &outdeg);
    rc = side_alloc(s, &snd, outdeg, a->sbuf);
    if (rc == 0) {
        rc = side_alloc(s, &rcv, indeg, a->rbuf);
    }
    if (rc == 0) {
        mpr_topo_neighbors(t, comm->rank, rcv.peer, snd.peer);
        send_layout(kind, a, &snd);
        recv_layout(kind, a, &rcv);
        rc = exchange(s, &snd, &rcv, t->kind == MPI_CART);
    }
    return mpr_coll_launch(s, rc, req);
}
