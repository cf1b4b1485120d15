/*
 * Collective operations as runtime/api/coll.c calls them: arguments are checked there; these
 * return 0 or a negative MPR_ERR_*. Buffers are contiguous (count * type extent bytes): the API
 * stages data of types that are not contig (datatype/stage_coll.h), and reductions on derived
 * types arrive as their base type. MPI_IN_PLACE is passed through as is.
 *
 * Each collective has several algorithms, one per file (coll/<name>_<algorithm>.c), each
 * building a schedule (coll/sched.h); coll/select.c picks one by communicator size, bytes and
 * op properties, or as MPR_COLL_<NAME>=<algorithm> forces. The nonblocking form (req != NULL)
 * starts the schedule and returns; the blocking form (req == NULL) runs it to completion, or
 * takes a node-local shared-memory fast path when one applies.
 */
#ifndef MPR_COLL_H
#define MPR_COLL_H

#include <mpi.h>

struct mpr_comm;
struct mpr_request;

int mpr_coll_barrier(struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_bcast(void *buf, int count, MPI_Datatype dt, int root, struct mpr_comm *comm,
                   struct mpr_request **req);
int mpr_coll_reduce(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op, int root,
                    struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_allreduce(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                       struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_gather(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                    MPI_Datatype rdt, int root, struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_gatherv(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, const int *rcounts,
                     const int *displs, MPI_Datatype rdt, int root, struct mpr_comm *comm,
                     struct mpr_request **req);
int mpr_coll_scatter(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                     MPI_Datatype rdt, int root, struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_scatterv(const void *sbuf, const int *scounts, const int *displs, MPI_Datatype sdt,
                      void *rbuf, int rcount, MPI_Datatype rdt, int root, struct mpr_comm *comm,
                      struct mpr_request **req);
int mpr_coll_allgather(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                       MPI_Datatype rdt, struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_allgatherv(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf,
                        const int *rcounts, const int *displs, MPI_Datatype rdt,
                        struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_alltoall(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                      MPI_Datatype rdt, struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_alltoallv(const void *sbuf, const int *scounts, const int *sdispls, MPI_Datatype sdt,
                       void *rbuf, const int *rcounts, const int *rdispls, MPI_Datatype rdt,
                       struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_alltoallw(const void *sbuf, const int *scounts, const int *sdispls,
                       const MPI_Datatype *sdts, void *rbuf, const int *rcounts, const int *rdispls,
                       const MPI_Datatype *rdts, struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_reduce_scatter(const void *sbuf, void *rbuf, const int *rcounts, MPI_Datatype dt,
                            MPI_Op op, struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_reduce_scatter_block(const void *sbuf, void *rbuf, int rcount, MPI_Datatype dt,
                                  MPI_Op op, struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_scan(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                  struct mpr_comm *comm, struct mpr_request **req);
int mpr_coll_exscan(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                    struct mpr_comm *comm, struct mpr_request **req);

#endif
