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
    (void)user_fn;
    (void)commute;
    (void)op;
    return mpr_api_unsupported("MPI_Op_create");
}

#pragma weak MPI_Op_free = PMPI_Op_free
int PMPI_Op_free(MPI_Op *op)
{
    (void)op;
    return mpr_api_unsupported("MPI_Op_free");
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
