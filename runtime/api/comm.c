/*
 * Communicators, attributes and naming: the MPI entry points.
 * Each checks its arguments, then calls the layer below; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#include "comm/comm_attr.h"

#include "api/api_name.h"
#include "comm/comm.h"

#pragma weak MPI_Comm_size = PMPI_Comm_size
int PMPI_Comm_size(MPI_Comm comm, int *size)
{
    mpr_api_require_init("MPI_Comm_size");
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Comm_size", MPI_ERR_COMM,
                             "comm: not a valid communicator");
    }
    if (size == NULL) {
        return mpr_api_error(comm, "MPI_Comm_size", MPI_ERR_ARG, "size: NULL output pointer");
    }
    *size = comm->size;
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_rank = PMPI_Comm_rank
int PMPI_Comm_rank(MPI_Comm comm, int *rank)
{
    mpr_api_require_init("MPI_Comm_rank");
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Comm_rank", MPI_ERR_COMM,
                             "comm: not a valid communicator");
    }
    if (rank == NULL) {
        return mpr_api_error(comm, "MPI_Comm_rank", MPI_ERR_ARG, "rank: NULL output pointer");
    }
    *rank = comm->rank;
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_compare = PMPI_Comm_compare
int PMPI_Comm_compare(MPI_Comm comm1, MPI_Comm comm2, int *result)
{
    (void)comm1;
    (void)comm2;
    (void)result;
    return mpr_api_unsupported("MPI_Comm_compare");
}

#pragma weak MPI_Comm_dup = PMPI_Comm_dup
int PMPI_Comm_dup(MPI_Comm comm, MPI_Comm *newcomm)
{
    (void)comm;
    (void)newcomm;
    return mpr_api_unsupported("MPI_Comm_dup");
}

#pragma weak MPI_Comm_dup_with_info = PMPI_Comm_dup_with_info
int PMPI_Comm_dup_with_info(MPI_Comm comm, MPI_Info info, MPI_Comm *newcomm)
{
    (void)comm;
    (void)info;
    (void)newcomm;
    return mpr_api_unsupported("MPI_Comm_dup_with_info");
}

#pragma weak MPI_Comm_idup = PMPI_Comm_idup
int PMPI_Comm_idup(MPI_Comm comm, MPI_Comm *newcomm, MPI_Request *request)
{
    (void)comm;
    (void)newcomm;
    (void)request;
    return mpr_api_unsupported("MPI_Comm_idup");
}

#pragma weak MPI_Comm_create = PMPI_Comm_create
int PMPI_Comm_create(MPI_Comm comm, MPI_Group group, MPI_Comm *newcomm)
{
    (void)comm;
    (void)group;
    (void)newcomm;
    return mpr_api_unsupported("MPI_Comm_create");
}

#pragma weak MPI_Comm_create_group = PMPI_Comm_create_group
int PMPI_Comm_create_group(MPI_Comm comm, MPI_Group group, int tag, MPI_Comm *newcomm)
{
    (void)comm;
    (void)group;
    (void)tag;
    (void)newcomm;
    return mpr_api_unsupported("MPI_Comm_create_group");
}

#pragma weak MPI_Comm_split = PMPI_Comm_split
int PMPI_Comm_split(MPI_Comm comm, int color, int key, MPI_Comm *newcomm)
{
    (void)comm;
    (void)color;
    (void)key;
    (void)newcomm;
    return mpr_api_unsupported("MPI_Comm_split");
}

#pragma weak MPI_Comm_split_type = PMPI_Comm_split_type
int PMPI_Comm_split_type(MPI_Comm comm, int split_type, int key, MPI_Info info, MPI_Comm *newcomm)
{
    (void)comm;
    (void)split_type;
    (void)key;
    (void)info;
    (void)newcomm;
    return mpr_api_unsupported("MPI_Comm_split_type");
}

#pragma weak MPI_Comm_free = PMPI_Comm_free
int PMPI_Comm_free(MPI_Comm *comm)
{
    (void)comm;
    return mpr_api_unsupported("MPI_Comm_free");
}

#pragma weak MPI_Comm_set_info = PMPI_Comm_set_info
int PMPI_Comm_set_info(MPI_Comm comm, MPI_Info info)
{
    (void)comm;
    (void)info;
    return mpr_api_unsupported("MPI_Comm_set_info");
}

#pragma weak MPI_Comm_get_info = PMPI_Comm_get_info
int PMPI_Comm_get_info(MPI_Comm comm, MPI_Info *info_used)
{
    (void)comm;
    (void)info_used;
    return mpr_api_unsupported("MPI_Comm_get_info");
}

#pragma weak MPI_Comm_test_inter = PMPI_Comm_test_inter
int PMPI_Comm_test_inter(MPI_Comm comm, int *flag)
{
    (void)comm;
    (void)flag;
    return mpr_api_unsupported("MPI_Comm_test_inter");
}

#pragma weak MPI_Comm_remote_size = PMPI_Comm_remote_size
int PMPI_Comm_remote_size(MPI_Comm comm, int *size)
{
    (void)comm;
    (void)size;
    return mpr_api_unsupported("MPI_Comm_remote_size");
}

#pragma weak MPI_Comm_remote_group = PMPI_Comm_remote_group
int PMPI_Comm_remote_group(MPI_Comm comm, MPI_Group *group)
{
    (void)comm;
    (void)group;
    return mpr_api_unsupported("MPI_Comm_remote_group");
}

#pragma weak MPI_Intercomm_create = PMPI_Intercomm_create
int PMPI_Intercomm_create(MPI_Comm local_comm, int local_leader, MPI_Comm peer_comm,
                          int remote_leader, int tag, MPI_Comm *newintercomm)
{
    (void)local_comm;
    (void)local_leader;
    (void)peer_comm;
    (void)remote_leader;
    (void)tag;
    (void)newintercomm;
    return mpr_api_unsupported("MPI_Intercomm_create");
}

#pragma weak MPI_Intercomm_merge = PMPI_Intercomm_merge
int PMPI_Intercomm_merge(MPI_Comm intercomm, int high, MPI_Comm *newintracomm)
{
    (void)intercomm;
    (void)high;
    (void)newintracomm;
    return mpr_api_unsupported("MPI_Intercomm_merge");
}

#pragma weak MPI_Comm_create_keyval = PMPI_Comm_create_keyval
int PMPI_Comm_create_keyval(MPI_Comm_copy_attr_function *comm_copy_attr_fn,
                            MPI_Comm_delete_attr_function *comm_delete_attr_fn, int *comm_keyval,
                            void *extra_state)
{
    (void)comm_copy_attr_fn;
    (void)comm_delete_attr_fn;
    (void)comm_keyval;
    (void)extra_state;
    return mpr_api_unsupported("MPI_Comm_create_keyval");
}

#pragma weak MPI_Comm_free_keyval = PMPI_Comm_free_keyval
int PMPI_Comm_free_keyval(int *comm_keyval)
{
    (void)comm_keyval;
    return mpr_api_unsupported("MPI_Comm_free_keyval");
}

#pragma weak MPI_Comm_set_attr = PMPI_Comm_set_attr
int PMPI_Comm_set_attr(MPI_Comm comm, int comm_keyval, void *attribute_val)
{
    (void)comm;
    (void)comm_keyval;
    (void)attribute_val;
    return mpr_api_unsupported("MPI_Comm_set_attr");
}

/* Predefined attributes only: user keyvals (MPI_Comm_create_keyval) are not implemented yet. */
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
    if (!mpr_comm_attr_predefined(comm, keyval, &value)) {
        return mpr_api_error(comm, fn, MPI_ERR_KEYVAL,
                             "keyval: %d is not an attribute key (only the predefined ones exist "
                             "yet)",
                             keyval);
    }
    *(void **)attribute_val = value;
    *flag = 1;
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_get_attr = PMPI_Comm_get_attr
int PMPI_Comm_get_attr(MPI_Comm comm, int comm_keyval, void *attribute_val, int *flag)
{
    return get_attr("MPI_Comm_get_attr", comm, comm_keyval, attribute_val, flag);
}

#pragma weak MPI_Comm_delete_attr = PMPI_Comm_delete_attr
int PMPI_Comm_delete_attr(MPI_Comm comm, int comm_keyval)
{
    (void)comm;
    (void)comm_keyval;
    return mpr_api_unsupported("MPI_Comm_delete_attr");
}

#pragma weak MPI_Keyval_create = PMPI_Keyval_create
int PMPI_Keyval_create(MPI_Copy_function *copy_fn, MPI_Delete_function *delete_fn, int *keyval,
                       void *extra_state)
{
    (void)copy_fn;
    (void)delete_fn;
    (void)keyval;
    (void)extra_state;
    return mpr_api_unsupported("MPI_Keyval_create");
}

#pragma weak MPI_Keyval_free = PMPI_Keyval_free
int PMPI_Keyval_free(int *keyval)
{
    (void)keyval;
    return mpr_api_unsupported("MPI_Keyval_free");
}

#pragma weak MPI_Attr_put = PMPI_Attr_put
int PMPI_Attr_put(MPI_Comm comm, int keyval, void *attribute_val)
{
    (void)comm;
    (void)keyval;
    (void)attribute_val;
    return mpr_api_unsupported("MPI_Attr_put");
}

#pragma weak MPI_Attr_get = PMPI_Attr_get
int PMPI_Attr_get(MPI_Comm comm, int keyval, void *attribute_val, int *flag)
{
    return get_attr("MPI_Attr_get", comm, keyval, attribute_val, flag);
}

#pragma weak MPI_Attr_delete = PMPI_Attr_delete
int PMPI_Attr_delete(MPI_Comm comm, int keyval)
{
    (void)comm;
    (void)keyval;
    return mpr_api_unsupported("MPI_Attr_delete");
}

#pragma weak MPI_Comm_set_name = PMPI_Comm_set_name
int PMPI_Comm_set_name(MPI_Comm comm, const char *comm_name)
{
    mpr_api_require_init("MPI_Comm_set_name");
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Comm_set_name", MPI_ERR_COMM,
                             "comm: not a valid communicator");
    }
    if (comm_name == NULL) {
        return mpr_api_error(comm, "MPI_Comm_set_name", MPI_ERR_ARG, "comm_name: NULL pointer");
    }
    mpr_api_copy_name(comm->name, comm_name);
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_get_name = PMPI_Comm_get_name
int PMPI_Comm_get_name(MPI_Comm comm, char *comm_name, int *resultlen)
{
    mpr_api_require_init("MPI_Comm_get_name");
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Comm_get_name", MPI_ERR_COMM,
                             "comm: not a valid communicator");
    }
    if (comm_name == NULL || resultlen == NULL) {
        return mpr_api_error(comm, "MPI_Comm_get_name", MPI_ERR_ARG, "%s: NULL output pointer",
                             comm_name == NULL ? "comm_name" : "resultlen");
    }
    *resultlen = (int)mpr_api_copy_name(comm_name, comm->name);
    return MPI_SUCCESS;
}
