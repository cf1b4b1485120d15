/* Reduction ops: which op applies to which datatype, applying it, and user op objects. */
#include "op/op.h"

#include "core/errcode.h"

#include <assert.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

/*
 * Which datatype kinds each op accepts (MPI 3.1 section 5.9.2); the table in op.h's comment at
 * mpr_op_check is this one in words. Rows left out (REPLACE, NO_OP) accept nothing.
 */
static const bool kind_ok[MPR_OP_KIND_MAX][MPR_DT_KIND_MAX] = {
    [MPR_OP_MAX] = {[MPR_DT_INTEGER] = true, [MPR_DT_FLOATING] = true},
    [MPR_OP_MIN] = {[MPR_DT_INTEGER] = true, [MPR_DT_FLOATING] = true},
    [MPR_OP_SUM] = {[MPR_DT_INTEGER] = true, [MPR_DT_FLOATING] = true, [MPR_DT_COMPLEX] = true},
    [MPR_OP_PROD] = {[MPR_DT_INTEGER] = true, [MPR_DT_FLOATING] = true, [MPR_DT_COMPLEX] = true},
    [MPR_OP_LAND] = {[MPR_DT_INTEGER] = true, [MPR_DT_LOGICAL] = true},
    [MPR_OP_LOR] = {[MPR_DT_INTEGER] = true, [MPR_DT_LOGICAL] = true},
    [MPR_OP_LXOR] = {[MPR_DT_INTEGER] = true, [MPR_DT_LOGICAL] = true},
    [MPR_OP_BAND] = {[MPR_DT_INTEGER] = true, [MPR_DT_BYTE] = true},
    [MPR_OP_BOR] = {[MPR_DT_INTEGER] = true, [MPR_DT_BYTE] = true},
    [MPR_OP_BXOR] = {[MPR_DT_INTEGER] = true, [MPR_DT_BYTE] = true},
    [MPR_OP_MAXLOC] = {[MPR_DT_PAIR] = true},
    [MPR_OP_MINLOC] = {[MPR_DT_PAIR] = true},
};

int mpr_op_check(const struct mpr_op *op, const struct mpr_datatype *dt)
{
    if (!mpr_op_ok(op) || !mpr_datatype_ok(dt) || (unsigned)op->kind >= MPR_OP_KIND_MAX ||
        (unsigned)dt->kind >= MPR_DT_KIND_MAX) {
        return -MPR_ERR_ARG;
    }
    if (op->kind == MPR_OP_USER) {
        return 0;
    }
    if (!kind_ok[op->kind][dt->kind] || mpr_op_kernel(op->kind, dt->scalar) == NULL) {
        return -MPR_ERR_ARG;
    }
    return 0;
}

void mpr_op_apply_user(const struct mpr_op *op, const void *in, void *inout, MPI_Count count,
                       const struct mpr_datatype *dt, int max_chunk)
{
    /* user_fn takes non-const pointers; the standard forbids it to write invec. */
    char *src = (char *)in;
    char *dst = inout;
    MPI_Datatype type = (MPI_Datatype)dt;

    assert(max_chunk > 0);
    while (count > 0) {
        int chunk = count > max_chunk ? max_chunk : (int)count;
        int len = chunk; /* a copy: user_fn gets a pointer it might scribble on */

        op->user_fn(src, dst, &len, &type);
        src += (MPI_Count)chunk * dt->extent;
        dst += (MPI_Count)chunk * dt->extent;
        count -= chunk;
    }
}

void mpr_op_apply(const struct mpr_op *op, const void *in, void *inout, MPI_Count count,
                  const struct mpr_datatype *dt)
{
    mpr_op_kernel_fn kernel;

    if (op->kind == MPR_OP_USER) {
        mpr_op_apply_user(op, in, inout, count, dt, INT_MAX);
        return;
    }
    kernel = mpr_op_kernel(op->kind, dt->scalar);
    assert(kernel != NULL && "mpr_op_apply without mpr_op_check");
    kernel(in, inout, count);
}

int mpr_op_create(MPI_User_function *user_fn, int commutative, struct mpr_op **out)
{
    struct mpr_op *op = malloc(sizeof(*op));

    if (op == NULL) {
        return -MPR_ERR_NOMEM;
    }
    *op = (struct mpr_op){
        .magic = MPR_OP_MAGIC,
        .kind = MPR_OP_USER,
        .commutative = commutative != 0,
        .refcount = 1,
        .user_fn = user_fn,
        .name = "user",
    };
    *out = op;
    return 0;
}

void mpr_op_release(struct mpr_op *op)
{
    assert(op->kind == MPR_OP_USER);
    if (--op->refcount == 0) {
        op->magic = 0;
        free(op);
    }
}
