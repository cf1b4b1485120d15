/*
 * Staging for collectives: the collective layer (runtime/coll/) moves contiguous buffers of
 * count * extent bytes, so before a collective runs, every buffer of this rank whose type is not
 * contig is replaced by a temporary holding its packed form, with the type's contiguous twin
 * (extent = packed size) in its place; sent data is packed at once, received data is unpacked
 * when the collective completes (datatype/stage.h). Contig types only have their pointer moved
 * to where their data starts. A rank stages only the sides it uses (a non-root's receive
 * arguments of a gather are never read), and MPI_IN_PLACE data is packed into the temporary
 * first.
 *
 * Reductions reduce a derived type as its base type: a type whose basic elements are all one
 * predefined type packs to an array of that type, reduced with the predefined kernels. A user
 * op sees the user's own type instead: its buffers become images of the user's layout (gaps
 * included, so the op finds every element where the type says), copied in and out data only.
 */
#ifndef MPR_STAGE_COLL_H
#define MPR_STAGE_COLL_H

#include "datatype/stage.h"

#include <mpi.h>

enum mpr_coll_kind {
    MPR_CK_BCAST, /* the buffer is rbuf/rcount/rdt */
    MPR_CK_GATHER,
    MPR_CK_GATHERV,
    MPR_CK_SCATTER,
    MPR_CK_SCATTERV,
    MPR_CK_ALLGATHER,
    MPR_CK_ALLGATHERV,
    MPR_CK_ALLTOALL,
    MPR_CK_ALLTOALLV,
    MPR_CK_ALLTOALLW,
    /* reductions: count in scount, type in sdt */
    MPR_CK_REDUCE,
    MPR_CK_ALLREDUCE,
    MPR_CK_SCAN,
    MPR_CK_EXSCAN,
    MPR_CK_REDUCE_SCATTER,       /* rcounts */
    MPR_CK_REDUCE_SCATTER_BLOCK, /* rcount */
    MPR_CK_REDUCE_LOCAL,         /* sbuf in, rbuf in and out */
    MPR_CK_MAX
};

/* The buffer arguments of a collective call, as the API checked them. */
struct mpr_coll_args {
    const void *sbuf;
    int scount;
    const int *scounts, *sdispls;
    MPI_Datatype sdt;
    const MPI_Datatype *sdts;
    void *rbuf;
    int rcount;
    const int *rcounts, *rdispls;
    MPI_Datatype rdt;
    const MPI_Datatype *rdts;
    int root;    /* -1 without a root */
    int user_op; /* reductions: the op is a user function (MPI_Op_create) */
};

/*
 * Rewrite a so that every buffer this rank (`rank` of `size`) uses is contiguous. *st is NULL
 * when nothing needed a temporary; else the caller finishes it once the collective completed
 * (blocking), hands it to the request (nonblocking), or discards it when the collective failed
 * to start. 0, -MPR_ERR_NOMEM, or -MPR_ERR_ARG when staged counts overflow an int.
 */
int mpr_stage_coll(enum mpr_coll_kind k, struct mpr_coll_args *a, int rank, int size,
                   struct mpr_stage **st);

/*
 * The type a reduction op must be defined on for data of type dt: dt itself when predefined;
 * for a derived type its base type (predefined ops) or itself (user ops). NULL when the data
 * cannot be reduced: a derived type with mixed basic types under a predefined op, or, under a
 * user op, one whose data leaves its extent [0, extent) (no image of it fits the collective's
 * buffers).
 */
const struct mpr_datatype *mpr_stage_red_type(const struct mpr_datatype *dt, int user_op);

#endif
