/*
 * Profiling, memory, generalized requests, status and language interoperability: the MPI entry
 * points. Each checks its arguments, then calls the layer below; functions not implemented yet
 * return MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#include "datatype/datatype.h"
#include "datatype/datatype_ops.h"

#include <limits.h>
#include <stdlib.h>

/* No profiling library is built in: a profiler linked before libmpr overrides MPI_Pcontrol. */
#pragma weak MPI_Pcontrol = PMPI_Pcontrol
int PMPI_Pcontrol(const int level, ...)
{
    (void)level;
    return MPI_SUCCESS;
}

/*
 * Memory for messages: the shared-memory transport moves from any address at the same speed
 * (CMA reads whatever the sender's pages are), so plain heap memory, cache-line aligned, is what
 * MPI_Alloc_mem gives. No info keys are known; any info object is accepted.
 */
#pragma weak MPI_Alloc_mem = PMPI_Alloc_mem
int PMPI_Alloc_mem(MPI_Aint size, MPI_Info info, void *baseptr)
{
    static const char fn[] = "MPI_Alloc_mem";
    void *p = NULL;

    (void)info;
    mpr_api_require_init(fn);
    if (size < 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "size: %ld is negative",
                             (long)size);
    }
    if (!baseptr) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "baseptr: NULL pointer");
    }
    if (posix_memalign(&p, 64, size ? (size_t)size : 1) != 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_NO_MEM, "cannot allocate %ld bytes",
                             (long)size);
    }
    *(void **)baseptr = p;
    return MPI_SUCCESS;
}

#pragma weak MPI_Free_mem = PMPI_Free_mem
int PMPI_Free_mem(void *base)
{
    mpr_api_require_init("MPI_Free_mem");
    free(base);
    return MPI_SUCCESS;
}

#pragma weak MPI_Grequest_start = PMPI_Grequest_start
int PMPI_Grequest_start(MPI_Grequest_query_function *query_fn, MPI_Grequest_free_function *free_fn,
                        MPI_Grequest_cancel_function *cancel_fn, void *extra_state,
                        MPI_Request *request)
{
    (void)query_fn;
    (void)free_fn;
    (void)cancel_fn;
    (void)extra_state;
    (void)request;
    return mpr_api_unsupported("MPI_Grequest_start");
}

#pragma weak MPI_Grequest_complete = PMPI_Grequest_complete
int PMPI_Grequest_complete(MPI_Request request)
{
    (void)request;
    return mpr_api_unsupported("MPI_Grequest_complete");
}

/* The status records bytes of the packed form: those holding count basic elements of datatype. */
static int set_elements(const char *fn, MPI_Status *status, MPI_Datatype datatype, MPI_Count count)
{
    if (status == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "status: NULL pointer");
    }
    if (!mpr_datatype_ok(datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_TYPE, "datatype: %s",
                             datatype == MPI_DATATYPE_NULL ? "MPI_DATATYPE_NULL"
                                                           : "not a datatype");
    }
    if (count < 0 || (datatype->packed > 0 && count > LLONG_MAX / datatype->packed)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COUNT,
                             "count: %lld is negative or too large for %s", (long long)count,
                             datatype->name);
    }
    status->mpr_count = mpr_type_elements_bytes(datatype, count);
    return MPI_SUCCESS;
}

#pragma weak MPI_Status_set_elements = PMPI_Status_set_elements
int PMPI_Status_set_elements(MPI_Status *status, MPI_Datatype datatype, int count)
{
    mpr_api_require_init("MPI_Status_set_elements");
    return set_elements("MPI_Status_set_elements", status, datatype, count);
}

#pragma weak MPI_Status_set_elements_x = PMPI_Status_set_elements_x
int PMPI_Status_set_elements_x(MPI_Status *status, MPI_Datatype datatype, MPI_Count count)
{
    mpr_api_require_init("MPI_Status_set_elements_x");
    return set_elements("MPI_Status_set_elements_x", status, datatype, count);
}

#pragma weak MPI_Status_set_cancelled = PMPI_Status_set_cancelled
int PMPI_Status_set_cancelled(MPI_Status *status, int flag)
{
    mpr_api_require_init("MPI_Status_set_cancelled");
    if (status == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Status_set_cancelled", MPI_ERR_ARG,
                             "status: NULL pointer");
    }
    status->mpr_cancelled = flag != 0;
    return MPI_SUCCESS;
}

#pragma weak MPI_Status_c2f = PMPI_Status_c2f
int PMPI_Status_c2f(const MPI_Status *c_status, MPI_Fint *f_status)
{
    (void)c_status;
    (void)f_status;
    return mpr_api_unsupported("MPI_Status_c2f");
}

#pragma weak MPI_Status_f2c = PMPI_Status_f2c
int PMPI_Status_f2c(const MPI_Fint *f_status, MPI_Status *c_status)
{
    (void)f_status;
    (void)c_status;
    return mpr_api_unsupported("MPI_Status_f2c");
}

#pragma weak MPI_Comm_c2f = PMPI_Comm_c2f
MPI_Fint PMPI_Comm_c2f(MPI_Comm comm)
{
    (void)comm;
    (void)mpr_api_unsupported("MPI_Comm_c2f");
    return -1;
}

#pragma weak MPI_Comm_f2c = PMPI_Comm_f2c
MPI_Comm PMPI_Comm_f2c(MPI_Fint comm)
{
    (void)comm;
    (void)mpr_api_unsupported("MPI_Comm_f2c");
    return (MPI_Comm)0;
}

#pragma weak MPI_Errhandler_c2f = PMPI_Errhandler_c2f
MPI_Fint PMPI_Errhandler_c2f(MPI_Errhandler errhandler)
{
    (void)errhandler;
    (void)mpr_api_unsupported("MPI_Errhandler_c2f");
    return -1;
}

#pragma weak MPI_Errhandler_f2c = PMPI_Errhandler_f2c
MPI_Errhandler PMPI_Errhandler_f2c(MPI_Fint errhandler)
{
    (void)errhandler;
    (void)mpr_api_unsupported("MPI_Errhandler_f2c");
    return (MPI_Errhandler)0;
}

#pragma weak MPI_File_c2f = PMPI_File_c2f
MPI_Fint PMPI_File_c2f(MPI_File file)
{
    (void)file;
    (void)mpr_api_unsupported("MPI_File_c2f");
    return -1;
}

#pragma weak MPI_File_f2c = PMPI_File_f2c
MPI_File PMPI_File_f2c(MPI_Fint file)
{
    (void)file;
    (void)mpr_api_unsupported("MPI_File_f2c");
    return (MPI_File)0;
}

#pragma weak MPI_Group_c2f = PMPI_Group_c2f
MPI_Fint PMPI_Group_c2f(MPI_Group group)
{
    (void)group;
    (void)mpr_api_unsupported("MPI_Group_c2f");
    return -1;
}

#pragma weak MPI_Group_f2c = PMPI_Group_f2c
MPI_Group PMPI_Group_f2c(MPI_Fint group)
{
    (void)group;
    (void)mpr_api_unsupported("MPI_Group_f2c");
    return (MPI_Group)0;
}

#pragma weak MPI_Info_c2f = PMPI_Info_c2f
MPI_Fint PMPI_Info_c2f(MPI_Info info)
{
    (void)info;
    (void)mpr_api_unsupported("MPI_Info_c2f");
    return -1;
}

#pragma weak MPI_Info_f2c = PMPI_Info_f2c
MPI_Info PMPI_Info_f2c(MPI_Fint info)
{
    (void)info;
    (void)mpr_api_unsupported("MPI_Info_f2c");
    return (MPI_Info)0;
}

#pragma weak MPI_Message_c2f = PMPI_Message_c2f
MPI_Fint PMPI_Message_c2f(MPI_Message message)
{
    (void)message;
    (void)mpr_api_unsupported("MPI_Message_c2f");
    return -1;
}

#pragma weak MPI_Message_f2c = PMPI_Message_f2c
MPI_Message PMPI_Message_f2c(MPI_Fint message)
{
    (void)message;
    (void)mpr_api_unsupported("MPI_Message_f2c");
    return (MPI_Message)0;
}

#pragma weak MPI_Op_c2f = PMPI_Op_c2f
MPI_Fint PMPI_Op_c2f(MPI_Op op)
{
    (void)op;
    (void)mpr_api_unsupported("MPI_Op_c2f");
    return -1;
}

#pragma weak MPI_Op_f2c = PMPI_Op_f2c
MPI_Op PMPI_Op_f2c(MPI_Fint op)
{
    (void)op;
    (void)mpr_api_unsupported("MPI_Op_f2c");
    return (MPI_Op)0;
}

#pragma weak MPI_Request_c2f = PMPI_Request_c2f
MPI_Fint PMPI_Request_c2f(MPI_Request request)
{
    (void)request;
    (void)mpr_api_unsupported("MPI_Request_c2f");
    return -1;
}

#pragma weak MPI_Request_f2c = PMPI_Request_f2c
MPI_Request PMPI_Request_f2c(MPI_Fint request)
{
    (void)request;
    (void)mpr_api_unsupported("MPI_Request_f2c");
    return (MPI_Request)0;
}

#pragma weak MPI_Type_c2f = PMPI_Type_c2f
MPI_Fint PMPI_Type_c2f(MPI_Datatype datatype)
{
    (void)datatype;
    (void)mpr_api_unsupported("MPI_Type_c2f");
    return -1;
}

#pragma weak MPI_Type_f2c = PMPI_Type_f2c
MPI_Datatype PMPI_Type_f2c(MPI_Fint datatype)
{
    (void)datatype;
    (void)mpr_api_unsupported("MPI_Type_f2c");
    return (MPI_Datatype)0;
}

#pragma weak MPI_Win_c2f = PMPI_Win_c2f
MPI_Fint PMPI_Win_c2f(MPI_Win win)
{
    (void)win;
    (void)mpr_api_unsupported("MPI_Win_c2f");
    return -1;
}

#pragma weak MPI_Win_f2c = PMPI_Win_f2c
MPI_Win PMPI_Win_f2c(MPI_Fint win)
{
    (void)win;
    (void)mpr_api_unsupported("MPI_Win_f2c");
    return (MPI_Win)0;
}
