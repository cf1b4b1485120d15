/*
 * Collective communication: the MPI entry points for gather, scatter, allgather and the
 * all-to-all family, with their v and w variants (blocking and nonblocking). One description of
 * both sides (struct mpr_coll_args) is checked for what matters on this rank, then run as in
 * coll.c (coll_api.h).
 */
#include "api/coll_api.h"

#include "comm/comm.h"
#include "datatype/datatype.h"

/* ---- gather, scatter, allgather, alltoall: one description of both sides ---- */

/* Which sides matter on this rank, and where MPI_IN_PLACE is allowed (MPI 3.1, 5.5-5.8). */
static int check_sides(const struct mpr_api_call *c, const struct mpr_coll_args *x,
                       enum mpr_coll_kind k)
{
    int root = k <= MPR_CK_SCATTERV && c->comm->rank == x->root;
    int rc = MPI_SUCCESS;

    switch (k) {
    case MPR_CK_GATHER:
    case MPR_CK_GATHERV:
        rc = mpr_api_coll_check_buf(c, x->sbuf, x->scount, x->sdt, "sendbuf", root);
        if (rc == MPI_SUCCESS && root) {
            rc =
                k == MPR_CK_GATHER
                    ? mpr_api_coll_check_buf(c, x->rbuf, x->rcount, x->rdt, "recvbuf", 0)
                    : mpr_api_coll_check_counts(c, x->rcounts, x->rdispls, x->rdt, x->rbuf, "recv");
        }
        return rc;
    case MPR_CK_SCATTER:
    case MPR_CK_SCATTERV:
        if (root) {
            rc =
                k == MPR_CK_SCATTER
                    ? mpr_api_coll_check_buf(c, x->sbuf, x->scount, x->sdt, "sendbuf", 0)
                    : mpr_api_coll_check_counts(c, x->scounts, x->sdispls, x->sdt, x->sbuf, "send");
        }
        return rc == MPI_SUCCESS
                   ? mpr_api_coll_check_buf(c, x->rbuf, x->rcount, x->rdt, "recvbuf", root)
                   : rc;
    case MPR_CK_ALLGATHER:
    case MPR_CK_ALLGATHERV:
        rc = mpr_api_coll_check_buf(c, x->sbuf, x->scount, x->sdt, "sendbuf", 1);
        if (rc == MPI_SUCCESS) {
            rc =
                k == MPR_CK_ALLGATHER
                    ? mpr_api_coll_check_buf(c, x->rbuf, x->rcount, x->rdt, "recvbuf", 0)
                    : mpr_api_coll_check_counts(c, x->rcounts, x->rdispls, x->rdt, x->rbuf, "recv");
        }
        return rc;
    default:
        return MPI_SUCCESS; /* alltoall family: below */
    }
}

static int check_alltoall(const struct mpr_api_call *c, const struct mpr_coll_args *x,
                          enum mpr_coll_kind k)
{
    int rc = MPI_SUCCESS;

    if (k == MPR_CK_ALLTOALL) {
        rc = mpr_api_coll_check_buf(c, x->sbuf, x->scount, x->sdt, "sendbuf", 1);
        return rc == MPI_SUCCESS
                   ? mpr_api_coll_check_buf(c, x->rbuf, x->rcount, x->rdt, "recvbuf", 0)
                   : rc;
    }
    if (k == MPR_CK_ALLTOALLV) {
        if (x->sbuf != MPI_IN_PLACE) {
            rc = mpr_api_coll_check_counts(c, x->scounts, x->sdispls, x->sdt, x->sbuf, "send");
        }
        return rc == MPI_SUCCESS
                   ? mpr_api_coll_check_counts(c, x->rcounts, x->rdispls, x->rdt, x->rbuf, "recv")
                   : rc;
    }
    for (int i = 0; rc == MPI_SUCCESS && i < c->comm->size; i++) {
        if (x->sbuf != MPI_IN_PLACE) {
            rc = mpr_api_coll_check_counts(c, x->scounts, x->sdispls, x->sdts[i], x->sbuf, "send");
        }
        if (rc == MPI_SUCCESS) {
            rc = mpr_api_coll_check_counts(c, x->rcounts, x->rdispls, x->rdts[i], x->rbuf, "recv");
        }
    }
    return rc;
}

static int xfer(const struct mpr_api_call *c, struct mpr_coll_args *x, enum mpr_coll_kind k,
                MPI_Request *req, int nb)
{
    int rc = mpr_api_coll_begin(c, req, nb);

    if (rc == MPI_SUCCESS && k <= MPR_CK_SCATTERV) {
        rc = mpr_api_coll_check_root(c,
                                     x->root); /* gather, gatherv, scatter, scatterv have a root */
    }
    if (rc == MPI_SUCCESS) {
        rc = k >= MPR_CK_ALLTOALL ? check_alltoall(c, x, k) : check_sides(c, x, k);
    }
    if (rc == MPI_SUCCESS && x->rbuf == MPI_IN_PLACE && k != MPR_CK_SCATTER &&
        k != MPR_CK_SCATTERV) {
        rc = mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER, "recvbuf: MPI_IN_PLACE is not allowed");
    }
    return rc != MPI_SUCCESS ? rc : mpr_api_coll_run(c, k, x, MPI_OP_NULL, req);
}

#pragma weak MPI_Gather = PMPI_Gather
int PMPI_Gather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Gather", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = root};

    return xfer(&c, &x, MPR_CK_GATHER, NULL, 0);
}

#pragma weak MPI_Igather = PMPI_Igather
int PMPI_Igather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                 int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm,
                 MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Igather", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = root};

    return xfer(&c, &x, MPR_CK_GATHER, request, 1);
}

#pragma weak MPI_Gatherv = PMPI_Gatherv
int PMPI_Gatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                 const int recvcounts[], const int displs[], MPI_Datatype recvtype, int root,
                 MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Gatherv", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcounts = recvcounts,
                              .rdispls = displs,
                              .rdt = recvtype,
                              .root = root};

    return xfer(&c, &x, MPR_CK_GATHERV, NULL, 0);
}

#pragma weak MPI_Igatherv = PMPI_Igatherv
int PMPI_Igatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                  const int recvcounts[], const int displs[], MPI_Datatype recvtype, int root,
                  MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Igatherv", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcounts = recvcounts,
                              .rdispls = displs,
                              .rdt = recvtype,
                              .root = root};

    return xfer(&c, &x, MPR_CK_GATHERV, request, 1);
}

#pragma weak MPI_Scatter = PMPI_Scatter
int PMPI_Scatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                 int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Scatter", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = root};

    return xfer(&c, &x, MPR_CK_SCATTER, NULL, 0);
}

#pragma weak MPI_Iscatter = PMPI_Iscatter
int PMPI_Iscatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                  int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm,
                  MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Iscatter", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = root};

    return xfer(&c, &x, MPR_CK_SCATTER, request, 1);
}

#pragma weak MPI_Scatterv = PMPI_Scatterv
int PMPI_Scatterv(const void *sendbuf, const int sendcounts[], const int displs[],
                  MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype,
                  int root, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Scatterv", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scounts = sendcounts,
                              .sdispls = displs,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = root};

    return xfer(&c, &x, MPR_CK_SCATTERV, NULL, 0);
}

#pragma weak MPI_Iscatterv = PMPI_Iscatterv
int PMPI_Iscatterv(const void *sendbuf, const int sendcounts[], const int displs[],
                   MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype,
                   int root, MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Iscatterv", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scounts = sendcounts,
                              .sdispls = displs,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = root};

    return xfer(&c, &x, MPR_CK_SCATTERV, request, 1);
}

#pragma weak MPI_Allgather = PMPI_Allgather
int PMPI_Allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                   int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Allgather", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLGATHER, NULL, 0);
}

#pragma weak MPI_Iallgather = PMPI_Iallgather
int PMPI_Iallgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                    int recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Iallgather", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLGATHER, request, 1);
}

#pragma weak MPI_Allgatherv = PMPI_Allgatherv
int PMPI_Allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                    const int recvcounts[], const int displs[], MPI_Datatype recvtype,
                    MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Allgatherv", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcounts = recvcounts,
                              .rdispls = displs,
                              .rdt = recvtype,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLGATHERV, NULL, 0);
}

#pragma weak MPI_Iallgatherv = PMPI_Iallgatherv
int PMPI_Iallgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                     const int recvcounts[], const int displs[], MPI_Datatype recvtype,
                     MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Iallgatherv", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcounts = recvcounts,
                              .rdispls = displs,
                              .rdt = recvtype,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLGATHERV, request, 1);
}

#pragma weak MPI_Alltoall = PMPI_Alltoall
int PMPI_Alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                  int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Alltoall", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLTOALL, NULL, 0);
}

#pragma weak MPI_Ialltoall = PMPI_Ialltoall
int PMPI_Ialltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                   int recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Ialltoall", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scount = sendcount,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcount = recvcount,
                              .rdt = recvtype,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLTOALL, request, 1);
}

#pragma weak MPI_Alltoallv = PMPI_Alltoallv
int PMPI_Alltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
                   MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                   const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Alltoallv", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scounts = sendcounts,
                              .sdispls = sdispls,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcounts = recvcounts,
                              .rdispls = rdispls,
                              .rdt = recvtype,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLTOALLV, NULL, 0);
}

#pragma weak MPI_Ialltoallv = PMPI_Ialltoallv
int PMPI_Ialltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
                    MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                    const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Ialltoallv", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scounts = sendcounts,
                              .sdispls = sdispls,
                              .sdt = sendtype,
                              .rbuf = recvbuf,
                              .rcounts = recvcounts,
                              .rdispls = rdispls,
                              .rdt = recvtype,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLTOALLV, request, 1);
}

#pragma weak MPI_Alltoallw = PMPI_Alltoallw
int PMPI_Alltoallw(const void *sendbuf, const int sendcounts[], const int sdispls[],
                   const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[],
                   const int rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Alltoallw", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scounts = sendcounts,
                              .sdispls = sdispls,
                              .sdts = sendtypes,
                              .rbuf = recvbuf,
                              .rcounts = recvcounts,
                              .rdispls = rdispls,
                              .rdts = recvtypes,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLTOALLW, NULL, 0);
}

#pragma weak MPI_Ialltoallw = PMPI_Ialltoallw
int PMPI_Ialltoallw(const void *sendbuf, const int sendcounts[], const int sdispls[],
                    const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[],
                    const int rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm,
                    MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Ialltoallw", comm};
    struct mpr_coll_args x = {.sbuf = sendbuf,
                              .scounts = sendcounts,
                              .sdispls = sdispls,
                              .sdts = sendtypes,
                              .rbuf = recvbuf,
                              .rcounts = recvcounts,
                              .rdispls = rdispls,
                              .rdts = recvtypes,
                              .root = -1};

    return xfer(&c, &x, MPR_CK_ALLTOALLW, request, 1);
}
