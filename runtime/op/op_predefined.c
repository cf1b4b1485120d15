/* The predefined reduction operations: one static object per MPI_<OP> handle of mpi.h. */
#include "op/op.h"

#include <stddef.h>

#define PREDEFINED_OP(var, opkind, mpiname)                                                        \
    struct mpr_op var = {                                                                          \
        .magic = MPR_OP_MAGIC,                                                                     \
        .kind = opkind,                                                                            \
        .commutative = 1,                                                                          \
        .refcount = 1,                                                                             \
        .user_fn = NULL,                                                                           \
        .name = mpiname,                                                                           \
    }

PREDEFINED_OP(mpr_mpi_max, MPR_OP_MAX, "MPI_MAX");
PREDEFINED_OP(mpr_mpi_min, MPR_OP_MIN, "MPI_MIN");
PREDEFINED_OP(mpr_mpi_sum, MPR_OP_SUM, "MPI_SUM");
PREDEFINED_OP(mpr_mpi_prod, MPR_OP_PROD, "MPI_PROD");
PREDEFINED_OP(mpr_mpi_land, MPR_OP_LAND, "MPI_LAND");
PREDEFINED_OP(mpr_mpi_band, MPR_OP_BAND, "MPI_BAND");
PREDEFINED_OP(mpr_mpi_lor, MPR_OP_LOR, "MPI_LOR");
PREDEFINED_OP(mpr_mpi_bor, MPR_OP_BOR, "MPI_BOR");
PREDEFINED_OP(mpr_mpi_lxor, MPR_OP_LXOR, "MPI_LXOR");
PREDEFINED_OP(mpr_mpi_bxor, MPR_OP_BXOR, "MPI_BXOR");
PREDEFINED_OP(mpr_mpi_maxloc, MPR_OP_MAXLOC, "MPI_MAXLOC");
PREDEFINED_OP(mpr_mpi_minloc, MPR_OP_MINLOC, "MPI_MINLOC");
PREDEFINED_OP(mpr_mpi_replace, MPR_OP_REPLACE, "MPI_REPLACE");
PREDEFINED_OP(mpr_mpi_no_op, MPR_OP_NO_OP, "MPI_NO_OP");
