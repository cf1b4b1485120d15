/*
 * Process topologies and neighborhood collectives: the MPI entry points.
 * Each checks its arguments, then calls the layer below; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#pragma weak MPI_Cart_create = PMPI_Cart_create
int PMPI_Cart_create(MPI_Comm comm_old, int ndims, const int dims[], const int periods[],
                     int reorder, MPI_Comm *comm_cart)
{
    (void)comm_old;
    (void)ndims;
    (void)dims;
    (void)periods;
    (void)reorder;
    (void)comm_cart;
    return mpr_api_unsupported("MPI_Cart_create");
}

#pragma weak MPI_Dims_create = PMPI_Dims_create
int PMPI_Dims_create(int nnodes, int ndims, int dims[])
{
    (void)nnodes;
    (void)ndims;
    (void)dims;
    return mpr_api_unsupported("MPI_Dims_create");
}

#pragma weak MPI_Graph_create = PMPI_Graph_create
int PMPI_Graph_create(MPI_Comm comm_old, int nnodes, const int index[], const int edges[],
                      int reorder, MPI_Comm *comm_graph)
{
    (void)comm_old;
    (void)nnodes;
    (void)index;
    (void)edges;
    (void)reorder;
    (void)comm_graph;
    return mpr_api_unsupported("MPI_Graph_create");
}

#pragma weak MPI_Dist_graph_create_adjacent = PMPI_Dist_graph_create_adjacent
int PMPI_Dist_graph_create_adjacent(MPI_Comm comm_old, int indegree, const int sources[],
                                    const int sourceweights[], int outdegree,
                                    const int destinations[], const int destweights[],
                                    MPI_Info info, int reorder, MPI_Comm *comm_dist_graph)
{
    (void)comm_old;
    (void)indegree;
    (void)sources;
    (void)sourceweights;
    (void)outdegree;
    (void)destinations;
    (void)destweights;
    (void)info;
    (void)reorder;
    (void)comm_dist_graph;
    return mpr_api_unsupported("MPI_Dist_graph_create_adjacent");
}

#pragma weak MPI_Dist_graph_create = PMPI_Dist_graph_create
int PMPI_Dist_graph_create(MPI_Comm comm_old, int n, const int sources[], const int degrees[],
                           const int destinations[], const int weights[], MPI_Info info,
                           int reorder, MPI_Comm *comm_dist_graph)
{
    (void)comm_old;
    (void)n;
    (void)sources;
    (void)degrees;
    (void)destinations;
    (void)weights;
    (void)info;
    (void)reorder;
    (void)comm_dist_graph;
    return mpr_api_unsupported("MPI_Dist_graph_create");
}

#pragma weak MPI_Topo_test = PMPI_Topo_test
int PMPI_Topo_test(MPI_Comm comm, int *status)
{
    (void)comm;
    (void)status;
    return mpr_api_unsupported("MPI_Topo_test");
}

#pragma weak MPI_Graphdims_get = PMPI_Graphdims_get
int PMPI_Graphdims_get(MPI_Comm comm, int *nnodes, int *nedges)
{
    (void)comm;
    (void)nnodes;
    (void)nedges;
    return mpr_api_unsupported("MPI_Graphdims_get");
}

#pragma weak MPI_Graph_get = PMPI_Graph_get
int PMPI_Graph_get(MPI_Comm comm, int maxindex, int maxedges, int index[], int edges[])
{
    (void)comm;
    (void)maxindex;
    (void)maxedges;
    (void)index;
    (void)edges;
    return mpr_api_unsupported("MPI_Graph_get");
}

#pragma weak MPI_Cartdim_get = PMPI_Cartdim_get
int PMPI_Cartdim_get(MPI_Comm comm, int *ndims)
{
    (void)comm;
    (void)ndims;
    return mpr_api_unsupported("MPI_Cartdim_get");
}

#pragma weak MPI_Cart_get = PMPI_Cart_get
int PMPI_Cart_get(MPI_Comm comm, int maxdims, int dims[], int periods[], int coords[])
{
    (void)comm;
    (void)maxdims;
    (void)dims;
    (void)periods;
    (void)coords;
    return mpr_api_unsupported("MPI_Cart_get");
}

#pragma weak MPI_Cart_rank = PMPI_Cart_rank
int PMPI_Cart_rank(MPI_Comm comm, const int coords[], int *rank)
{
    (void)comm;
    (void)coords;
    (void)rank;
    return mpr_api_unsupported("MPI_Cart_rank");
}

#pragma weak MPI_Cart_coords = PMPI_Cart_coords
int PMPI_Cart_coords(MPI_Comm comm, int rank, int maxdims, int coords[])
{
    (void)comm;
    (void)rank;
    (void)maxdims;
    (void)coords;
    return mpr_api_unsupported("MPI_Cart_coords");
}

#pragma weak MPI_Graph_neighbors_count = PMPI_Graph_neighbors_count
int PMPI_Graph_neighbors_count(MPI_Comm comm, int rank, int *nneighbors)
{
    (void)comm;
    (void)rank;
    (void)nneighbors;
    return mpr_api_unsupported("MPI_Graph_neighbors_count");
}

#pragma weak MPI_Graph_neighbors = PMPI_Graph_neighbors
int PMPI_Graph_neighbors(MPI_Comm comm, int rank, int maxneighbors, int neighbors[])
{
    (void)comm;
    (void)rank;
    (void)maxneighbors;
    (void)neighbors;
    return mpr_api_unsupported("MPI_Graph_neighbors");
}

#pragma weak MPI_Dist_graph_neighbors_count = PMPI_Dist_graph_neighbors_count
int PMPI_Dist_graph_neighbors_count(MPI_Comm comm, int *indegree, int *outdegree, int *weighted)
{
    (void)comm;
    (void)indegree;
    (void)outdegree;
    (void)weighted;
    return mpr_api_unsupported("MPI_Dist_graph_neighbors_count");
}

#pragma weak MPI_Dist_graph_neighbors = PMPI_Dist_graph_neighbors
int PMPI_Dist_graph_neighbors(MPI_Comm comm, int maxindegree, int sources[], int sourceweights[],
                              int maxoutdegree, int destinations[], int destweights[])
{
    (void)comm;
    (void)maxindegree;
    (void)sources;
    (void)sourceweights;
    (void)maxoutdegree;
    (void)destinations;
    (void)destweights;
    return mpr_api_unsupported("MPI_Dist_graph_neighbors");
}

#pragma weak MPI_Cart_shift = PMPI_Cart_shift
int PMPI_Cart_shift(MPI_Comm comm, int direction, int disp, int *rank_source, int *rank_dest)
{
    (void)comm;
    (void)direction;
    (void)disp;
    (void)rank_source;
    (void)rank_dest;
    return mpr_api_unsupported("MPI_Cart_shift");
}

#pragma weak MPI_Cart_sub = PMPI_Cart_sub
int PMPI_Cart_sub(MPI_Comm comm, const int remain_dims[], MPI_Comm *newcomm)
{
    (void)comm;
    (void)remain_dims;
    (void)newcomm;
    return mpr_api_unsupported("MPI_Cart_sub");
}

#pragma weak MPI_Cart_map = PMPI_Cart_map
int PMPI_Cart_map(MPI_Comm comm, int ndims, const int dims[], const int periods[], int *newrank)
{
    (void)comm;
    (void)ndims;
    (void)dims;
    (void)periods;
    (void)newrank;
    return mpr_api_unsupported("MPI_Cart_map");
}

#pragma weak MPI_Graph_map = PMPI_Graph_map
int PMPI_Graph_map(MPI_Comm comm, int nnodes, const int index[], const int edges[], int *newrank)
{
    (void)comm;
    (void)nnodes;
    (void)index;
    (void)edges;
    (void)newrank;
    return mpr_api_unsupported("MPI_Graph_map");
}

#pragma weak MPI_Neighbor_allgather = PMPI_Neighbor_allgather
int PMPI_Neighbor_allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                            void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)comm;
    return mpr_api_unsupported("MPI_Neighbor_allgather");
}

#pragma weak MPI_Neighbor_allgatherv = PMPI_Neighbor_allgatherv
int PMPI_Neighbor_allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                             void *recvbuf, const int recvcounts[], const int displs[],
                             MPI_Datatype recvtype, MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcounts;
    (void)displs;
    (void)recvtype;
    (void)comm;
    return mpr_api_unsupported("MPI_Neighbor_allgatherv");
}

#pragma weak MPI_Neighbor_alltoall = PMPI_Neighbor_alltoall
int PMPI_Neighbor_alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf,
                           int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)comm;
    return mpr_api_unsupported("MPI_Neighbor_alltoall");
}

#pragma weak MPI_Neighbor_alltoallv = PMPI_Neighbor_alltoallv
int PMPI_Neighbor_alltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
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
    return mpr_api_unsupported("MPI_Neighbor_alltoallv");
}

#pragma weak MPI_Neighbor_alltoallw = PMPI_Neighbor_alltoallw
int PMPI_Neighbor_alltoallw(const void *sendbuf, const int sendcounts[], const MPI_Aint sdispls[],
                            const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[],
                            const MPI_Aint rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm)
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
    return mpr_api_unsupported("MPI_Neighbor_alltoallw");
}

#pragma weak MPI_Ineighbor_allgather = PMPI_Ineighbor_allgather
int PMPI_Ineighbor_allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                             void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm,
                             MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ineighbor_allgather");
}

#pragma weak MPI_Ineighbor_allgatherv = PMPI_Ineighbor_allgatherv
int PMPI_Ineighbor_allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                              void *recvbuf, const int recvcounts[], const int displs[],
                              MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
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
    return mpr_api_unsupported("MPI_Ineighbor_allgatherv");
}

#pragma weak MPI_Ineighbor_alltoall = PMPI_Ineighbor_alltoall
int PMPI_Ineighbor_alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype,
                            void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm,
                            MPI_Request *request)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ineighbor_alltoall");
}

#pragma weak MPI_Ineighbor_alltoallv = PMPI_Ineighbor_alltoallv
int PMPI_Ineighbor_alltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[],
                             MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                             const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm,
                             MPI_Request *request)
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
    return mpr_api_unsupported("MPI_Ineighbor_alltoallv");
}

#pragma weak MPI_Ineighbor_alltoallw = PMPI_Ineighbor_alltoallw
int PMPI_Ineighbor_alltoallw(const void *sendbuf, const int sendcounts[], const MPI_Aint sdispls[],
                             const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[],
                             const MPI_Aint rdispls[], const MPI_Datatype recvtypes[],
                             MPI_Comm comm, MPI_Request *request)
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
    return mpr_api_unsupported("MPI_Ineighbor_alltoallw");
}
