/*
 * Collective communication: the MPI entry points.
 * Each checks its arguments, then calls the layer below; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#include "coll/coll.h"
#include "comm/comm.h"

#pragma weak MPI_Barrier = PMPI_Barrier
int PMPI_Barrier(MPI_Comm comm)
{
    int rc;

    mpr_api_require_init("MPI_Barrier");
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Barrier", MPI_ERR_COMM,
                             "comm: not a valid communicator");
    }
    rc = mpr_coll_barrier(comm);
    if (rc != 0) {
        return mpr_api_error(comm, "MPI_Barrier", MPI_ERR_OTHER,
                             "the barrier failed (internal error %d; the cause is logged above)",
                             rc);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Bcast = PMPI_Bcast
int PMPI_Bcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm)
{
    (void)buffer;
    (void)count;
    (void)datatype;
    (void)root;
    (void)comm;
    return mpr_api_unsupported("MPI_Bcast");
}

#pragma weak MPI_Gather = PMPI_Gather
int PMPI_Gather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)root;
    (void)comm;
    return mpr_api_unsupported("MPI_Gather");
}

#pragma weak MPI_Gatherv = PMPI_Gatherv
int PMPI_Gatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                 const int recvcounts[], const int displs[], MPI_Datatype recvtype, int root,
                 MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcounts;
    (void)displs;
    (void)recvtype;
    (void)root;
    (void)comm;
    return mpr_api_unsupported("MPI_Gatherv");
}

#pragma weak MPI_Scatter = PMPI_Scatter
int PMPI_Scatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                 int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)root;
    (void)comm;
    return mpr_api_unsupported("MPI_Scatter");
}

#pragma weak MPI_Scatterv = PMPI_Scatterv
int PMPI_Scatterv(const void *sendbuf, const int sendcounts[], const int displs[],
                  MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype,
                  int root, MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcounts;
    (void)displs;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)root;
    (void)comm;
    return mpr_api_unsupported("MPI_Scatterv");
}

#pragma weak MPI_Allgather = PMPI_Allgather
int PMPI_Allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                   int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)comm;
    return mpr_api_unsupported("MPI_Allgather");
}

#pragma weak MPI_Allgatherv = PMPI_Allgatherv
int PMPI_Allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                    const int recvcounts[], const int displs[], MPI_Datatype recvtype,
                    MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcounts;
    (void)displs;
    (void)recvtype;
    (void)comm;
    return mpr_api_unsupported("MPI_Allgatherv");
}

#pragma weak MPI_Alltoall = PMPI_Alltoall
int PMPI_Alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                  int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)comm;
    return mpr_api_unsupported("MPI_Alltoall");
}

#pragma weak MPI_Alltoallv = PMPI_Alltoallv
int PMPI_Alltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
                   MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                   const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcounts;
    (void)sdispls;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcounts;
    (void)rdispls;
    (void)recvtype;
    (void)comm;
    return mpr_api_unsupported("MPI_Alltoallv");
}

#pragma weak MPI_Alltoallw = PMPI_Alltoallw
int PMPI_Alltoallw(const void *sendbuf, const int sendcounts[], const int sdispls[],
                   const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[],
                   const int rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcounts;
    (void)sdispls;
    (void)sendtypes;
    (void)recvbuf;
    (void)recvcounts;
    (void)rdispls;
    (void)recvtypes;
    (void)comm;
    return mpr_api_unsupported("MPI_Alltoallw");
}

#pragma weak MPI_Reduce = PMPI_Reduce
int PMPI_Reduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                int root, MPI_Comm comm)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)count;
    (void)datatype;
    (void)op;
    (void)root;
    (void)comm;
    return mpr_api_unsupported("MPI_Reduce");
}

#pragma weak MPI_Allreduce = PMPI_Allreduce
int PMPI_Allreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                   MPI_Comm comm)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)count;
    (void)datatype;
    (void)op;
    (void)comm;
    return mpr_api_unsupported("MPI_Allreduce");
}

#pragma weak MPI_Reduce_local = PMPI_Reduce_local
int PMPI_Reduce_local(const void *inbuf, void *inoutbuf, int count, MPI_Datatype datatype,
                      MPI_Op op)
{
    (void)inbuf;
    (void)inoutbuf;
    (void)count;
    (void)datatype;
    (void)op;
    return mpr_api_unsupported("MPI_Reduce_local");
}

#pragma weak MPI_Reduce_scatter_block = PMPI_Reduce_scatter_block
int PMPI_Reduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount,
                              MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)recvcount;
    (void)datatype;
    (void)op;
    (void)comm;
    return mpr_api_unsupported("MPI_Reduce_scatter_block");
}

#pragma weak MPI_Reduce_scatter = PMPI_Reduce_scatter
int PMPI_Reduce_scatter(const void *sendbuf, void *recvbuf, const int recvcounts[],
                        MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)recvcounts;
    (void)datatype;
    (void)op;
    (void)comm;
    return mpr_api_unsupported("MPI_Reduce_scatter");
}

#pragma weak MPI_Scan = PMPI_Scan
int PMPI_Scan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
              MPI_Comm comm)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)count;
    (void)datatype;
    (void)op;
    (void)comm;
    return mpr_api_unsupported("MPI_Scan");
}

#pragma weak MPI_Exscan = PMPI_Exscan
int PMPI_Exscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                MPI_Comm comm)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)count;
    (void)datatype;
    (void)op;
    (void)comm;
    return mpr_api_unsupported("MPI_Exscan");
}

#pragma weak MPI_Ibarrier = PMPI_Ibarrier
int PMPI_Ibarrier(MPI_Comm comm, MPI_Request *request)
{
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ibarrier");
}

#pragma weak MPI_Ibcast = PMPI_Ibcast
int PMPI_Ibcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm,
                MPI_Request *request)
{
    (void)buffer;
    (void)count;
    (void)datatype;
    (void)root;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ibcast");
}

#pragma weak MPI_Igather = PMPI_Igather
int PMPI_Igather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                 int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm,
                 MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)root;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Igather");
}

#pragma weak MPI_Igatherv = PMPI_Igatherv
int PMPI_Igatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                  const int recvcounts[], const int displs[], MPI_Datatype recvtype, int root,
                  MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcounts;
    (void)displs;
    (void)recvtype;
    (void)root;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Igatherv");
}

#pragma weak MPI_Iscatter = PMPI_Iscatter
int PMPI_Iscatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                  int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm,
                  MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)root;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Iscatter");
}

#pragma weak MPI_Iscatterv = PMPI_Iscatterv
int PMPI_Iscatterv(const void *sendbuf, const int sendcounts[], const int displs[],
                   MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype,
                   int root, MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcounts;
    (void)displs;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)root;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Iscatterv");
}

#pragma weak MPI_Iallgather = PMPI_Iallgather
int PMPI_Iallgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                    int recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Iallgather");
}

#pragma weak MPI_Iallgatherv = PMPI_Iallgatherv
int PMPI_Iallgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                     const int recvcounts[], const int displs[], MPI_Datatype recvtype,
                     MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcounts;
    (void)displs;
    (void)recvtype;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Iallgatherv");
}

#pragma weak MPI_Ialltoall = PMPI_Ialltoall
int PMPI_Ialltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                   int recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ialltoall");
}

#pragma weak MPI_Ialltoallv = PMPI_Ialltoallv
int PMPI_Ialltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
                    MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                    const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcounts;
    (void)sdispls;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcounts;
    (void)rdispls;
    (void)recvtype;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ialltoallv");
}

#pragma weak MPI_Ialltoallw = PMPI_Ialltoallw
int PMPI_Ialltoallw(const void *sendbuf, const int sendcounts[], const int sdispls[],
                    const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[],
                    const int rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm,
                    MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcounts;
    (void)sdispls;
    (void)sendtypes;
    (void)recvbuf;
    (void)recvcounts;
    (void)rdispls;
    (void)recvtypes;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ialltoallw");
}

#pragma weak MPI_Ireduce = PMPI_Ireduce
int PMPI_Ireduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                 int root, MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)count;
    (void)datatype;
    (void)op;
    (void)root;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ireduce");
}

#pragma weak MPI_Iallreduce = PMPI_Iallreduce
int PMPI_Iallreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                    MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)count;
    (void)datatype;
    (void)op;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Iallreduce");
}

#pragma weak MPI_Ireduce_scatter_block = PMPI_Ireduce_scatter_block
int PMPI_Ireduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount,
                               MPI_Datatype datatype, MPI_Op op, MPI_Comm comm,
                               MPI_Request *request)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)recvcount;
    (void)datatype;
    (void)op;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ireduce_scatter_block");
}

#pragma weak MPI_Ireduce_scatter = PMPI_Ireduce_scatter
int PMPI_Ireduce_scatter(const void *sendbuf, void *recvbuf, const int recvcounts[],
                         MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)recvcounts;
    (void)datatype;
    (void)op;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ireduce_scatter");
}

#pragma weak MPI_Iscan = PMPI_Iscan
int PMPI_Iscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
               MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)count;
    (void)datatype;
    (void)op;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Iscan");
}

#pragma weak MPI_Iexscan = PMPI_Iexscan
int PMPI_Iexscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                 MPI_Comm comm, MPI_Request *request)
{
    (void)sendbuf;
    (void)recvbuf;
    (void)count;
    (void)datatype;
    (void)op;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Iexscan");
}
