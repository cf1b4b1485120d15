/*
 * Point-to-point communication: the MPI entry points.
 * Each checks its arguments, then calls the layer below; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#include "datatype/datatype.h"

#include <limits.h>

#pragma weak MPI_Send = PMPI_Send
int PMPI_Send(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    return mpr_api_unsupported("MPI_Send");
}

#pragma weak MPI_Recv = PMPI_Recv
int PMPI_Recv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm,
              MPI_Status *status)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)source;
    (void)tag;
    (void)comm;
    (void)status;
    return mpr_api_unsupported("MPI_Recv");
}

/* A count that is not a whole number of elements, or does not fit an int, is MPI_UNDEFINED. */
#pragma weak MPI_Get_count = PMPI_Get_count
int PMPI_Get_count(const MPI_Status *status, MPI_Datatype datatype, int *count)
{
    MPI_Count n;

    mpr_api_require_init("MPI_Get_count");
    if (status == NULL || count == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Get_count", MPI_ERR_ARG, "%s: NULL pointer",
                             status == NULL ? "status" : "count");
    }
    if (!mpr_datatype_ok(datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Get_count", MPI_ERR_TYPE,
                             "datatype: not a valid datatype");
    }
    if (datatype->size == 0) {
        *count = 0;
        return MPI_SUCCESS;
    }
    n = status->mpr_count / datatype->size;
    *count = (status->mpr_count % datatype->size != 0 || n > INT_MAX) ? MPI_UNDEFINED : (int)n;
    return MPI_SUCCESS;
}

#pragma weak MPI_Bsend = PMPI_Bsend
int PMPI_Bsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    return mpr_api_unsupported("MPI_Bsend");
}

#pragma weak MPI_Ssend = PMPI_Ssend
int PMPI_Ssend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    return mpr_api_unsupported("MPI_Ssend");
}

#pragma weak MPI_Rsend = PMPI_Rsend
int PMPI_Rsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    return mpr_api_unsupported("MPI_Rsend");
}

#pragma weak MPI_Buffer_attach = PMPI_Buffer_attach
int PMPI_Buffer_attach(void *buffer, int size)
{
    (void)buffer;
    (void)size;
    return mpr_api_unsupported("MPI_Buffer_attach");
}

#pragma weak MPI_Buffer_detach = PMPI_Buffer_detach
int PMPI_Buffer_detach(void *buffer_addr, int *size)
{
    (void)buffer_addr;
    (void)size;
    return mpr_api_unsupported("MPI_Buffer_detach");
}

#pragma weak MPI_Isend = PMPI_Isend
int PMPI_Isend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
               MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Isend");
}

#pragma weak MPI_Ibsend = PMPI_Ibsend
int PMPI_Ibsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
                MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ibsend");
}

#pragma weak MPI_Issend = PMPI_Issend
int PMPI_Issend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
                MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Issend");
}

#pragma weak MPI_Irsend = PMPI_Irsend
int PMPI_Irsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
                MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Irsend");
}

#pragma weak MPI_Irecv = PMPI_Irecv
int PMPI_Irecv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm,
               MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)source;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Irecv");
}

#pragma weak MPI_Wait = PMPI_Wait
int PMPI_Wait(MPI_Request *request, MPI_Status *status)
{
    (void)request;
    (void)status;
    return mpr_api_unsupported("MPI_Wait");
}

#pragma weak MPI_Test = PMPI_Test
int PMPI_Test(MPI_Request *request, int *flag, MPI_Status *status)
{
    (void)request;
    (void)flag;
    (void)status;
    return mpr_api_unsupported("MPI_Test");
}

#pragma weak MPI_Request_free = PMPI_Request_free
int PMPI_Request_free(MPI_Request *request)
{
    (void)request;
    return mpr_api_unsupported("MPI_Request_free");
}

#pragma weak MPI_Waitany = PMPI_Waitany
int PMPI_Waitany(int count, MPI_Request array_of_requests[], int *index, MPI_Status *status)
{
    (void)count;
    (void)array_of_requests;
    (void)index;
    (void)status;
    return mpr_api_unsupported("MPI_Waitany");
}

#pragma weak MPI_Testany = PMPI_Testany
int PMPI_Testany(int count, MPI_Request array_of_requests[], int *index, int *flag,
                 MPI_Status *status)
{
    (void)count;
    (void)array_of_requests;
    (void)index;
    (void)flag;
    (void)status;
    return mpr_api_unsupported("MPI_Testany");
}

#pragma weak MPI_Waitall = PMPI_Waitall
int PMPI_Waitall(int count, MPI_Request array_of_requests[], MPI_Status array_of_statuses[])
{
    (void)count;
    (void)array_of_requests;
    (void)array_of_statuses;
    return mpr_api_unsupported("MPI_Waitall");
}

#pragma weak MPI_Testall = PMPI_Testall
int PMPI_Testall(int count, MPI_Request array_of_requests[], int *flag,
                 MPI_Status array_of_statuses[])
{
    (void)count;
    (void)array_of_requests;
    (void)flag;
    (void)array_of_statuses;
    return mpr_api_unsupported("MPI_Testall");
}

#pragma weak MPI_Waitsome = PMPI_Waitsome
int PMPI_Waitsome(int incount, MPI_Request array_of_requests[], int *outcount,
                  int array_of_indices[], MPI_Status array_of_statuses[])
{
    (void)incount;
    (void)array_of_requests;
    (void)outcount;
    (void)array_of_indices;
    (void)array_of_statuses;
    return mpr_api_unsupported("MPI_Waitsome");
}

#pragma weak MPI_Testsome = PMPI_Testsome
int PMPI_Testsome(int incount, MPI_Request array_of_requests[], int *outcount,
                  int array_of_indices[], MPI_Status array_of_statuses[])
{
    (void)incount;
    (void)array_of_requests;
    (void)outcount;
    (void)array_of_indices;
    (void)array_of_statuses;
    return mpr_api_unsupported("MPI_Testsome");
}

#pragma weak MPI_Request_get_status = PMPI_Request_get_status
int PMPI_Request_get_status(MPI_Request request, int *flag, MPI_Status *status)
{
    (void)request;
    (void)flag;
    (void)status;
    return mpr_api_unsupported("MPI_Request_get_status");
}

#pragma weak MPI_Iprobe = PMPI_Iprobe
int PMPI_Iprobe(int source, int tag, MPI_Comm comm, int *flag, MPI_Status *status)
{
    (void)source;
    (void)tag;
    (void)comm;
    (void)flag;
    (void)status;
    return mpr_api_unsupported("MPI_Iprobe");
}

#pragma weak MPI_Probe = PMPI_Probe
int PMPI_Probe(int source, int tag, MPI_Comm comm, MPI_Status *status)
{
    (void)source;
    (void)tag;
    (void)comm;
    (void)status;
    return mpr_api_unsupported("MPI_Probe");
}

#pragma weak MPI_Improbe = PMPI_Improbe
int PMPI_Improbe(int source, int tag, MPI_Comm comm, int *flag, MPI_Message *message,
                 MPI_Status *status)
{
    (void)source;
    (void)tag;
    (void)comm;
    (void)flag;
    (void)message;
    (void)status;
    return mpr_api_unsupported("MPI_Improbe");
}

#pragma weak MPI_Mprobe = PMPI_Mprobe
int PMPI_Mprobe(int source, int tag, MPI_Comm comm, MPI_Message *message, MPI_Status *status)
{
    (void)source;
    (void)tag;
    (void)comm;
    (void)message;
    (void)status;
    return mpr_api_unsupported("MPI_Mprobe");
}

#pragma weak MPI_Mrecv = PMPI_Mrecv
int PMPI_Mrecv(void *buf, int count, MPI_Datatype datatype, MPI_Message *message,
               MPI_Status *status)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)message;
    (void)status;
    return mpr_api_unsupported("MPI_Mrecv");
}

#pragma weak MPI_Imrecv = PMPI_Imrecv
int PMPI_Imrecv(void *buf, int count, MPI_Datatype datatype, MPI_Message *message,
                MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)message;
    (void)request;
    return mpr_api_unsupported("MPI_Imrecv");
}

#pragma weak MPI_Cancel = PMPI_Cancel
int PMPI_Cancel(MPI_Request *request)
{
    (void)request;
    return mpr_api_unsupported("MPI_Cancel");
}

#pragma weak MPI_Test_cancelled = PMPI_Test_cancelled
int PMPI_Test_cancelled(const MPI_Status *status, int *flag)
{
    mpr_api_require_init("MPI_Test_cancelled");
    if (status == NULL || flag == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Test_cancelled", MPI_ERR_ARG, "%s: NULL pointer",
                             status == NULL ? "status" : "flag");
    }
    *flag = status->mpr_cancelled;
    return MPI_SUCCESS;
}

#pragma weak MPI_Send_init = PMPI_Send_init
int PMPI_Send_init(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,
                   MPI_Comm comm, MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Send_init");
}

#pragma weak MPI_Bsend_init = PMPI_Bsend_init
int PMPI_Bsend_init(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,
                    MPI_Comm comm, MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Bsend_init");
}

#pragma weak MPI_Ssend_init = PMPI_Ssend_init
int PMPI_Ssend_init(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,
                    MPI_Comm comm, MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Ssend_init");
}

#pragma weak MPI_Rsend_init = PMPI_Rsend_init
int PMPI_Rsend_init(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,
                    MPI_Comm comm, MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Rsend_init");
}

#pragma weak MPI_Recv_init = PMPI_Recv_init
int PMPI_Recv_init(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm,
                   MPI_Request *request)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)source;
    (void)tag;
    (void)comm;
    (void)request;
    return mpr_api_unsupported("MPI_Recv_init");
}

#pragma weak MPI_Start = PMPI_Start
int PMPI_Start(MPI_Request *request)
{
    (void)request;
    return mpr_api_unsupported("MPI_Start");
}

#pragma weak MPI_Startall = PMPI_Startall
int PMPI_Startall(int count, MPI_Request array_of_requests[])
{
    (void)count;
    (void)array_of_requests;
    return mpr_api_unsupported("MPI_Startall");
}

#pragma weak MPI_Sendrecv = PMPI_Sendrecv
int PMPI_Sendrecv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, int dest, int sendtag,
                  void *recvbuf, int recvcount, MPI_Datatype recvtype, int source, int recvtag,
                  MPI_Comm comm, MPI_Status *status)
{
    (void)sendbuf;
    (void)sendcount;
    (void)sendtype;
    (void)dest;
    (void)sendtag;
    (void)recvbuf;
    (void)recvcount;
    (void)recvtype;
    (void)source;
    (void)recvtag;
    (void)comm;
    (void)status;
    return mpr_api_unsupported("MPI_Sendrecv");
}

#pragma weak MPI_Sendrecv_replace = PMPI_Sendrecv_replace
int PMPI_Sendrecv_replace(void *buf, int count, MPI_Datatype datatype, int dest, int sendtag,
                          int source, int recvtag, MPI_Comm comm, MPI_Status *status)
{
    (void)buf;
    (void)count;
    (void)datatype;
    (void)dest;
    (void)sendtag;
    (void)source;
    (void)recvtag;
    (void)comm;
    (void)status;
    return mpr_api_unsupported("MPI_Sendrecv_replace");
}
