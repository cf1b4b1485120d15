/*
 * Neighbourhood collectives (MPI 3.1 section 7.6): the MPI entry points, blocking and
 * nonblocking. Each checks its arguments against the communicator's topology (MPI_ERR_TOPOLOGY
 * without one) and the neighbour counts, then calls coll/neighbor_exchange.c. The standard
 * allows no MPI_IN_PLACE here.
 */
#include "api/api.h"

#include "coll/neighbor.h"
#include "comm/comm.h"
#include "comm/topo.h"
#include "core/errcode.h"
#include "datatype/datatype.h"

#include <stddef.h>

struct call {
    const char *fn;
    MPI_Comm comm;
    int indegree, outdegree;
};

/* One side of the exchange as the arguments give it. */
struct side {
    const char *what; /* "send" or "recv" */
    const void *buf;
    int n;      /* neighbours on this side */
    int vector; /* counts[] (and displacements) instead of one count */
    int count;
    const int *counts;
    const void *displs;
    int per_block_types; /* alltoallw: dts[i] for block i, else dt for all */
    MPI_Datatype dt;
    const MPI_Datatype *dts;
};

static int begin(struct call *c, MPI_Request *req, int nonblocking)
{
    mpr_api_require_init(c->fn);
    if (!mpr_api_comm_ok(c->comm)) {
        return mpr_api_error(MPI_COMM_WORLD, c->fn, MPI_ERR_COMM, "comm: %s",
                             c->comm == MPI_COMM_NULL ? "MPI_COMM_NULL" : "not a communicator");
    }
    if (!c->comm->topo) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_TOPOLOGY,
                             "comm: has no topology (make one with MPI_Cart_create, "
                             "MPI_Graph_create or MPI_Dist_graph_create)");
    }
    if (nonblocking && !req) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_ARG, "request: NULL pointer");
    }
    mpr_topo_degrees(c->comm->topo, c->comm->rank, &c->indegree, &c->outdegree);
    return MPI_SUCCESS;
}

static int check_type(const struct call *c, MPI_Datatype dt, const char *what, int i)
{
    const char *why = NULL;

    if (!mpr_datatype_ok(dt)) {
        why = dt == MPI_DATATYPE_NULL ? "MPI_DATATYPE_NULL" : "not a datatype";
    } else if (!dt->committed) {
        why = "not committed; call MPI_Type_commit first";
    }
    if (!why) {
        return MPI_SUCCESS;
    }
    if (i < 0) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_TYPE, "%stype: %s", what, why);
    }
    return mpr_api_error(c->comm, c->fn, MPI_ERR_TYPE, "%stypes[%d]: %s", what, i, why);
}

/* count elements of dt in buf for block i (-1: every block): a count >= 0, no NULL with data. */
static int check_block(const struct call *c, const struct side *s, int count, MPI_Datatype dt,
                       int i)
{
    int rc = check_type(c, dt, s->what, s->per_block_types ? i : -1);

    if (rc == MPI_SUCCESS && count < 0) {
        rc = i < 0 ? mpr_api_error(c->comm, c->fn, MPI_ERR_COUNT, "%scount: %d is negative",
                                   s->what, count)
                   : mpr_api_error(c->comm, c->fn, MPI_ERR_COUNT, "%scounts[%d]: %d is negative",
                                   s->what, i, count);
    }
    if (rc == MPI_SUCCESS && !s->buf && s->n > 0 && count > 0 && dt->size > 0) {
        rc = mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER, "%sbuf: NULL with %d elements", s->what,
                           count);
    }
    return rc;
}

static int check_side(const struct call *c, const struct side *s)
{
    int rc = MPI_SUCCESS;

    if (s->buf == MPI_IN_PLACE) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER,
                             "%sbuf: MPI_IN_PLACE is not allowed in neighbourhood collectives",
                             s->what);
    }
    if (!s->vector) {
        return check_block(c, s, s->count, s->dt, -1);
    }
    if (s->n > 0 && (!s->counts || !s->displs || (s->per_block_types && !s->dts))) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_ARG, "%scounts, displacements%s: NULL",
                             s->what, s->per_block_types ? " or types" : "");
    }
    if (!s->per_block_types) {
        rc = check_type(c, s->dt, s->what, -1);
    }
    for (int i = 0; rc == MPI_SUCCESS && i < s->n; i++) {
        rc = check_block(c, s, s->counts[i], s->per_block_types ? s->dts[i] : s->dt, i);
    }
    return rc;
}

/* The two sides of each kind. */
static void sides(const struct call *c, enum mpr_nbr_kind kind, const struct mpr_nbr_args *a,
                  struct side *snd, struct side *rcv)
{
    *snd = (struct side){
        .what = "send", .buf = a->sbuf, .n = c->outdegree, .count = a->scount, .dt = a->sdt};
    *rcv = (struct side){
        .what = "recv", .buf = a->rbuf, .n = c->indegree, .count = a->rcount, .dt = a->rdt};
    if (kind == MPR_NBR_ALLTOALLV || kind == MPR_NBR_ALLTOALLW) {
        snd->vector = 1;
        snd->counts = a->scounts;
        snd->displs = kind == MPR_NBR_ALLTOALLV ? (const void *)a->sdispls : a->sdispls_w;
    }
    if (kind == MPR_NBR_ALLGATHERV || kind == MPR_NBR_ALLTOALLV || kind == MPR_NBR_ALLTOALLW) {
        rcv->vector = 1;
        rcv->counts = a->rcounts;
        rcv->displs = kind == MPR_NBR_ALLTOALLW ? (const void *)a->rdispls_w : a->rdispls;
    }
    if (kind == MPR_NBR_ALLTOALLW) {
        snd->per_block_types = rcv->per_block_types = 1;
        snd->dts = a->sdts;
        rcv->dts = a->rdts;
    }
}

/* Report a failure of the layer below. */
static int done(const struct call *c, int rc)
{
    if (rc == 0) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(c->comm, c->fn, rc == -MPR_ERR_NOMEM ? MPI_ERR_NO_MEM : MPI_ERR_INTERN,
                         "%s", rc == -MPR_ERR_NOMEM ? "out of memory" : "internal error");
}

static int neighbor(const char *fn, MPI_Comm comm, enum mpr_nbr_kind kind,
                    const struct mpr_nbr_args *a, MPI_Request *req, int nonblocking)
{
    struct call c = {fn, comm, 0, 0};
    struct side snd, rcv;
    int rc = begin(&c, req, nonblocking);

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    sides(&c, kind, a, &snd, &rcv);
    rc = check_side(&c, &snd);
    if (rc == MPI_SUCCESS) {
        rc = check_side(&c, &rcv);
    }
    return rc != MPI_SUCCESS ? rc : done(&c, mpr_coll_neighbor(kind, a, comm, req));
}

#pragma weak MPI_Neighbor_allgather = PMPI_Neighbor_allgather
int PMPI_Neighbor_allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                            void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scount = sendcount,
                             .sdt = sendtype,
                             .rbuf = recvbuf,
                             .rcount = recvcount,
                             .rdt = recvtype};

    return neighbor("MPI_Neighbor_allgather", comm, MPR_NBR_ALLGATHER, &a, NULL, 0);
}

#pragma weak MPI_Ineighbor_allgather = PMPI_Ineighbor_allgather
int PMPI_Ineighbor_allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                             void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm,
                             MPI_Request *request)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scount = sendcount,
                             .sdt = sendtype,
                             .rbuf = recvbuf,
                             .rcount = recvcount,
                             .rdt = recvtype};

    return neighbor("MPI_Ineighbor_allgather", comm, MPR_NBR_ALLGATHER, &a, request, 1);
}

#pragma weak MPI_Neighbor_allgatherv = PMPI_Neighbor_allgatherv
int PMPI_Neighbor_allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                             void *recvbuf, const int recvcounts[], const int displs[],
                             MPI_Datatype recvtype, MPI_Comm comm)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scount = sendcount,
                             .sdt = sendtype,
                             .rbuf = recvbuf,
                             .rcounts = recvcounts,
                             .rdispls = displs,
                             .rdt = recvtype};

    return neighbor("MPI_Neighbor_allgatherv", comm, MPR_NBR_ALLGATHERV, &a, NULL, 0);
}

#pragma weak MPI_Ineighbor_allgatherv = PMPI_Ineighbor_allgatherv
int PMPI_Ineighbor_allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                              void *recvbuf, const int recvcounts[], const int displs[],
                              MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scount = sendcount,
                             .sdt = sendtype,
                             .rbuf = recvbuf,
                             .rcounts = recvcounts,
                             .rdispls = displs,
                             .rdt = recvtype};

    return neighbor("MPI_Ineighbor_allgatherv", comm, MPR_NBR_ALLGATHERV, &a, request, 1);
}

#pragma weak MPI_Neighbor_alltoall = PMPI_Neighbor_alltoall
int PMPI_Neighbor_alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                           int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scount = sendcount,
                             .sdt = sendtype,
                             .rbuf = recvbuf,
                             .rcount = recvcount,
                             .rdt = recvtype};

    return neighbor("MPI_Neighbor_alltoall", comm, MPR_NBR_ALLTOALL, &a, NULL, 0);
}

#pragma weak MPI_Ineighbor_alltoall = PMPI_Ineighbor_alltoall
int PMPI_Ineighbor_alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                            void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm,
                            MPI_Request *request)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scount = sendcount,
                             .sdt = sendtype,
                             .rbuf = recvbuf,
                             .rcount = recvcount,
                             .rdt = recvtype};

    return neighbor("MPI_Ineighbor_alltoall", comm, MPR_NBR_ALLTOALL, &a, request, 1);
}

#pragma weak MPI_Neighbor_alltoallv = PMPI_Neighbor_alltoallv
int PMPI_Neighbor_alltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
                            MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                            const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scounts = sendcounts,
                             .sdispls = sdispls,
                             .sdt = sendtype,
                             .rbuf = recvbuf,
                             .rcounts = recvcounts,
                             .rdispls = rdispls,
                             .rdt = recvtype};

    return neighbor("MPI_Neighbor_alltoallv", comm, MPR_NBR_ALLTOALLV, &a, NULL, 0);
}

#pragma weak MPI_Ineighbor_alltoallv = PMPI_Ineighbor_alltoallv
int PMPI_Ineighbor_alltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
                             MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                             const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm,
                             MPI_Request *request)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scounts = sendcounts,
                             .sdispls = sdispls,
                             .sdt = sendtype,
                             .rbuf = recvbuf,
                             .rcounts = recvcounts,
                             .rdispls = rdispls,
                             .rdt = recvtype};

    return neighbor("MPI_Ineighbor_alltoallv", comm, MPR_NBR_ALLTOALLV, &a, request, 1);
}

#pragma weak MPI_Neighbor_alltoallw = PMPI_Neighbor_alltoallw
int PMPI_Neighbor_alltoallw(const void *sendbuf, const int sendcounts[], const MPI_Aint sdispls[],
                            const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[],
                            const MPI_Aint rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scounts = sendcounts,
                             .sdispls_w = sdispls,
                             .sdts = sendtypes,
                             .rbuf = recvbuf,
                             .rcounts = recvcounts,
                             .rdispls_w = rdispls,
                             .rdts = recvtypes};

    return neighbor("MPI_Neighbor_alltoallw", comm, MPR_NBR_ALLTOALLW, &a, NULL, 0);
}

#pragma weak MPI_Ineighbor_alltoallw = PMPI_Ineighbor_alltoallw
int PMPI_Ineighbor_alltoallw(const void *sendbuf, const int sendcounts[], const MPI_Aint sdispls[],
                             const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[],
                             const MPI_Aint rdispls[], const MPI_Datatype recvtypes[],
                             MPI_Comm comm, MPI_Request *request)
{
    struct mpr_nbr_args a = {.sbuf = sendbuf,
                             .scounts = sendcounts,
                             .sdispls_w = sdispls,
                             .sdts = sendtypes,
                             .rbuf = recvbuf,
                             .rcounts = recvcounts,
                             .rdispls_w = rdispls,
                             .rdts = recvtypes};

    return neighbor("MPI_Ineighbor_alltoallw", comm, MPR_NBR_ALLTOALLW, &a, request, 1);
}
