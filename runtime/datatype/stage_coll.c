/* Staging of collective buffers (datatype/stage_coll.h). */
#include "datatype/stage_coll.h"

#include "core/errcode.h"
#include "datatype/flat.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

/* One call being staged: the stage is made on first need. */
struct cs {
    struct mpr_stage *st;
    int rank, size;
};

/* A receive buffer to stage. */
struct side {
    void *buf;         /* the user's buffer; then what the collective uses */
    MPI_Count count;   /* elements the temporary holds */
    MPI_Count keep;    /* elements unpacked into the user's buffer at the end, from the start */
    MPI_Datatype t;    /* the user's type; then the stand-in */
    MPI_Count pre_off; /* packed bytes [pre_off, pre_off + pre_len) are filled from the */
    MPI_Count pre_len; /* user's buffer first (MPI_IN_PLACE data) */
};

static void *tmp(struct cs *c, MPI_Count bytes)
{
    if (!c->st && !(c->st = mpr_stage_new())) {
        return NULL;
    }
    return mpr_stage_alloc(c->st, (size_t)bytes);
}

/* Address of element `index` (in extents) of t from buf; buf may be MPI_BOTTOM. */
static void *at(const void *buf, MPI_Aint index, MPI_Datatype t)
{
    return (void *)((uintptr_t)buf + (uintptr_t)(index * t->extent));
}

/* ---- single buffers ---- */

/* Sent data: a contig type moves its pointer, any other is packed now; *t becomes the twin. */
static int in_one(struct cs *c, const void **buf, MPI_Count count, MPI_Datatype *t)
{
    MPI_Datatype dt = *t;
    void *p;

    if (dt->contig) {
        *buf = mpr_datatype_data(*buf, dt);
        return 0;
    }

    p = tmp(c, count * dt->packed);
    if (!p || mpr_stage_keep(c->st, dt) != 0) {
        return -MPR_ERR_NOMEM;
    }
    mpr_dt_pack(dt, count, *buf, p, 0, count * dt->packed);
    *buf = p;
    *t = dt->twin;
    return 0;
}

/* Received data: a temporary unpacked at the end. */
static int out_one(struct cs *c, struct side *s)
{
    MPI_Datatype dt = s->t;
    char *p;

    if (dt->contig) {
        s->buf = mpr_datatype_data(s->buf, dt);
        return 0;
    }
    p = tmp(c, s->count * dt->packed);
    if (!p || mpr_stage_unpack_later(c->st, s->buf, s->keep, dt, p) != 0) {
        return -MPR_ERR_NOMEM;
    }
    if (s->pre_len > 0) {
        mpr_dt_pack(dt, s->count, s->buf, p + s->pre_off, s->pre_off, s->pre_len);
    }
    s->buf = p;
    s->t = dt->twin;
    return 0;
}

/* out_one for the receive arguments of a, all `count` elements unpacked. */
static int out_r(struct cs *c, struct mpr_coll_args *a, MPI_Count count, MPI_Count pre_off,
                 MPI_Count pre_len)
{
    struct side s = {a->rbuf, count, count, a->rdt, pre_off, pre_len};
    int rc = out_one(c, &s);

    a->rbuf = s.buf;
    a->rdt = s.t;
    return rc;
}

/* ---- per-rank blocks (v variants): displacements in extents ---- */

/*
 * Blocks counts[i] at displs[i] of t in buf, packed back to back into one temporary; *displs
 * become the packed positions (in twin elements). pre: -1 none, -2 every block, or the one
 * block to fill from buf first (receives only). unpack: received data.
 */
static int blocks(struct cs *c, void **buf, const int *counts, const int **displs, MPI_Datatype *t,
                  int unpack, int pre)
{
    MPI_Datatype dt = *t;
    MPI_Count total = 0, off = 0;
    int *nd;
    char *p;

    for (int i = 0; i < c->size; i++) {
        total += counts[i];
    }
    if (total > INT_MAX) {
        return -MPR_ERR_ARG; /* the packed displacements would not fit an int */
    }
    p = tmp(c, total * dt->packed);
    nd = p ? tmp(c, (MPI_Count)c->size * (MPI_Count)sizeof(int)) : NULL;
    if (!nd || mpr_stage_keep(c->st, dt) != 0) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < c->size; i++) {
        void *user = at(*buf, (*displs)[i], dt);
        char *mine = p + off * dt->packed;
        nd[i] = (int)off;
        if (!unpack || pre == -2 || pre == i) {
            mpr_dt_pack(dt, counts[i], user, mine, 0, counts[i] * dt->packed);
        }
        if (unpack && mpr_stage_unpack_later(c->st, user, counts[i], dt, mine) != 0) {
            return -MPR_ERR_NOMEM;
        }
        off += counts[i];
    }
    *buf = p;
    *displs = nd;
    *t = dt->twin;
    return 0;
}

static int in_v(struct cs *c, struct mpr_coll_args *a)
{
    void *b = (void *)a->sbuf;
    int rc;

    if (a->sdt->contig) {
        a->sbuf = mpr_datatype_data(a->sbuf, a->sdt);
        return 0;
    }
    rc = blocks(c, &b, a->scounts, &a->sdispls, &a->sdt, 0, -1);
    a->sbuf = b;
    return rc;
}

static int out_v(struct cs *c, struct mpr_coll_args *a, int pre)
{
    if (a->rdt->contig) {
        a->rbuf = mpr_datatype_data(a->rbuf, a->rdt);
        return 0;
    }
    return blocks(c, &a->rbuf, a->rcounts, &a->rdispls, &a->rdt, 1, pre);
}

/* ---- alltoallw: a type per peer, displacements in bytes ---- */

/* What one side of an alltoallw needs: nothing, shifted displacements, or packing. */
static int w_need(const int *counts, const MPI_Datatype *ts, int n)
{
    int need = 0;

    for (int i = 0; i < n && need < 2; i++) {
        if (counts[i] > 0 && !ts[i]->contig) {
            need = 2;
        } else if (counts[i] > 0 && ts[i]->true_lb != 0) {
            need = 1;
        }
    }
    return need;
}

/* Every block packed into one temporary, each with its type's stand-in (unpack: received). */
static int w_pack(struct cs *c, void **buf, const int *counts, const int **displs,
                  const MPI_Datatype **ts, int unpack, int pre)
{
    MPI_Count total = 0, off = 0;
    MPI_Datatype *nt;
    int *nd;
    char *p;

    for (int i = 0; i < c->size; i++) {
        total += counts[i] * (*ts)[i]->packed;
    }
    if (total > INT_MAX) {
        return -MPR_ERR_ARG; /* byte displacements are ints */
    }
    p = tmp(c, total);
    nd = p ? tmp(c, (MPI_Count)c->size * (MPI_Count)sizeof(int)) : NULL;
    nt = nd ? tmp(c, (MPI_Count)c->size * (MPI_Count)sizeof(*nt)) : NULL;
    if (!nt) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < c->size; i++) {
        MPI_Datatype dt = (*ts)[i];
        void *user = (void *)((uintptr_t)*buf + (uintptr_t)(MPI_Aint)(*displs)[i]);
        MPI_Count bytes = counts[i] * dt->packed;
        nd[i] = (int)off;
        nt[i] = dt->contig ? dt : dt->twin;
        if (mpr_stage_keep(c->st, dt) != 0 ||
            (unpack && mpr_stage_unpack_later(c->st, user, counts[i], dt, p + off) != 0)) {
            return -MPR_ERR_NOMEM;
        }
        if (!unpack || pre) {
            mpr_dt_pack(dt, counts[i], user, p + off, 0, bytes);
        }
        off += bytes;
    }
    *buf = p;
    *displs = nd;
    *ts = nt;
    return 0;
}

/* Contig types whose data does not start at their origin: displacements move instead. */
static int w_shift(struct cs *c, const int **displs, const MPI_Datatype *ts)
{
    int *nd = tmp(c, (MPI_Count)c->size * (MPI_Count)sizeof(int));

    if (!nd) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < c->size; i++) {
        MPI_Aint d = (MPI_Aint)(*displs)[i] + ts[i]->true_lb;
        if (d > INT_MAX || d < INT_MIN) {
            return -MPR_ERR_ARG;
        }
        nd[i] = (int)d;
    }
    *displs = nd;
    return 0;
}

static int stage_w(struct cs *c, struct mpr_coll_args *a)
{
    int rc = 0, need, in_place = a->sbuf == MPI_IN_PLACE;

    if (!in_place) {
        void *b = (void *)a->sbuf;
        need = w_need(a->scounts, a->sdts, c->size);
        rc = need == 2   ? w_pack(c, &b, a->scounts, &a->sdispls, &a->sdts, 0, 0)
             : need == 1 ? w_shift(c, &a->sdispls, a->sdts)
                         : 0;
        a->sbuf = b;
    }
    need = w_need(a->rcounts, a->rdts, c->size);
    if (rc == 0 && need == 2) {
        rc = w_pack(c, &a->rbuf, a->rcounts, &a->rdispls, &a->rdts, 1, in_place);
    } else if (rc == 0 && need == 1) {
        rc = w_shift(c, &a->rdispls, a->rdts);
    }
    return rc;
}

/* ---- gather, scatter, allgather, alltoall, bcast ---- */

static int stage_rooted(struct cs *c, enum mpr_coll_kind k, struct mpr_coll_args *a)
{
    int root = c->rank == a->root, in_place = root && a->sbuf == MPI_IN_PLACE, rc = 0;
    MPI_Count own = (MPI_Count)c->rank * a->rcount;

    switch (k) {
    case MPR_CK_GATHER:
    case MPR_CK_GATHERV:
        if (!in_place) {
            rc = in_one(c, &a->sbuf, a->scount, &a->sdt);
        }
        if (rc == 0 && root && k == MPR_CK_GATHER) {
            rc = out_r(c, a, (MPI_Count)a->rcount * c->size, own * a->rdt->packed,
                       in_place ? a->rcount * a->rdt->packed : 0);
        } else if (rc == 0 && root) {
            rc = out_v(c, a, in_place ? c->rank : -1);
        }
        return rc;
    default: /* scatter, scatterv */
        if (root) {
            rc = k == MPR_CK_SCATTER ? in_one(c, &a->sbuf, (MPI_Count)a->scount * c->size, &a->sdt)
                                     : in_v(c, a);
        }
        if (rc == 0 && !(root && a->rbuf == MPI_IN_PLACE)) {
            rc = out_r(c, a, a->rcount, 0, 0);
        }
        return rc;
    }
}

static int stage_xfer(struct cs *c, enum mpr_coll_kind k, struct mpr_coll_args *a)
{
    int in_place = a->sbuf == MPI_IN_PLACE, rc = 0;
    MPI_Count all = (MPI_Count)a->rcount * c->size, own = (MPI_Count)c->rank * a->rcount;

    switch (k) {
    case MPR_CK_BCAST:
        if (c->rank == a->root) {
            const void *b = a->rbuf;
            rc = in_one(c, &b, a->rcount, &a->rdt);
            a->rbuf = (void *)b;
            return rc;
        }
        return out_r(c, a, a->rcount, 0, 0);
    case MPR_CK_ALLGATHER:
    case MPR_CK_ALLGATHERV:
        if (!in_place) {
            rc = in_one(c, &a->sbuf, a->scount, &a->sdt);
        }
        if (rc == 0 && k == MPR_CK_ALLGATHER) {
            rc = out_r(c, a, all, own * a->rdt->packed, in_place ? a->rcount * a->rdt->packed : 0);
        } else if (rc == 0) {
            rc = out_v(c, a, in_place ? c->rank : -1);
        }
        return rc;
    case MPR_CK_ALLTOALL:
        if (!in_place) {
            rc = in_one(c, &a->sbuf, (MPI_Count)a->scount * c->size, &a->sdt);
        }
        return rc ? rc : out_r(c, a, all, 0, in_place ? all * a->rdt->packed : 0);
    case MPR_CK_ALLTOALLV:
        if (!in_place) {
            rc = in_v(c, a);
        }
        return rc ? rc : out_v(c, a, in_place ? -2 : -1);
    case MPR_CK_ALLTOALLW:
        return stage_w(c, a);
    default:
        return stage_rooted(c, k, a);
    }
}

/* ---- reductions ---- */

const struct mpr_datatype *mpr_stage_red_type(const struct mpr_datatype *dt, int user_op)
{
    if (dt->combiner == MPI_COMBINER_NAMED) {
        return dt;
    }
    if (!user_op) {
        return dt->base;
    }
    /* The collective moves whole extents from the buffer's origin: the data must lie inside. */
    if (dt->true_lb >= 0 && dt->true_lb + dt->true_extent <= dt->extent) {
        return dt;
    }
    return NULL;
}

/* An image of count elements of t for a user op: zeroed, data copied in when `fill`. */
static void *image(struct cs *c, const void *user, MPI_Count count, MPI_Datatype t, int fill)
{
    char *p = tmp(c, count * t->extent);

    if (p && mpr_stage_keep(c->st, t) == 0) {
        memset(p, 0, (size_t)(count * t->extent));
        if (fill) {
            mpr_dt_copy(t, count, p, user);
        }
        return p;
    }
    return NULL;
}

/* The input of a reduction (the type is replaced by the caller, once for both sides). */
static int red_in(struct cs *c, const struct mpr_coll_args *a, const void **buf, MPI_Count count)
{
    MPI_Datatype dt = a->sdt;
    void *p;

    if (dt->contig) {
        *buf = a->user_op ? *buf : mpr_datatype_data(*buf, dt);
        return 0;
    }
    p = a->user_op ? image(c, *buf, count, dt, 1) : tmp(c, count * dt->packed);
    if (!p) {
        return -MPR_ERR_NOMEM;
    }
    if (!a->user_op) {
        mpr_dt_pack(dt, count, *buf, p, 0, count * dt->packed);
    }
    *buf = p;
    return 0;
}

/* The output: n elements in the temporary (filled from buf first when pre), keep unpacked. */
static int red_out(struct cs *c, struct mpr_coll_args *a, MPI_Count n, MPI_Count keep, int pre)
{
    MPI_Datatype dt = a->sdt;
    void *p;

    if (dt->contig) {
        a->rbuf = a->user_op ? a->rbuf : mpr_datatype_data(a->rbuf, dt);
        return 0;
    }
    if (a->user_op) {
        p = image(c, a->rbuf, n, dt, pre);
        if (!p || mpr_stage_copy_later(c->st, a->rbuf, keep, dt, p) != 0) {
            return -MPR_ERR_NOMEM;
        }
    } else {
        p = tmp(c, n * dt->packed);
        if (!p || mpr_stage_unpack_later(c->st, a->rbuf, keep, dt, p) != 0) {
            return -MPR_ERR_NOMEM;
        }
        if (pre) {
            mpr_dt_pack(dt, n, a->rbuf, p, 0, n * dt->packed);
        }
    }
    a->rbuf = p;
    return 0;
}

/* Counts in base elements: a predefined op reduces the packed data as its base type. */
static int red_retype(struct cs *c, struct mpr_coll_args *a)
{
    MPI_Count k;
    int *nr;

    if (a->user_op) {
        return 0;
    }
    k = a->sdt->packed / a->sdt->base->extent;
    if ((MPI_Count)a->scount * k > INT_MAX || (MPI_Count)a->rcount * k > INT_MAX) {
        return -MPR_ERR_ARG;
    }
    a->scount = (int)(a->scount * k);
    a->rcount = (int)(a->rcount * k);
    if (a->rcounts) {
        nr = tmp(c, (MPI_Count)c->size * (MPI_Count)sizeof(int));
        if (!nr) {
            return -MPR_ERR_NOMEM;
        }
        for (int i = 0; i < c->size; i++) {
            if ((MPI_Count)a->rcounts[i] * k > INT_MAX) {
                return -MPR_ERR_ARG;
            }
            nr[i] = (int)(a->rcounts[i] * k);
        }
        a->rcounts = nr;
    }
    a->sdt = a->rdt = (MPI_Datatype)a->sdt->base;
    return 0;
}

static int stage_red(struct cs *c, enum mpr_coll_kind k, struct mpr_coll_args *a)
{
    int in_place = a->sbuf == MPI_IN_PLACE, rc = 0;
    MPI_Count n = a->scount, mine = a->scount;

    if (k == MPR_CK_REDUCE_SCATTER_BLOCK || k == MPR_CK_REDUCE_SCATTER) {
        n = k == MPR_CK_REDUCE_SCATTER_BLOCK ? (MPI_Count)a->rcount * c->size : 0;
        for (int i = 0; k == MPR_CK_REDUCE_SCATTER && i < c->size; i++) {
            n += a->rcounts[i];
        }
        mine = k == MPR_CK_REDUCE_SCATTER_BLOCK ? a->rcount : a->rcounts[c->rank];
    }
    if (!in_place) {
        rc = red_in(c, a, &a->sbuf, n);
    }
    if (rc == 0 && (k != MPR_CK_REDUCE || c->rank == a->root)) {
        /* in place, the input is the receive buffer: all n elements, before the result */
        int pre = in_place || k == MPR_CK_REDUCE_LOCAL;
        rc = red_out(c, a, in_place ? n : mine, mine, pre);
    }
    return rc ? rc : red_retype(c, a);
}

int mpr_stage_coll(enum mpr_coll_kind k, struct mpr_coll_args *a, int rank, int size,
                   struct mpr_stage **st)
{
    struct cs c = {NULL, rank, size};
    int rc;

    if (k >= MPR_CK_REDUCE) {
        rc = a->sdt->combiner == MPI_COMBINER_NAMED ? 0 : stage_red(&c, k, a);
    } else {
        rc = stage_xfer(&c, k, a);
    }
    if (rc != 0) {
        mpr_stage_discard(c.st);
        return rc;
    }
    *st = c.st;
    return 0;
}
