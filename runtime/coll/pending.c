/*
 * Collectives whose algorithms are not written yet: the API reports them as not implemented
 * (MPI_ERR_UNSUPPORTED_OPERATION). Each moves to its own coll/<name>.c when it lands.
 */
#include "coll/coll.h"
#include "core/errcode.h"

int mpr_coll_reduce(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op, int root,
                    struct mpr_comm *comm, struct mpr_request **req)
{
    (void)sbuf, (void)rbuf, (void)count, (void)dt, (void)op, (void)root, (void)comm, (void)req;
    return -MPR_ERR_UNSUPPORTED;
}

int mpr_coll_gather(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                    MPI_Datatype rdt, int root, struct mpr_comm *comm, struct mpr_request **req)
{
    (void)sbuf, (void)scount, (void)sdt, (void)rbuf, (void)rcount, (void)rdt, (void)root,
        (void)comm, (void)req;
    return -MPR_ERR_UNSUPPORTED;
}

int mpr_coll_gatherv(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf,
                     const int *rcounts, const int *displs, MPI_Datatype rdt, int root,
                     struct mpr_comm *comm, struct mpr_request **req)
{
    (void)sbuf, (void)scount, (void)sdt, (void)rbuf, (void)rcounts, (void)displs, (void)rdt,
        (void)root, (void)comm, (void)req;
    return -MPR_ERR_UNSUPPORTED;
}

int mpr_coll_scatter(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                     MPI_Datatype rdt, int root, struct mpr_comm *comm, struct mpr_request **req)
{
    (void)sbuf, (void)scount, (void)sdt, (void)rbuf, (void)rcount, (void)rdt, (void)root,
        (void)comm, (void)req;
    return -MPR_ERR_UNSUPPORTED;
}

int mpr_coll_scatterv(const void *sbuf, const int *scounts, const int *displs, MPI_Datatype sdt,
                      void *rbuf, int rcount, MPI_Datatype rdt, int root, struct mpr_comm *comm,
                      struct mpr_request **req)
{
    (void)sbuf, (void)scounts, (void)displs, (void)sdt, (void)rbuf, (void)rcount, (void)rdt,
        (void)root, (void)comm, (void)req;
    return -MPR_ERR_UNSUPPORTED;
}

int mpr_coll_scan(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                  struct mpr_comm *comm, struct mpr_request **req)
{
    (void)sbuf, (void)rbuf, (void)count, (void)dt, (void)op, (void)comm, (void)req;
    return -MPR_ERR_UNSUPPORTED;
}

int mpr_coll_exscan(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                    struct mpr_comm *comm, struct mpr_request **req)
{
    (void)sbuf, (void)rbuf, (void)count, (void)dt, (void)op, (void)comm, (void)req;
    return -MPR_ERR_UNSUPPORTED;
}
