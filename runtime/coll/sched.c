#include "coll/sched.h"

#include "coll/scratch.h"

#include "comm/comm.h"
#include "core/errcode.h"
#include "core/log.h"
#include "core/progress.h"
#include "core/runtime.h"
#include "op/op.h"
#include "pt2pt/pt2pt.h"

#include <stdlib.h>
#include <string.h>

enum step_kind { STEP_SEND, STEP_RECV, STEP_COPY, STEP_REDUCE, STEP_ROUND };

struct step {
    enum step_kind kind;
    union {
        struct {
            void *buf;
            size_t bytes;
            int peer;
        } msg;
        struct {
            void *dst;
            const void *src;
            size_t bytes;
        } copy;
        struct {
            const void *in;
            void *inout;
            MPI_Count count;
            MPI_Datatype dt;
            MPI_Op op;
        } red;
    } u;
};

struct mpr_sched {
    struct mpr_comm *comm;
    int tag;
    uint32_t ctx;
    struct step *steps;
    int nsteps, cap;
    int pos;                   /* first step of the current round */
    int started;               /* the current round's messages are out */
    struct mpr_request **reqs; /* the current round's point-to-point requests */
    int nreqs, reqcap;
    struct tmp {
        void *p;
        size_t cap;
    } * tmps; /* scratch memory (coll/scratch.c), given back with the schedule */
    int ntmps;
    struct mpr_request *req; /* what the caller waits on */
    struct mpr_sched *next;  /* on the active list */
};

/* Started schedules, in start order; progress advances each. */
static struct mpr_sched *active;
static int sched_progress(void);
static const struct mpr_progress_source sched_source = {
    .name = "collective schedules",
    .poll = sched_progress,
};
static int registered;

/* Tags of collectives stay positive and clear of MPI_ANY_TAG. */
#define SCHED_TAG_MASK 0x3fffffff

struct mpr_sched *mpr_sched_new(struct mpr_comm *comm)
{
    struct mpr_sched *s = calloc(1, sizeof(*s));

    if (s) {
        s->comm = comm;
        s->ctx = mpr_comm_coll_ctx(comm);
        s->tag = (int)(comm->coll_seq++ & SCHED_TAG_MASK);
    }
    return s;
}

void mpr_sched_free(struct mpr_sched *s)
{
    if (!s) {
        return;
    }
    for (int i = 0; i < s->ntmps; i++) {
        mpr_scratch_put(s->tmps[i].p, s->tmps[i].cap);
    }
    free(s->tmps);
    free(s->reqs);
    free(s->steps);
    free(s);
}

static struct step *add(struct mpr_sched *s, enum step_kind kind)
{
    if (s->nsteps == s->cap) {
        int cap = s->cap ? 2 * s->cap : 16;
        struct step *grown = realloc(s->steps, (size_t)cap * sizeof(*grown));
        if (!grown) {
            return NULL;
        }
        s->steps = grown;
        s->cap = cap;
    }
    s->steps[s->nsteps].kind = kind;
    return &s->steps[s->nsteps++];
}

static int add_msg(struct mpr_sched *s, enum step_kind kind, void *buf, size_t bytes, int peer)
{
    struct step *st = add(s, kind);

    if (!st) {
        return -MPR_ERR_NOMEM;
    }
    st->u.msg.buf = buf;
    st->u.msg.bytes = bytes;
    st->u.msg.peer = peer;
    return 0;
}

int mpr_sched_send(struct mpr_sched *s, const void *buf, size_t bytes, int peer)
{
    return add_msg(s, STEP_SEND, (void *)buf, bytes, peer);
}

int mpr_sched_recv(struct mpr_sched *s, void *buf, size_t bytes, int peer)
{
    return add_msg(s, STEP_RECV, buf, bytes, peer);
}

int mpr_sched_copy(struct mpr_sched *s, void *dst, const void *src, size_t bytes)
{
    struct step *st = add(s, STEP_COPY);

    if (!st) {
        return -MPR_ERR_NOMEM;
    }
    st->u.copy.dst = dst;
    st->u.copy.src = src;
    st->u.copy.bytes = bytes;
    return 0;
}

int mpr_sched_reduce(struct mpr_sched *s, const void *in, void *inout, MPI_Count count,
                     MPI_Datatype dtype, MPI_Op op)
{
    struct step *st = add(s, STEP_REDUCE);

    if (!st) {
        return -MPR_ERR_NOMEM;
    }
    st->u.red.in = in;
    st->u.red.inout = inout;
    st->u.red.count = count;
    st->u.red.dt = dtype;
    st->u.red.op = op;
    return 0;
}

int mpr_sched_round(struct mpr_sched *s)
{
    if (s->nsteps == 0 || s->steps[s->nsteps - 1].kind == STEP_ROUND) {
        return 0;
    }
    return add(s, STEP_ROUND) ? 0 : -MPR_ERR_NOMEM;
}

void *mpr_sched_tmp(struct mpr_sched *s, size_t bytes)
{
    struct tmp *grown = realloc(s->tmps, (size_t)(s->ntmps + 1) * sizeof(*grown));
    size_t cap;
    void *p;

    if (!grown) {
        return NULL;
    }
    s->tmps = grown;
    p = mpr_scratch_get(bytes, &cap);
    if (p) {
        s->tmps[s->ntmps++] = (struct tmp){p, cap};
    }
    return p;
}

/* One past the last step of the round starting at s->pos. */
static int round_end(const struct mpr_sched *s)
{
    int i = s->pos;

    while (i < s->nsteps && s->steps[i].kind != STEP_ROUND) {
        i++;
    }
    return i;
}

/*
 * Whether the round [s->pos, end) also receives from peer: then the peer, in the same round of
 * its own schedule, posts the matching receive at about the time this send goes out.
 */
static int round_receives_from(const struct mpr_sched *s, int end, int peer)
{
    for (int i = s->pos; i < end; i++) {
        if (s->steps[i].kind == STEP_RECV && s->steps[i].u.msg.peer == peer) {
            return 1;
        }
    }
    return 0;
}

static int start_send(struct mpr_sched *s, const struct step *st, int end, struct mpr_request **req)
{
    if (round_receives_from(s, end, st->u.msg.peer)) {
        return mpr_pt2pt_isend_exchange(st->u.msg.buf, st->u.msg.bytes, st->u.msg.peer, s->tag,
                                        s->comm, s->ctx, req);
    }
    return mpr_pt2pt_isend_ctx(st->u.msg.buf, st->u.msg.bytes, st->u.msg.peer, s->tag, s->comm,
                               s->ctx, req);
}

static int start_round(struct mpr_sched *s, int end)
{
    int need = 0;

    for (int i = s->pos; i < end; i++) {
        need += s->steps[i].kind == STEP_SEND || s->steps[i].kind == STEP_RECV;
    }
    if (need > s->reqcap) {
        struct mpr_request **grown = realloc(s->reqs, (size_t)need * sizeof(*grown));
        if (!grown) {
            return -MPR_ERR_NOMEM;
        }
        s->reqs = grown;
        s->reqcap = need;
    }
    s->nreqs = 0;
    /* Receives first: a message to ourselves, or one that arrives at once, finds them posted. */
    for (int pass = 0; pass < 2; pass++) {
        for (int i = s->pos; i < end; i++) {
            struct step *st = &s->steps[i];
            int rc = 0;
            if (pass == 0 && st->kind == STEP_RECV) {
                rc = mpr_pt2pt_irecv_ctx(st->u.msg.buf, st->u.msg.bytes, st->u.msg.peer, s->tag,
                                         s->comm, s->ctx, &s->reqs[s->nreqs++]);
            } else if (pass == 1 && st->kind == STEP_SEND) {
                rc = start_send(s, st, end, &s->reqs[s->nreqs++]);
            }
            if (rc != 0) {
                s->nreqs--;
                return rc;
            }
        }
    }
    s->started = 1;
    return 0;
}

static int round_done(struct mpr_sched *s)
{
    for (int i = 0; i < s->nreqs; i++) {
        if (!mpr_request_done(s->reqs[i])) {
            return 0;
        }
    }
    for (int i = 0; i < s->nreqs; i++) {
        mpr_request_release(s->reqs[i]);
    }
    s->nreqs = 0;
    return 1;
}

static void run_local(struct mpr_sched *s, int end)
{
    for (int i = s->pos; i < end; i++) {
        struct step *st = &s->steps[i];
        if (st->kind == STEP_COPY && st->u.copy.bytes) {
            memmove(st->u.copy.dst, st->u.copy.src, st->u.copy.bytes);
        } else if (st->kind == STEP_REDUCE && st->u.red.count) {
            mpr_op_apply(st->u.red.op, st->u.red.in, st->u.red.inout, st->u.red.count,
                         st->u.red.dt);
        }
    }
}

/*
 * Run rounds as far as possible. Returns 1 when the schedule is complete, 0 when it waits for
 * messages, or -MPR_ERR_NOMEM.
 */
static int advance(struct mpr_sched *s)
{
    while (s->pos < s->nsteps) {
        int end = round_end(s);
        if (!s->started) {
            int rc = start_round(s, end);
            if (rc != 0) {
                return rc;
            }
        }
        if (!round_done(s)) {
            return 0;
        }
        run_local(s, end);
        s->pos = end < s->nsteps ? end + 1 : end;
        s->started = 0;
    }
    return 1;
}

static void finish(struct mpr_sched *s)
{
    struct mpr_request *req = s->req;

    mpr_sched_free(s);
    req->sched = NULL;
    mpr_request_complete(req);
}

int mpr_sched_start(struct mpr_sched *s, struct mpr_request **out)
{
    struct mpr_request *req = mpr_request_new(MPR_REQ_COLL);
    int rc;

    if (!req) {
        return -MPR_ERR_NOMEM;
    }
    req->src = MPI_ANY_SOURCE; /* a collective's status is empty */
    req->rtag = MPI_ANY_TAG;
    req->sched = s;
    s->req = req;
    rc = advance(s);
    if (rc < 0) {
        mpr_request_release(req);
        return rc;
    }
    *out = req;
    if (rc == 1) {
        finish(s);
        return 0;
    }
    s->next = active;
    active = s;
    if (!registered) {
        registered = mpr_progress_add(&sched_source) == 0;
    }
    return 0;
}

int mpr_sched_run(struct mpr_sched *s)
{
    struct mpr_request *req;
    int rc = mpr_sched_start(s, &req);

    if (rc != 0) {
        mpr_sched_free(s);
        return rc;
    }
    mpr_pt2pt_wait(req);
    mpr_request_release(req);
    return 0;
}

/* Advance every started schedule; a source of the progress engine. Returns events. */
static int sched_progress(void)
{
    struct mpr_sched **link = &active;
    int events = 0;

    while (*link) {
        struct mpr_sched *s = *link;
        int rc = advance(s);
        if (rc == 0) {
            link = &s->next;
            continue;
        }
        if (rc < 0) {
            /* A started collective has nobody to return an error to, and its peers wait for it. */
            mpr_log_error("out of memory in a nonblocking collective; ending the job");
            mpr_runtime_abort(1, "ran out of memory in a nonblocking collective");
        }
        *link = s->next;
        finish(s);
        events++;
    }
    return events;
}
