/*
 * Reduction operations. Predefined ops are static objects in op_predefined.c (their addresses are
 * the MPI_SUM... handles); MPI_Op_create will allocate user ops with a reference count.
 */
#ifndef MPR_OP_H
#define MPR_OP_H

#include <mpi.h>
#include <stdint.h>

#define MPR_OP_MAGIC 0x4d50526f70657231ull /* "MPRoper1": catches stale or foreign handles */

/* Which kernel applies the op; the typed kernels are indexed by this and the datatype scalar. */
enum mpr_op_kind {
    MPR_OP_MAX,
    MPR_OP_MIN,
    MPR_OP_SUM,
    MPR_OP_PROD,
    MPR_OP_LAND,
    MPR_OP_BAND,
    MPR_OP_LOR,
    MPR_OP_BOR,
    MPR_OP_LXOR,
    MPR_OP_BXOR,
    MPR_OP_MAXLOC,
    MPR_OP_MINLOC,
    MPR_OP_REPLACE, /* one-sided accumulate only */
    MPR_OP_NO_OP,   /* one-sided accumulate only */
    MPR_OP_USER,    /* MPI_Op_create: calls user_fn */
    MPR_OP_KIND_MAX
};

struct mpr_op {
    uint64_t magic;
    enum mpr_op_kind kind;
    int commutative;            /* all predefined ops are; user ops say so at creation */
    int refcount;               /* predefined ops are never freed */
    MPI_User_function *user_fn; /* NULL for predefined ops */
    const char *name;           /* "MPI_SUM", or "user" */
};

/* Op validity for argument checks: non-NULL and a live op object. */
static inline int mpr_op_ok(const struct mpr_op *op)
{
    return op != NULL && op->magic == MPR_OP_MAGIC;
}

#endif
