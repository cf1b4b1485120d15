/*
 * MPI_INFO_ENV: how the process was started (MPI 3.1 section 9.1.1, keys "command", "argv",
 * "maxprocs", "host", "wdir", "thread_level"...). Empty until the info functions are implemented;
 * an empty MPI_INFO_ENV is valid, since every key is optional.
 */
#include "core/info.h"

#include <stddef.h>

struct mpr_info mpr_mpi_info_env = {
    .magic = MPR_INFO_MAGIC,
    .refcount = 1,
    .nkeys = 0,
    .capacity = 0,
    .entries = NULL,
};
