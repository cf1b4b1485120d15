/*
 * The bootstrap key-value store: open addressing with linear probing.
 *
 * Invariant: the table size is a power of two and at most half of its slots are used, so every
 * probe sequence ends at an empty slot within a few steps. Entries are never deleted, so there
 * are no tombstones. Each entry owns one allocation holding its key (NUL-terminated) followed by
 * its value.
 */
#include "kvs.h"

#include <stdlib.h>
#include <string.h>

#include "core/errcode.h"

enum { KVS_MIN_SLOTS = 64 };

struct kvs_entry {
    uint64_t hash;
    char *key; /* NULL: empty slot; the value follows the key's NUL in the same block */
    uint32_t vlen;
    int rank;
};

struct mpr_kvs {
    int nranks;
    size_t nslots; /* power of two */
    size_t count;
    struct kvs_entry *slots;
};

/* FNV-1a over the key, the rank folded in, then a 64-bit finalizer to spread the low bits. */
static uint64_t kvs_hash(int rank, const char *key)
{
    uint64_t h = 0xcbf29ce484222325ull;

    for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++) {
        h = (h ^ *p) * 0x100000001b3ull;
    }
    h ^= (uint64_t)(unsigned)rank * 0x9e3779b97f4a7c15ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

/* The slot holding (rank, key), or the empty slot where it would go. */
static struct kvs_entry *kvs_find(const struct mpr_kvs *kvs, uint64_t hash, int rank,
                                  const char *key)
{
    size_t mask = kvs->nslots - 1;
    size_t i = (size_t)hash & mask;

    while (kvs->slots[i].key != NULL) {
        const struct kvs_entry *e = &kvs->slots[i];

        if (e->hash == hash && e->rank == rank && strcmp(e->key, key) == 0) {
            break;
        }
        i = (i + 1) & mask;
    }
    return &kvs->slots[i];
}

static int kvs_grow(struct mpr_kvs *kvs)
{
    struct kvs_entry *old = kvs->slots;
    size_t old_n = kvs->nslots;
    struct kvs_entry *slots = calloc(old_n * 2, sizeof(*slots));

    if (slots == NULL) {
        return -MPR_ERR_NOMEM;
    }
    kvs->slots = slots;
    kvs->nslots = old_n * 2;
    for (size_t i = 0; i < old_n; i++) {
        if (old[i].key != NULL) {
            *kvs_find(kvs, old[i].hash, old[i].rank, old[i].key) = old[i];
        }
    }
    free(old);
    return 0;
}

struct mpr_kvs *mpr_kvs_create(int nranks)
{
    struct mpr_kvs *kvs;

    if (nranks < 1) {
        return NULL;
    }
    kvs = calloc(1, sizeof(*kvs));
    if (kvs == NULL) {
        return NULL;
    }
    kvs->nranks = nranks;
    kvs->nslots = KVS_MIN_SLOTS;
    kvs->slots = calloc(kvs->nslots, sizeof(*kvs->slots));
    if (kvs->slots == NULL) {
        free(kvs);
        return NULL;
    }
    return kvs;
}

int mpr_kvs_put(struct mpr_kvs *kvs, int rank, const char *key, const void *val, uint32_t vlen)
{
    size_t klen;
    uint64_t hash;
    struct kvs_entry *e;
    char *block;

    if (rank < 0 || rank >= kvs->nranks || key == NULL || key[0] == '\0' ||
        (val == NULL && vlen > 0)) {
        return -MPR_ERR_ARG;
    }
    if ((kvs->count + 1) * 2 > kvs->nslots && kvs_grow(kvs) != 0) {
        return -MPR_ERR_NOMEM;
    }
    klen = strlen(key);
    block = malloc(klen + 1 + (size_t)vlen);
    if (block == NULL) {
        return -MPR_ERR_NOMEM;
    }
    memcpy(block, key, klen + 1);
    if (vlen > 0) {
        memcpy(block + klen + 1, val, vlen);
    }
    hash = kvs_hash(rank, key);
    e = kvs_find(kvs, hash, rank, key);
    if (e->key == NULL) {
        kvs->count++;
    }
    free(e->key);
    *e = (struct kvs_entry){.hash = hash, .key = block, .vlen = vlen, .rank = rank};
    return 0;
}

int mpr_kvs_get(const struct mpr_kvs *kvs, int rank, const char *key, const void **val,
                uint32_t *vlen)
{
    const struct kvs_entry *e;

    if (rank < 0 || rank >= kvs->nranks || key == NULL) {
        return -MPR_ERR_ARG;
    }
    e = kvs_find(kvs, kvs_hash(rank, key), rank, key);
    if (e->key == NULL) {
        return -MPR_ERR_NOENT;
    }
    *val = e->key + strlen(e->key) + 1;
    *vlen = e->vlen;
    return 0;
}

size_t mpr_kvs_count(const struct mpr_kvs *kvs)
{
    return kvs->count;
}

void mpr_kvs_destroy(struct mpr_kvs *kvs)
{
    if (kvs == NULL) {
        return;
    }
    for (size_t i = 0; i < kvs->nslots; i++) {
        free(kvs->slots[i].key);
    }
    free(kvs->slots);
    free(kvs);
}
