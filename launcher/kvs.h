/*
 * The key-value store behind mplaunch's bootstrap server: (rank, key) -> value.
 *
 * An open-addressing hash table (linear probing, kept at most half full), so a lookup costs O(1)
 * expected whatever the job size. Keys and values are copied in; nothing is ever removed before
 * mpr_kvs_destroy. Single-threaded, like the poll loop that owns it.
 */
#ifndef MPR_LAUNCHER_KVS_H
#define MPR_LAUNCHER_KVS_H

#include <stddef.h>
#include <stdint.h>

struct mpr_kvs;

/* A store for ranks 0..nranks-1; NULL when nranks < 1 or memory is short. */
struct mpr_kvs *mpr_kvs_create(int nranks);

/*
 * Store a copy of (key, val[0..vlen)) for rank, replacing any earlier value of the same key.
 * Returns 0, -MPR_ERR_ARG (rank out of range, NULL or empty key, NULL val with vlen > 0) or
 * -MPR_ERR_NOMEM (the store is unchanged then).
 */
int mpr_kvs_put(struct mpr_kvs *kvs, int rank, const char *key, const void *val, uint32_t vlen);

/*
 * Look up (rank, key). On success *val points at the stored copy (never NULL, even for an empty
 * value) and stays valid until the key is replaced or the store destroyed.
 * Returns 0, -MPR_ERR_NOENT, or -MPR_ERR_ARG (rank out of range, NULL key).
 */
int mpr_kvs_get(const struct mpr_kvs *kvs, int rank, const char *key, const void **val,
                uint32_t *vlen);

/* Number of (rank, key) pairs stored. */
size_t mpr_kvs_count(const struct mpr_kvs *kvs);

void mpr_kvs_destroy(struct mpr_kvs *kvs);

#endif
