/*
 * Reduction operations: the MPI entry points.
 * Each checks its arguments, then calls the layer below; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#include "op/op.h"

#pragma weak MPI_Op_create = PMPI_Op_create
int PMPI_Op_create(MPI_User_function *user_fn, int commute, MPI_Op *op)
{
    mpr_api_require_init("MPI_Op_create");
    if (user_fn == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Op_create", MPI_ERR_ARG,
                             "user_fn: NULL function pointer");
    }
    if (op == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Op_create", MPI_ERR_ARG,
                             "op: NULL output pointer");
    }
    if (mpr_op_create(user_fn, commute, op) != 0) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Op_create", MPI_ERR_NO_MEM,
                             "out of memory for a new op");
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Op_free = PMPI_Op_free
int PMPI_Op_free(MPI_Op *op)
{
    mpr_api_require_init("MPI_Op_free");
    if (op == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Op_free", MPI_ERR_ARG, "op: NULL pointer");
    }
    if (!mpr_op_ok(*op)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Op_free", MPI_ERR_OP, "op: %s",
                             *op == MPI_OP_NULL ? "MPI_OP_NULL"
                                                : "not a valid reduction operation");
    }
    if ((*op)->kind != MPR_OP_USER) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Op_free", MPI_ERR_OP,
                             "op: %s is predefined and cannot be freed", (*op)->name);
    }
    /* No collective holds a reference across calls yet, so this frees the op at once. */
    mpr_op_release(*op);
    *op = MPI_OP_NULL;
    return MPI_SUCCESS;
}

#pragma weak MPI_Op_commutative = PMPI_Op_commutative
int PMPI_Op_commutative(MPI_Op op, int *commute)
{
    mpr_api_require_init("MPI_Op_commutative");
    if (!mpr_op_ok(op)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Op_commutative", MPI_ERR_OP,
                             "op: not a valid reduction operation");
    }
    if (commute == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Op_commutative", MPI_ERR_ARG,
                             "commute: NULL output pointer");
    }
    *commute = op->commutative;
    return MPI_SUCCESS;
}
