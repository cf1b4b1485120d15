/* neighbor.c — the neighbourhood collectives (MPI 3.1 section 7.6): MPI_Neighbor_allgather(v),
 * MPI_Neighbor_alltoall(v,w), blocking one at a time and nonblocking all five in flight at once,
 * on Cartesian grids (a 2D torus, a 2D grid with edges, a ring, a 3D grid with dimensions of
 * size 1), on an MPI_Graph_create graph with a self loop and a repeated edge, and on an
 * irregular distributed graph (MPI_Dist_graph_create with edges given by other ranks, weighted,
 * and MPI_Dist_graph_create_adjacent).
 *
 * Every receive buffer starts as a sentinel pattern and is compared whole with the image it must
 * have: blocks land where their displacements say, gaps and the blocks of MPI_PROC_NULL
 * neighbours stay untouched. Which of a neighbour's blocks lands in a slot is worked out from
 * everyone's out-neighbour lists (gathered here): on a Cartesian grid the block sent towards -1
 * fills the neighbour's +1 slot and the other way round, also when both directions reach the
 * same rank (MPI 3.1 errata, MPI 4.1 section 8.6); on graphs the k-th edge to a rank meets the
 * k-th edge from it.
 * Any number of ranks. Usage: mpt_topo_neighbor */
#include "topotest.h"

enum kind { AG, AGV, A2A, A2AV, A2AW, NKINDS };
static const char *const kind_name[NKINDS] = {"allgather", "allgatherv", "alltoall", "alltoallv",
                                              "alltoallw"};

struct nbh {
    const char *name;
    MPI_Comm comm;
    int cart, rank;
    int nin, nout;
    int *in, *out;
    int *j;    /* in-slot i receives block j[i] of in[i]'s send buffer */
    int *jalt; /* the pairing Open MPI 4.1's nonblocking alltoalls use (see below) */
};

/* ---- neighbourhoods ---- */

static void lists(struct nbh *h)
{
    int st;
    TC_OK(MPI_Comm_rank(h->comm, &h->rank));
    TC_OK(MPI_Topo_test(h->comm, &st));
    h->cart = st == MPI_CART;
    if (st == MPI_CART) {
        int nd;
        TC_OK(MPI_Cartdim_get(h->comm, &nd));
        h->nin = h->nout = 2 * nd;
        h->in = tt_malloc((size_t)h->nin * sizeof(int));
        h->out = tt_malloc((size_t)h->nout * sizeof(int));
        for (int d = 0; d < nd; d++) {
            TC_OK(MPI_Cart_shift(h->comm, d, 1, &h->in[2 * d], &h->in[2 * d + 1]));
            h->out[2 * d] = h->in[2 * d], h->out[2 * d + 1] = h->in[2 * d + 1];
        }
    } else if (st == MPI_GRAPH) {
        TC_OK(MPI_Graph_neighbors_count(h->comm, h->rank, &h->nin));
        h->nout = h->nin;
        h->in = tt_malloc((size_t)h->nin * sizeof(int));
        h->out = tt_malloc((size_t)h->nout * sizeof(int));
        TC_OK(MPI_Graph_neighbors(h->comm, h->rank, h->nin, h->in));
        memcpy(h->out, h->in, (size_t)h->nin * sizeof(int));
    } else {
        int w;
        TC_CHECK(st == MPI_DIST_GRAPH, "%s: Topo_test %d", h->name, st);
        TC_OK(MPI_Dist_graph_neighbors_count(h->comm, &h->nin, &h->nout, &w));
        h->in = tt_malloc((size_t)h->nin * sizeof(int));
        h->out = tt_malloc((size_t)h->nout * sizeof(int));
        TC_OK(MPI_Dist_graph_neighbors(h->comm, h->nin, h->in, tt_w(MPI_UNWEIGHTED), h->nout,
                                       h->out, tt_w(MPI_UNWEIGHTED)));
    }
}

/* Which block of in[i]'s send buffer lands in slot i, from everyone's out-lists. */
static void pairing(struct nbh *h)
{
    int size, *deg, *disp, *all, total = 0;

    TC_OK(MPI_Comm_size(h->comm, &size));
    deg = tt_malloc((size_t)size * sizeof(int));
    disp = tt_malloc((size_t)size * sizeof(int));
    TC_OK(MPI_Allgather(&h->nout, 1, MPI_INT, deg, 1, MPI_INT, h->comm));
    for (int r = 0; r < size; r++)
        disp[r] = total, total += deg[r];
    all = tt_malloc((size_t)total * sizeof(int));
    TC_OK(MPI_Allgatherv(h->out, h->nout, MPI_INT, all, deg, disp, MPI_INT, h->comm));
    h->j = tt_malloc((size_t)h->nin * sizeof(int));
    h->jalt = tt_malloc((size_t)h->nin * sizeof(int));
    for (int i = 0; i < h->nin; i++) {
        int q = h->in[i], k = 0, seen = 0;
        h->j[i] = h->jalt[i] = -1;
        if (q == MPI_PROC_NULL)
            continue;
        if (h->cart) {
            h->j[i] = i ^ 1;
            /* Open MPI 4.1's libnbc pairs a rank that is both neighbours of a dimension in
             * list order (open-mpi/ompi#14416, fixed later); its blocking forms are right. */
            h->jalt[i] = h->in[i ^ 1] == q ? i : i ^ 1;
            TC_CHECK(all[disp[q] + h->j[i]] == h->rank, "%s: rank %d's block %d is not for me",
                     h->name, q, h->j[i]);
            continue;
        }
        for (int p = 0; p < i; p++) /* this is the k-th edge from q here... */
            k += h->in[p] == q;
        for (int b = 0; b < deg[q]; b++) { /* ...so it meets q's k-th edge to me */
            if (all[disp[q] + b] == h->rank && seen++ == k) {
                h->j[i] = h->jalt[i] = b;
                break;
            }
        }
        TC_CHECK(h->j[i] >= 0, "%s: rank %d has no edge to me for slot %d", h->name, q, i);
    }
    free(deg), free(disp), free(all);
}

/* ---- data: block b of rank q holds cnt(q, b) elements of type(q, b), element e = val ---- */

static int val(int q, int b, int e)
{
    return 100000 * q + 100 * b + e + 1;
}
/* Under Open MPI the shape of the v and w blocks (count, type) does not depend on the block,
 * so its swapped pairing (see pairing()) shows as swapped data, not as a truncation. */
#ifdef OPEN_MPI
#define SHAPE(b) ((b)&0)
#else
#define SHAPE(b) (b)
#endif

static int cnt(enum kind k, int q, int b)
{
    switch (k) {
    case AG:
        return 3;
    case AGV:
        return 1 + q % 3;
    case A2A:
        return 2;
    default:
        return (q + 2 * SHAPE(b)) % 4; /* zero-length blocks too */
    }
}
static int is_double(enum kind k, int q, int b)
{
    return k == A2AW && (q + SHAPE(b)) % 2;
}
static size_t esize(enum kind k, int q, int b)
{
    return is_double(k, q, b) ? sizeof(double) : sizeof(int);
}

static void put(enum kind k, int q, int b, char *p)
{
    for (int e = 0; e < cnt(k, q, b); e++) {
        if (is_double(k, q, b)) {
            double v = val(q, b, e) + 0.5;
            memcpy(p + e * sizeof v, &v, sizeof v);
        } else {
            int v = val(q, b, e);
            memcpy(p + e * sizeof v, &v, sizeof v);
        }
    }
}

/* One call's buffers, counts, byte offsets and types, and the image its receive buffer must
 * have afterwards (alt: with Open MPI 4.1's pairing, see pairing()). */
struct call {
    enum kind k;
    char *sbuf, *rbuf, *want, *alt;
    size_t slen, rlen;
    int *scounts, *rcounts, *sdispls, *rdispls;
    MPI_Aint *sdw, *rdw;
    MPI_Datatype *stypes, *rtypes;
    MPI_Request req;
};

#define GAP 8     /* bytes between the blocks of the v and w forms */
#define SENT 0x5a /* what the bytes a call must not touch hold */

/* The block this rank sends to out-neighbour b (the allgathers send block 0 to all). */
static int sblock(enum kind k, int b)
{
    return k == AG || k == AGV ? 0 : b;
}

/* Offsets of n blocks of len[i] bytes: back to back in order (packed), else in reverse order
 * with a gap before each. Returns the bytes spanned. */
static size_t layout(int n, const size_t *len, size_t *off, int packed)
{
    size_t pos = packed ? 0 : GAP;
    for (int i = packed ? 0 : n - 1; packed ? i < n : i >= 0; i += packed ? 1 : -1) {
        off[i] = pos;
        pos += len[i] + (packed ? 0 : GAP);
    }
    return pos;
}

static void *zalloc(size_t n, size_t size)
{
    void *p = tt_malloc(n * size);
    memset(p, 0, n * size);
    return p;
}

static void prepare_send(struct call *c, const struct nbh *h, size_t *soff)
{
    enum kind k = c->k;
    size_t *slen = zalloc((size_t)h->nout, sizeof(size_t));

    for (int b = 0; b < h->nout; b++) {
        int sb = sblock(k, b);
        c->scounts[b] = cnt(k, h->rank, sb);
        c->stypes[b] = is_double(k, h->rank, sb) ? MPI_DOUBLE : MPI_INT;
        slen[b] = (size_t)c->scounts[b] * esize(k, h->rank, sb);
    }
    if (k == AG || k == AGV) {
        c->slen = (size_t)cnt(k, h->rank, 0) * sizeof(int);
        memset(soff, 0, (size_t)h->nout * sizeof(size_t));
    } else {
        c->slen = layout(h->nout, slen, soff, k == A2A);
    }
    c->sbuf = tt_malloc(c->slen);
    memset(c->sbuf, SENT, c->slen);
    if (k == AG || k == AGV)
        put(k, h->rank, 0, c->sbuf);
    for (int b = 0; b < h->nout && k != AG && k != AGV; b++)
        put(k, h->rank, b, c->sbuf + soff[b]);
    for (int b = 0; b < h->nout; b++) {
        c->sdispls[b] = (int)(soff[b] / sizeof(int));
        c->sdw[b] = (MPI_Aint)soff[b];
    }
    free(slen);
}

static void prepare_recv(struct call *c, const struct nbh *h, size_t *roff)
{
    enum kind k = c->k;
    size_t *rlen = zalloc((size_t)h->nin, sizeof(size_t));

    for (int i = 0; i < h->nin; i++) {
        int q = h->in[i], b = q == MPI_PROC_NULL ? 0 : h->j[i];
        c->rcounts[i] = q == MPI_PROC_NULL ? 3 : cnt(k, q, b);
        if (k == AG || k == A2A) /* one count for all: what every sender sends */
            c->rcounts[i] = cnt(k, 0, 0);
        c->rtypes[i] = q != MPI_PROC_NULL && is_double(k, q, b) ? MPI_DOUBLE : MPI_INT;
        rlen[i] = (size_t)c->rcounts[i] * (c->rtypes[i] == MPI_DOUBLE ? sizeof(double) : 4);
    }
    c->rlen = layout(h->nin, rlen, roff, k == AG || k == A2A);
    c->rbuf = tt_malloc(c->rlen);
    c->want = tt_malloc(c->rlen);
    c->alt = tt_malloc(c->rlen);
    memset(c->rbuf, SENT, c->rlen);
    memset(c->want, SENT, c->rlen);
    memset(c->alt, SENT, c->rlen);
    for (int i = 0; i < h->nin; i++) {
        c->rdispls[i] = (int)(roff[i] / sizeof(int));
        c->rdw[i] = (MPI_Aint)roff[i];
        if (h->in[i] == MPI_PROC_NULL)
            continue;
        put(k, h->in[i], sblock(k, h->j[i]), c->want + roff[i]);
#ifdef OPEN_MPI
        put(k, h->in[i], sblock(k, h->jalt[i]), c->alt + roff[i]);
#endif
    }
    free(rlen);
}

static void prepare(struct call *c, const struct nbh *h, enum kind k)
{
    size_t *soff = zalloc((size_t)h->nout, sizeof(size_t));
    size_t *roff = zalloc((size_t)h->nin, sizeof(size_t));

    memset(c, 0, sizeof *c);
    c->k = k;
    c->req = MPI_REQUEST_NULL;
    c->scounts = zalloc((size_t)h->nout, sizeof(int));
    c->sdispls = zalloc((size_t)h->nout, sizeof(int));
    c->sdw = zalloc((size_t)h->nout, sizeof(MPI_Aint));
    c->stypes = zalloc((size_t)h->nout, sizeof(MPI_Datatype));
    c->rcounts = zalloc((size_t)h->nin, sizeof(int));
    c->rdispls = zalloc((size_t)h->nin, sizeof(int));
    c->rdw = zalloc((size_t)h->nin, sizeof(MPI_Aint));
    c->rtypes = zalloc((size_t)h->nin, sizeof(MPI_Datatype));
    prepare_send(c, h, soff);
    prepare_recv(c, h, roff);
    free(soff), free(roff);
}

static void release(struct call *c)
{
    free(c->sbuf), free(c->rbuf), free(c->want), free(c->alt);
    free(c->scounts), free(c->sdispls), free(c->sdw), free(c->stypes);
    free(c->rcounts), free(c->rdispls), free(c->rdw), free(c->rtypes);
}

static void start(struct call *c, const struct nbh *h, int nb)
{
    MPI_Comm comm = h->comm;
    MPI_Request *r = &c->req;
    int ac = cnt(AG, 0, 0), gc = cnt(AGV, h->rank, 0), tc = cnt(A2A, 0, 0);

    switch (c->k) {
    case AG:
        TC_OK(nb ? MPI_Ineighbor_allgather(c->sbuf, ac, MPI_INT, c->rbuf, ac, MPI_INT, comm, r)
                 : MPI_Neighbor_allgather(c->sbuf, ac, MPI_INT, c->rbuf, ac, MPI_INT, comm));
        break;
    case AGV:
        TC_OK(nb ? MPI_Ineighbor_allgatherv(c->sbuf, gc, MPI_INT, c->rbuf, c->rcounts, c->rdispls,
                                            MPI_INT, comm, r)
                 : MPI_Neighbor_allgatherv(c->sbuf, gc, MPI_INT, c->rbuf, c->rcounts, c->rdispls,
                                           MPI_INT, comm));
        break;
    case A2A:
        TC_OK(nb ? MPI_Ineighbor_alltoall(c->sbuf, tc, MPI_INT, c->rbuf, tc, MPI_INT, comm, r)
                 : MPI_Neighbor_alltoall(c->sbuf, tc, MPI_INT, c->rbuf, tc, MPI_INT, comm));
        break;
    case A2AV:
        TC_OK(nb ? MPI_Ineighbor_alltoallv(c->sbuf, c->scounts, c->sdispls, MPI_INT, c->rbuf,
                                           c->rcounts, c->rdispls, MPI_INT, comm, r)
                 : MPI_Neighbor_alltoallv(c->sbuf, c->scounts, c->sdispls, MPI_INT, c->rbuf,
                                          c->rcounts, c->rdispls, MPI_INT, comm));
        break;
    default:
        TC_OK(nb ? MPI_Ineighbor_alltoallw(c->sbuf, c->scounts, c->sdw, c->stypes, c->rbuf,
                                           c->rcounts, c->rdw, c->rtypes, comm, r)
                 : MPI_Neighbor_alltoallw(c->sbuf, c->scounts, c->sdw, c->stypes, c->rbuf,
                                          c->rcounts, c->rdw, c->rtypes, comm));
    }
}

static void verify(const struct call *c, const struct nbh *h, int nb)
{
    int ok = !memcmp(c->rbuf, c->want, c->rlen);
#ifdef OPEN_MPI
    /* Open MPI 4.1's nonblocking alltoalls pair the two blocks of a Cartesian dimension whose
     * both neighbours are one rank the wrong way round (open-mpi/ompi#14416). */
    if (!ok && nb && h->cart && c->k >= A2A)
        ok = !memcmp(c->rbuf, c->alt, c->rlen);
#endif
    if (ok)
        return;
    for (size_t b = 0; b < c->rlen; b++)
        TC_CHECK(c->rbuf[b] == c->want[b],
                 "%s: %s%s: receive buffer byte %zu is %#x, expected %#x (%zu bytes, %d in)",
                 h->name, nb ? "I" : "", kind_name[c->k], b, (unsigned char)c->rbuf[b],
                 (unsigned char)c->want[b], c->rlen, h->nin);
}

static void run(const char *name, MPI_Comm comm)
{
    struct nbh h = {name, comm, 0, 0, 0, 0, NULL, NULL, NULL, NULL};
    struct call c[NKINDS];
    MPI_Request reqs[NKINDS];

    lists(&h);
    pairing(&h);
    for (int k = 0; k < NKINDS; k++) { /* blocking, one at a time */
        prepare(&c[k], &h, (enum kind)k);
        start(&c[k], &h, 0);
        verify(&c[k], &h, 0);
        release(&c[k]);
    }
    for (int k = 0; k < NKINDS; k++) { /* nonblocking, all in flight together */
        prepare(&c[k], &h, (enum kind)k);
        start(&c[k], &h, 1);
        reqs[k] = c[k].req;
    }
    TC_OK(MPI_Waitall(NKINDS, reqs, MPI_STATUSES_IGNORE));
    for (int k = 0; k < NKINDS; k++) {
        verify(&c[k], &h, 1);
        release(&c[k]);
    }
    free(h.in), free(h.out), free(h.j), free(h.jalt);
}

static void on_grid(const char *name, int nd, const int *dims, const int *periods)
{
    MPI_Comm cart;

    TC_OK(MPI_Cart_create(MPI_COMM_WORLD, nd, dims, periods, 0, &cart));
    if (cart == MPI_COMM_NULL)
        return;
    run(name, cart);
    tt_free(&cart);
}

static void on_graph(void)
{
    int *index = tt_malloc((size_t)tc_size * sizeof(int)), *edges = tt_malloc(4u * tc_size * 4);
    MPI_Comm g;

    tt_graph(tc_size, index, edges);
    TC_OK(MPI_Graph_create(MPI_COMM_WORLD, tc_size, index, edges, 0, &g));
    run("graph", g);
    tt_free(&g);
    free(index), free(edges);
}

/* The irregular directed graph of topotest.h, weighted: given by other ranks, and adjacent. */
static void on_dist_graph(void)
{
    struct tt_edge *e = tt_malloc((size_t)(3 * tc_size + 2) * sizeof(*e));
    int ne = tt_edges(tc_size, e), n = 0, ni = 0, no = 0;
    int *srcs = tt_malloc((size_t)ne * 4), *ones = tt_malloc((size_t)ne * 4);
    int *dsts = tt_malloc((size_t)ne * 4), *w = tt_malloc((size_t)ne * 4);
    int *in = tt_malloc((size_t)ne * 4), *inw = tt_malloc((size_t)ne * 4);
    int *out = tt_malloc((size_t)ne * 4), *outw = tt_malloc((size_t)ne * 4);
    MPI_Comm dg;

    for (int k = 0; k < ne; k++) {
        if (tt_giver(k, tc_size) == tc_rank) {
            srcs[n] = e[k].s, dsts[n] = e[k].d, ones[n] = 1;
            w[n++] = tt_weight(e[k].s, e[k].d);
        }
        if (e[k].d == tc_rank)
            in[ni] = e[k].s, inw[ni++] = tt_weight(e[k].s, e[k].d);
        if (e[k].s == tc_rank)
            out[no] = e[k].d, outw[no++] = tt_weight(e[k].s, e[k].d);
    }
    TC_OK(MPI_Dist_graph_create(MPI_COMM_WORLD, n, srcs, ones, dsts,
                                n ? w : tt_w(MPI_WEIGHTS_EMPTY), MPI_INFO_NULL, 0, &dg));
    run("dist graph", dg);
    tt_free(&dg);
    TC_OK(MPI_Dist_graph_create_adjacent(MPI_COMM_WORLD, ni, in, ni ? inw : tt_w(MPI_WEIGHTS_EMPTY),
                                         no, out, no ? outw : tt_w(MPI_WEIGHTS_EMPTY),
                                         MPI_INFO_NULL, 0, &dg));
    run("adjacent dist graph", dg);
    tt_free(&dg);
    free(e), free(srcs), free(ones), free(dsts), free(w), free(in), free(inw), free(out),
        free(outw);
}

int main(int argc, char **argv)
{
    int P, d2[2] = {0, 0};

    tc_init(&argc, &argv, "neighbor");
    P = tc_size;
    TC_OK(MPI_Dims_create(P, 2, d2));
    on_grid("2D torus", 2, d2, (int[]){1, 1});
    on_grid("2D grid", 2, d2, (int[]){0, 0});
    on_grid("2D cylinder", 2, (int[]){d2[1], d2[0]}, (int[]){0, 1});
    on_grid("ring", 1, &P, (int[]){1});
    on_grid("3D, two dims of size 1", 3, (int[]){1, P, 1}, (int[]){1, 0, 1});
    on_grid("grid of 1", 1, (int[]){1}, (int[]){0});
    on_graph();
    on_dist_graph();
    tt_done("neighbourhood collectives");
    return 0;
}
