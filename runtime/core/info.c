/*
 * Info objects: an array of (key, value) pairs in insertion order. Lookups scan it: info objects
 * hold a handful of hints, where a scan beats any index and keeps the order for free.
 */
#include "core/info.h"

#include "core/errcode.h"

#include <stdlib.h>
#include <string.h>

int mpr_info_create(struct mpr_info **out)
{
    struct mpr_info *info = malloc(sizeof(*info));

    if (info == NULL) {
        return -MPR_ERR_NOMEM;
    }
    info->magic = MPR_INFO_MAGIC;
    info->refcount = 1;
    info->nkeys = 0;
    info->capacity = 0;
    info->entries = NULL;
    *out = info;
    return 0;
}

/* The index of key, or -1. */
static int info_find(const struct mpr_info *info, const char *key)
{
    for (int i = 0; i < info->nkeys; i++) {
        if (strcmp(info->entries[i].key, key) == 0) {
            return i;
        }
    }
    return -1;
}

/* Room for one more entry. */
static int info_reserve(struct mpr_info *info)
{
    struct mpr_info_entry *e;
    int cap;

    if (info->nkeys < info->capacity) {
        return 0;
    }
    cap = info->capacity > 0 ? 2 * info->capacity : 8;
    e = realloc(info->entries, (size_t)cap * sizeof(*e));
    if (e == NULL) {
        return -MPR_ERR_NOMEM;
    }
    info->entries = e;
    info->capacity = cap;
    return 0;
}

/* Append a pair whose key is not set yet. */
static int info_append(struct mpr_info *info, const char *key, const char *value)
{
    struct mpr_info_entry e;

    if (info_reserve(info) != 0) {
        return -MPR_ERR_NOMEM;
    }
    e.key = strdup(key);
    e.value = strdup(value);
    if (e.key == NULL || e.value == NULL) {
        free(e.key);
        free(e.value);
        return -MPR_ERR_NOMEM;
    }
    info->entries[info->nkeys++] = e;
    return 0;
}

int mpr_info_set(struct mpr_info *info, const char *key, const char *value)
{
    int i = info_find(info, key);
    char *v;

    if (i < 0) {
        return info_append(info, key, value);
    }
    v = strdup(value);
    if (v == NULL) {
        return -MPR_ERR_NOMEM;
    }
    free(info->entries[i].value);
    info->entries[i].value = v;
    return 0;
}

int mpr_info_delete(struct mpr_info *info, const char *key)
{
    int i = info_find(info, key);

    if (i < 0) {
        return -MPR_ERR_NOENT;
    }
    free(info->entries[i].key);
    free(info->entries[i].value);
    memmove(&info->entries[i], &info->entries[i + 1],
            (size_t)(info->nkeys - i - 1) * sizeof(info->entries[0]));
    info->nkeys--;
    return 0;
}

const char *mpr_info_get(const struct mpr_info *info, const char *key)
{
    int i = info_find(info, key);

    return i < 0 ? NULL : info->entries[i].value;
}

const char *mpr_info_nthkey(const struct mpr_info *info, int n)
{
    return info->entries[n].key;
}

static void info_clear(struct mpr_info *info)
{
    for (int i = 0; i < info->nkeys; i++) {
        free(info->entries[i].key);
        free(info->entries[i].value);
    }
    free(info->entries);
    info->entries = NULL;
    info->nkeys = 0;
    info->capacity = 0;
}

int mpr_info_dup(const struct mpr_info *info, struct mpr_info **out)
{
    struct mpr_info *copy;
    int rc = mpr_info_create(&copy);

    if (rc != 0) {
        return rc;
    }
    for (int i = 0; rc == 0 && i < info->nkeys; i++) {
        rc = info_append(copy, info->entries[i].key, info->entries[i].value);
    }
    if (rc != 0) {
        mpr_info_release(copy);
        return rc;
    }
    *out = copy;
    return 0;
}

void mpr_info_retain(struct mpr_info *info)
{
    if (info != &mpr_mpi_info_env) {
        info->refcount++;
    }
}

void mpr_info_release(struct mpr_info *info)
{
    if (info == &mpr_mpi_info_env || --info->refcount > 0) {
        return;
    }
    info_clear(info);
    info->magic = 0; /* a stale handle now fails mpr_info_valid while the memory is not reused */
    free(info);
}
