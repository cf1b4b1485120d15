/*
 * Info objects: the MPI entry points (MPI 3.1 section 9.1).
 * Each checks its arguments, then calls core/info.c. Info objects have no error handler, so every
 * error goes through MPI_COMM_WORLD's.
 *
 * Error classes: MPI_INFO_NULL or a freed object is MPI_ERR_INFO; a NULL, empty or too long key
 * is MPI_ERR_INFO_KEY; a NULL or too long value is MPI_ERR_INFO_VALUE (an empty value is a
 * value: the standard does not forbid it); deleting a key that is not set is MPI_ERR_INFO_NOKEY;
 * a NULL output, a negative valuelen or an n out of range is MPI_ERR_ARG.
 */
#include "api/api.h"

#include "core/errcode.h"
#include "core/info.h"

#include <string.h>

static int info_error(const char *fn, int errclass, const char *reason)
{
    return mpr_api_error(MPI_COMM_WORLD, fn, errclass, "%s", reason);
}

/* A usable info object; MPI_INFO_ENV is filled the first time any call looks at it. */
static int check_info(const char *fn, MPI_Info info)
{
    mpr_api_require_init(fn);
    if (!mpr_info_valid(info)) {
        return info_error(fn, MPI_ERR_INFO, "info: not a valid info object");
    }
    if (info == MPI_INFO_ENV) {
        mpr_info_env_load();
    }
    return MPI_SUCCESS;
}

/* A key the object can hold: 1 to MPI_MAX_INFO_KEY - 1 characters. */
static int check_key(const char *fn, const char *key)
{
    if (key == NULL) {
        return info_error(fn, MPI_ERR_INFO_KEY, "key: NULL pointer");
    }
    if (key[0] == '\0') {
        return info_error(fn, MPI_ERR_INFO_KEY, "key: empty string");
    }
    if (strnlen(key, MPI_MAX_INFO_KEY) >= MPI_MAX_INFO_KEY) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_INFO_KEY,
                             "key: longer than MPI_MAX_INFO_KEY - 1 = %d characters",
                             MPI_MAX_INFO_KEY - 1);
    }
    return MPI_SUCCESS;
}

static int check_info_key(const char *fn, MPI_Info info, const char *key)
{
    int rc = check_info(fn, info);

    return rc == MPI_SUCCESS ? check_key(fn, key) : rc;
}

static int null_out(const char *fn, const char *arg)
{
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL output pointer", arg);
}

static int out_of_memory(const char *fn)
{
    return info_error(fn, MPI_ERR_NO_MEM, "out of memory");
}

#pragma weak MPI_Info_create = PMPI_Info_create
int PMPI_Info_create(MPI_Info *info)
{
    static const char fn[] = "MPI_Info_create";

    mpr_api_require_init(fn);
    if (info == NULL) {
        return null_out(fn, "info");
    }
    return mpr_info_create(info) == 0 ? MPI_SUCCESS : out_of_memory(fn);
}

#pragma weak MPI_Info_set = PMPI_Info_set
int PMPI_Info_set(MPI_Info info, const char *key, const char *value)
{
    static const char fn[] = "MPI_Info_set";
    int rc = check_info_key(fn, info, key);

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (value == NULL) {
        return info_error(fn, MPI_ERR_INFO_VALUE, "value: NULL pointer");
    }
    if (strnlen(value, MPI_MAX_INFO_VAL) >= MPI_MAX_INFO_VAL) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_INFO_VALUE,
                             "value: longer than MPI_MAX_INFO_VAL - 1 = %d characters",
                             MPI_MAX_INFO_VAL - 1);
    }
    return mpr_info_set(info, key, value) == 0 ? MPI_SUCCESS : out_of_memory(fn);
}

#pragma weak MPI_Info_delete = PMPI_Info_delete
int PMPI_Info_delete(MPI_Info info, const char *key)
{
    static const char fn[] = "MPI_Info_delete";
    int rc = check_info_key(fn, info, key);

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (mpr_info_delete(info, key) != 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_INFO_NOKEY, "key: \"%s\" is not set", key);
    }
    return MPI_SUCCESS;
}

/* valuelen counts characters without the NUL: at most valuelen of them are copied, plus a NUL. */
#pragma weak MPI_Info_get = PMPI_Info_get
int PMPI_Info_get(MPI_Info info, const char *key, int valuelen, char *value, int *flag)
{
    static const char fn[] = "MPI_Info_get";
    int rc = check_info_key(fn, info, key);
    const char *v;
    size_t len;

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (valuelen < 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "valuelen: %d is negative", valuelen);
    }
    if (value == NULL) {
        return null_out(fn, "value");
    }
    if (flag == NULL) {
        return null_out(fn, "flag");
    }
    v = mpr_info_get(info, key);
    *flag = v != NULL;
    if (v != NULL) {
        len = strnlen(v, (size_t)valuelen);
        memcpy(value, v, len);
        value[len] = '\0';
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Info_get_valuelen = PMPI_Info_get_valuelen
int PMPI_Info_get_valuelen(MPI_Info info, const char *key, int *valuelen, int *flag)
{
    static const char fn[] = "MPI_Info_get_valuelen";
    int rc = check_info_key(fn, info, key);
    const char *v;

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (valuelen == NULL) {
        return null_out(fn, "valuelen");
    }
    if (flag == NULL) {
        return null_out(fn, "flag");
    }
    v = mpr_info_get(info, key);
    *flag = v != NULL;
    if (v != NULL) {
        *valuelen = (int)strlen(v);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Info_get_nkeys = PMPI_Info_get_nkeys
int PMPI_Info_get_nkeys(MPI_Info info, int *nkeys)
{
    static const char fn[] = "MPI_Info_get_nkeys";
    int rc = check_info(fn, info);

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (nkeys == NULL) {
        return null_out(fn, "nkeys");
    }
    *nkeys = info->nkeys;
    return MPI_SUCCESS;
}

/* key must hold MPI_MAX_INFO_KEY characters; every stored key fits, with its NUL. */
#pragma weak MPI_Info_get_nthkey = PMPI_Info_get_nthkey
int PMPI_Info_get_nthkey(MPI_Info info, int n, char *key)
{
    static const char fn[] = "MPI_Info_get_nthkey";
    int rc = check_info(fn, info);

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (n < 0 || n >= info->nkeys) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                             "n: %d is out of range: info has %d keys", n, info->nkeys);
    }
    if (key == NULL) {
        return null_out(fn, "key");
    }
    strcpy(key, mpr_info_nthkey(info, n));
    return MPI_SUCCESS;
}

#pragma weak MPI_Info_dup = PMPI_Info_dup
int PMPI_Info_dup(MPI_Info info, MPI_Info *newinfo)
{
    static const char fn[] = "MPI_Info_dup";
    int rc = check_info(fn, info);

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (newinfo == NULL) {
        return null_out(fn, "newinfo");
    }
    return mpr_info_dup(info, newinfo) == 0 ? MPI_SUCCESS : out_of_memory(fn);
}

#pragma weak MPI_Info_free = PMPI_Info_free
int PMPI_Info_free(MPI_Info *info)
{
    static const char fn[] = "MPI_Info_free";

    mpr_api_require_init(fn);
    if (info == NULL) {
        return info_error(fn, MPI_ERR_ARG, "info: NULL pointer");
    }
    if (!mpr_info_valid(*info)) {
        return info_error(fn, MPI_ERR_INFO, "*info: not a valid info object");
    }
    if (*info == MPI_INFO_ENV) {
        return info_error(fn, MPI_ERR_INFO, "*info: MPI_INFO_ENV is predefined, not freeable");
    }
    mpr_info_release(*info);
    *info = MPI_INFO_NULL;
    return MPI_SUCCESS;
}
