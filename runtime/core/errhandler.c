#include "core/errhandler.h"

struct mpr_errhandler mpr_mpi_errors_are_fatal = {.kind = MPR_ERRH_FATAL, .refcount = 1};
struct mpr_errhandler mpr_mpi_errors_return = {.kind = MPR_ERRH_RETURN, .refcount = 1};
