/*
 * Info objects: an ordered list of (key, value) string pairs (MPI 3.1 chapter 9). MPI_INFO_ENV is
 * the static object in info_env.c; mpr_info_create allocates the others (info.c).
 *
 * The functions below trust their arguments: keys are non-empty and shorter than
 * MPI_MAX_INFO_KEY, values shorter than MPI_MAX_INFO_VAL; runtime/api/info.c checks user input.
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
    int refcount; /* MPI_INFO_ENV is never freed; not atomic: only the owner retains/releases */
    int nkeys;
    int capacity;
    struct mpr_info_entry *entries; /* nkeys entries in insertion order */
};

/* A live info object: non-NULL and not freed (as far as the magic can tell). */
static inline int mpr_info_valid(const struct mpr_info *info)
{
    return info != NULL && info->magic == MPR_INFO_MAGIC;
}

/* An empty info object, refcount 1. 0 or -MPR_ERR_NOMEM; *out set only on success. */
int mpr_info_create(struct mpr_info **out);
/* A new object with info's pairs in info's order. 0 or -MPR_ERR_NOMEM. */
int mpr_info_dup(const struct mpr_info *info, struct mpr_info **out);
/*
 * Set key to value: a new key goes last, an existing key keeps its place and gets the new value.
 * 0 or -MPR_ERR_NOMEM (info unchanged then).
 */
int mpr_info_set(struct mpr_info *info, const char *key, const char *value);
/* Remove key, the others keep their order. 0 or -MPR_ERR_NOENT when key is not set. */
int mpr_info_delete(struct mpr_info *info, const char *key);
/* The value of key, NULL when key is not set. Valid until the next set or delete of key. */
const char *mpr_info_get(const struct mpr_info *info, const char *key);
/* The n-th key in insertion order, 0 <= n < info->nkeys. */
const char *mpr_info_nthkey(const struct mpr_info *info, int n);

/* Reference counting; both are no-ops on MPI_INFO_ENV. Release frees at zero. */
void mpr_info_retain(struct mpr_info *info);
void mpr_info_release(struct mpr_info *info);

/*
 * Fill MPI_INFO_ENV (info_env.c) the first time it is used; later calls return at once.
 * Thread-safe. A key whose value cannot be found or is too long is left out: all are optional.
 */
void mpr_info_env_load(void);

#endif
