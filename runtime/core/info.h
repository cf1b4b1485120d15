/*
 * Info objects: an ordered list of (key, value) string pairs. MPI_INFO_ENV is the static object in
 * info_env.c; MPI_Info_create will allocate the others.
 */
#ifndef MPR_INFO_H
#define MPR_INFO_H

#include <mpi.h>
#include <stdint.h>

#define MPR_INFO_MAGIC 0x4d5052696e666f31ull /* "MPRinfo1": catches stale or foreign handles */

struct mpr_info_entry {
    char *key;   /* at most MPI_MAX_INFO_KEY - 1 characters */
    char *value; /* at most MPI_MAX_INFO_VAL - 1 characters */
};

struct mpr_info {
    uint64_t magic;
    int refcount; /* MPI_INFO_ENV is never freed */
    int nkeys;
    int capacity;
    struct mpr_info_entry *entries; /* nkeys entries in insertion order */
};

#endif
