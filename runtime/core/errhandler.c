#include "core/errhandler.h"

#include <stdlib.h>

struct mpr_errhandler mpr_mpi_errors_are_fatal = {.kind = MPR_ERRH_FATAL, .refcount = 1};
struct mpr_errhandler mpr_mpi_errors_return = {.kind = MPR_ERRH_RETURN, .refcount = 1};

void mpr_errhandler_release(struct mpr_errhandler *eh)
{
    if (eh->kind == MPR_ERRH_USER && --eh->refcount == 0) {
        free(eh);
    }
}
