/*
 * Communicator attributes and keyvals (MPI 3.1 section 6.7), with the MPI-1 names
 * (MPI_Keyval_create, MPI_Attr_put, ...) that old programs still use. The predefined keys
 * (MPI_TAG_UB, ...) are read-only; user keys come from MPI_Comm_create_keyval.
 */
#include "api/api.h"

#include "comm/attr.h"
#include "comm/comm_attr.h"
#include "core/errcode.h"

/* Report an attribute layer result: negative MPR_ERR_* or a callback's own error code. */
static int attr_result(MPI_Comm comm, const char *fn, int rc, int cb_rc)
{
    if (rc == 0) {
        return MPI_SUCCESS;
    }
    if (rc == -MPR_ERR_CALLBACK) {
        return mpr_api_error(comm, fn, cb_rc, "the attribute delete callback returned error %d",
                             cb_rc);
    }
    return mpr_api_error(comm, fn, MPI_ERR_NO_MEM, "out of memory");
}

static int create_keyval(const char *fn, MPI_Comm_copy_attr_function *copy,
                         MPI_Comm_delete_attr_function *del, int *keyval, void *extra)
{
    mpr_api_require_init(fn);
    if (!keyval) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "keyval: NULL output pointer");
    }
    if (mpr_keyval_create_comm(copy, del, extra, keyval) != 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    return MPI_SUCCESS;
}

static int free_keyval(const char *fn, int *keyval)
{
    mpr_api_require_init(fn);
    if (!keyval) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "keyval: NULL pointer");
    }
    if (!mpr_keyval_ok(*keyval)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_KEYVAL,
                             "keyval: %d is not a user attribute key", *keyval);
    }
    mpr_keyval_free(*keyval);
    *keyval = MPI_KEYVAL_INVALID;
    return MPI_SUCCESS;
}

/* A valid communicator and a live user keyval (predefined keys cannot be set or deleted). */
static int check_user_key(const char *fn, MPI_Comm comm, int keyval)
{
    void *ignored;

    mpr_api_require_init(fn);
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: not a valid communicator");
    }
    if (mpr_comm_attr_predefined(comm, keyval, &ignored)) {
        return mpr_api_error(comm, fn, MPI_ERR_KEYVAL, "keyval: %d is predefined and read-only",
                             keyval);
    }
    if (!mpr_keyval_ok(keyval)) {
        return mpr_api_error(comm, fn, MPI_ERR_KEYVAL, "keyval: %d is not a user attribute key",
                             keyval);
    }
    return MPI_SUCCESS;
}

static int set_attr(const char *fn, MPI_Comm comm, int keyval, void *value)
{
    int cb_rc = MPI_SUCCESS, rc = check_user_key(fn, comm, keyval);

    return rc ? rc
              : attr_result(comm, fn, mpr_attr_set(comm, &comm->attrs, keyval, value, &cb_rc),
                            cb_rc);
}

static int get_attr(const char *fn, MPI_Comm comm, int keyval, void *attribute_val, int *flag)
{
    void *value;

    mpr_api_require_init(fn);
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: not a valid communicator");
    }
    if (!attribute_val || !flag) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "%s: NULL pointer",
                             flag ? "attribute_val" : "flag");
    }
    if (mpr_comm_attr_predefined(comm, keyval, &value)) {
        *flag = 1;
    } else if (mpr_keyval_ok(keyval)) {
        *flag = mpr_attr_get(comm->attrs, keyval, &value);
    } else {
        return mpr_api_error(comm, fn, MPI_ERR_KEYVAL, "keyval: %d is not an attribute key",
                             keyval);
    }
    if (*flag) {
        *(void **)attribute_val = value;
    }
    return MPI_SUCCESS;
}

static int delete_attr(const char *fn, MPI_Comm comm, int keyval)
{
    int cb_rc = MPI_SUCCESS, rc = check_user_key(fn, comm, keyval);

    if (rc) {
        return rc;
    }
    rc = mpr_attr_delete(comm, &comm->attrs, keyval, &cb_rc);
    if (rc == -MPR_ERR_NOENT) {
        return mpr_api_error(comm, fn, MPI_ERR_KEYVAL,
                             "keyval: %d has no attribute on this communicator", keyval);
    }
    return attr_result(comm, fn, rc, cb_rc);
}

#pragma weak MPI_Comm_create_keyval = PMPI_Comm_create_keyval
int PMPI_Comm_create_keyval(MPI_Comm_copy_attr_function *comm_copy_attr_fn,
                            MPI_Comm_delete_attr_function *comm_delete_attr_fn, int *comm_keyval,
                            void *extra_state)
{
    return create_keyval("MPI_Comm_create_keyval", comm_copy_attr_fn, comm_delete_attr_fn,
                         comm_keyval, extra_state);
}

#pragma weak MPI_Comm_free_keyval = PMPI_Comm_free_keyval
int PMPI_Comm_free_keyval(int *comm_keyval)
{
    return free_keyval("MPI_Comm_free_keyval", comm_keyval);
}

#pragma weak MPI_Comm_set_attr = PMPI_Comm_set_attr
int PMPI_Comm_set_attr(MPI_Comm comm, int comm_keyval, void *attribute_val)
{
    return set_attr("MPI_Comm_set_attr", comm, comm_keyval, attribute_val);
}

#pragma weak MPI_Comm_get_attr = PMPI_Comm_get_attr
int PMPI_Comm_get_attr(MPI_Comm comm, int comm_keyval, void *attribute_val, int *flag)
{
    return get_attr("MPI_Comm_get_attr", comm, comm_keyval, attribute_val, flag);
}

#pragma weak MPI_Comm_delete_attr = PMPI_Comm_delete_attr
int PMPI_Comm_delete_attr(MPI_Comm comm, int comm_keyval)
{
    return delete_attr("MPI_Comm_delete_attr", comm, comm_keyval);
}

/* MPI-1 names: the same callbacks' signatures, so the same keyvals. */
#pragma weak MPI_Keyval_create = PMPI_Keyval_create
int PMPI_Keyval_create(MPI_Copy_function *copy_fn, MPI_Delete_function *delete_fn, int *keyval,
                       void *extra_state)
{
    return create_keyval("MPI_Keyval_create", copy_fn, delete_fn, keyval, extra_state);
}

#pragma weak MPI_Keyval_free = PMPI_Keyval_free
int PMPI_Keyval_free(int *keyval)
{
    return free_keyval("MPI_Keyval_free", keyval);
}

#pragma weak MPI_Attr_put = PMPI_Attr_put
int PMPI_Attr_put(MPI_Comm comm, int keyval, void *attribute_val)
{
    return set_attr("MPI_Attr_put", comm, keyval, attribute_val);
}

#pragma weak MPI_Attr_get = PMPI_Attr_get
int PMPI_Attr_get(MPI_Comm comm, int keyval, void *attribute_val, int *flag)
{
    return get_attr("MPI_Attr_get", comm, keyval, attribute_val, flag);
}

#pragma weak MPI_Attr_delete = PMPI_Attr_delete
int PMPI_Attr_delete(MPI_Comm comm, int keyval)
{
    return delete_attr("MPI_Attr_delete", comm, keyval);
}
