/*
 * Distributed graphs: each rank holds only its own in- and out-edges. MPI_Dist_graph_create
 * lets any rank name any edge, so the edges are first sent to both of their ends: one alltoall
 * of record counts, then one alltoallv of the records, over the old communicator.
 */
#include "comm/topo.h"

#include "coll/coll.h"
#include "comm/comm.h"
#include "core/errcode.h"

#include <stdlib.h>
#include <string.h>

static int *ints(int n)
{
    return malloc((size_t)(n > 0 ? n : 1) * sizeof(int));
}

/* memcpy of n ints; an empty list may come as NULL. */
static void copy(int *dst, const int *src, int n)
{
    if (n > 0) {
        memcpy(dst, src, (size_t)n * sizeof(int));
    }
}

/* An empty distributed graph with room for the given degrees. */
static int dist_alloc(int indegree, int outdegree, int weighted, struct mpr_topo **out)
{
    struct mpr_topo *t = calloc(1, sizeof(*t));

    if (!t) {
        return -MPR_ERR_NOMEM;
    }
    t->kind = MPI_DIST_GRAPH;
    t->indegree = indegree;
    t->outdegree = outdegree;
    t->weighted = weighted;
    t->sources = ints(indegree);
    t->destinations = ints(outdegree);
    if (weighted) {
        t->sourceweights = ints(indegree);
        t->destweights = ints(outdegree);
    }
    if (!t->sources || !t->destinations || (weighted && (!t->sourceweights || !t->destweights))) {
        mpr_topo_free(t);
        return -MPR_ERR_NOMEM;
    }
    *out = t;
    return 0;
}

int mpr_topo_dist_graph_new(const struct mpr_dist_adj *a, struct mpr_topo **out)
{
    struct mpr_topo *t;
    int rc = dist_alloc(a->indegree, a->outdegree, a->weighted, &t);

    if (rc != 0) {
        return rc;
    }
    copy(t->sources, a->sources, a->indegree);
    copy(t->destinations, a->destinations, a->outdegree);
    if (a->weighted) {
        copy(t->sourceweights, a->sourceweights, a->indegree);
        copy(t->destweights, a->destweights, a->outdegree);
    }
    *out = t;
    return 0;
}

/*
 * The exchange. To each rank goes one message: first its out-edge records, then its in-edge
 * records, each record (other end, weight) as two ints. cnt[2 r] and cnt[2 r + 1] count the
 * out- and in-records for rank r.
 */
struct xchg {
    int n;                /* communicator size */
    int *scnt, *rcnt;     /* 2 n: out- and in-records per rank */
    int *sints, *sdispls; /* n: ints and where they start, per destination rank */
    int *rints, *rdispls;
    int *sbuf, *rbuf;
};

static void xchg_free(struct xchg *x)
{
    free(x->scnt);
    free(x->rcnt);
    free(x->sints);
    free(x->sdispls);
    free(x->rints);
    free(x->rdispls);
    free(x->sbuf);
    free(x->rbuf);
}

/* Call f(x, from, to, weight) for every edge this rank gave, in its order. */
static void each_edge(const struct mpr_dist_edges *e, struct xchg *x,
                      void (*f)(struct xchg *, int, int, int))
{
    for (int i = 0, k = 0; i < e->n; i++) {
        for (int j = 0; j < e->degrees[i]; j++, k++) {
            f(x, e->sources[i], e->destinations[k], e->weighted ? e->weights[k] : 0);
        }
    }
}

static void count_edge(struct xchg *x, int from, int to, int weight)
{
    (void)weight;
    x->scnt[2 * from]++;
    x->scnt[2 * to + 1]++;
}

/*
 * Filling: scnt counts the records placed so far, rcnt holds the final counts (so the in-records
 * for rank r start after its rcnt[2 r] out-records).
 */
static void place_edge(struct xchg *x, int from, int to, int weight)
{
    int *out = x->sbuf + x->sdispls[from] + 2 * x->scnt[2 * from]++;
    int *in = x->sbuf + x->sdispls[to] + 2 * (x->rcnt[2 * to] + x->scnt[2 * to + 1]++);

    out[0] = to;
    out[1] = weight;
    in[0] = from;
    in[1] = weight;
}

static int xchg_alloc(struct xchg *x, int n)
{
    x->n = n;
    x->scnt = calloc((size_t)2 * n, sizeof(int));
    x->rcnt = calloc((size_t)2 * n, sizeof(int));
    x->sints = ints(n);
    x->sdispls = ints(n);
    x->rints = ints(n);
    x->rdispls = ints(n);
    if (!x->scnt || !x->rcnt || !x->sints || !x->sdispls || !x->rints || !x->rdispls) {
        return -MPR_ERR_NOMEM;
    }
    return 0;
}

/* Lay out the send buffer from the counts and fill it; rcnt holds a copy of scnt meanwhile. */
static int pack(const struct mpr_dist_edges *e, struct xchg *x)
{
    int total = 0;

    for (int r = 0; r < x->n; r++) {
        x->sints[r] = 2 * (x->scnt[2 * r] + x->scnt[2 * r + 1]);
        x->sdispls[r] = total;
        total += x->sints[r];
    }
    x->sbuf = ints(total);
    if (!x->sbuf) {
        return -MPR_ERR_NOMEM;
    }
    memcpy(x->rcnt, x->scnt, (size_t)2 * x->n * sizeof(int));
    memset(x->scnt, 0, (size_t)2 * x->n * sizeof(int));
    each_edge(e, x, place_edge);
    return 0;
}

/*
 * Collect what arrived. Senders in rank order, each with its out-records, then its in-records:
 * both lists keep the senders' order, and each sender's.
 */
static int unpack(const struct xchg *x, int weighted, struct mpr_topo **out)
{
    int indeg = 0, outdeg = 0, ni = 0, no = 0, rc;
    struct mpr_topo *t;

    for (int r = 0; r < x->n; r++) {
        outdeg += x->rcnt[2 * r];
        indeg += x->rcnt[2 * r + 1];
    }
    rc = dist_alloc(indeg, outdeg, weighted, &t);
    for (int r = 0; rc == 0 && r < x->n; r++) {
        const int *rec = x->rbuf + x->rdispls[r];
        for (int k = 0; k < x->rcnt[2 * r] + x->rcnt[2 * r + 1]; k++, rec += 2) {
            if (k < x->rcnt[2 * r]) {
                t->destinations[no] = rec[0];
                if (weighted) {
                    t->destweights[no] = rec[1];
                }
                no++;
            } else {
                t->sources[ni] = rec[0];
                if (weighted) {
                    t->sourceweights[ni] = rec[1];
                }
                ni++;
            }
        }
    }
    if (rc == 0) {
        *out = t;
    }
    return rc;
}

int mpr_topo_dist_graph_exchange(struct mpr_comm *comm, const struct mpr_dist_edges *e,
                                 struct mpr_topo **out)
{
    struct xchg x = {0};
    int rc = xchg_alloc(&x, comm->size), total = 0;

    if (rc == 0) {
        each_edge(e, &x, count_edge);
        rc = pack(e, &x);
    }
    if (rc == 0) {
        /* x.scnt now holds the final counts again (pack refilled them). */
        rc = mpr_coll_alltoall(x.scnt, 2, MPI_INT, x.rcnt, 2, MPI_INT, comm, NULL);
    }
    for (int r = 0; rc == 0 && r < x.n; r++) {
        x.rints[r] = 2 * (x.rcnt[2 * r] + x.rcnt[2 * r + 1]);
        x.rdispls[r] = total;
        total += x.rints[r];
    }
    if (rc == 0) {
        x.rbuf = ints(total);
        rc = x.rbuf ? 0 : -MPR_ERR_NOMEM;
    }
    if (rc == 0) {
        rc = mpr_coll_alltoallv(x.sbuf, x.sints, x.sdispls, MPI_INT, x.rbuf, x.rints, x.rdispls,
                                MPI_INT, comm, NULL);
    }
    if (rc == 0) {
        rc = unpack(&x, e->weighted, out);
    }
    xchg_free(&x);
    return rc;
}
