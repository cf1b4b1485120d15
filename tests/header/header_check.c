/*
 * Compile-only check of include/mpi.h: built as C99, C11 and (through header_check_cxx.cpp) C++
 * with -pedantic -Wall -Wextra -Werror. Predefined handles must be address constants, usable in
 * file-scope initializers, and prototypes must match the MPI 3.1 signatures.
 */
#include <mpi.h>

/* A negative array size fails the build where the condition is false (C99 has no static_assert). */
#define HEADER_CHECK(name, cond) typedef char header_check_##name[(cond) ? 1 : -1]

HEADER_CHECK(version, MPI_VERSION == 3 && MPI_SUBVERSION == 1);
HEADER_CHECK(thread_order, MPI_THREAD_SINGLE < MPI_THREAD_FUNNELED &&
                               MPI_THREAD_FUNNELED < MPI_THREAD_SERIALIZED &&
                               MPI_THREAD_SERIALIZED < MPI_THREAD_MULTIPLE);
HEADER_CHECK(success, MPI_SUCCESS == 0 && MPI_ERR_LASTCODE > MPI_ERR_UNSUPPORTED_OPERATION);
HEADER_CHECK(ranks, MPI_ANY_SOURCE == -1 && MPI_PROC_NULL == -2 && MPI_ROOT == -3);
HEADER_CHECK(aint, sizeof(MPI_Aint) == sizeof(void *));
HEADER_CHECK(count, sizeof(MPI_Count) >= sizeof(MPI_Offset) && sizeof(MPI_Count) >= 8);

MPI_Comm header_comms[] = {MPI_COMM_WORLD, MPI_COMM_SELF, MPI_COMM_NULL};
MPI_Datatype header_types[] = {MPI_CHAR,      MPI_INT,
                               MPI_LONG_LONG, MPI_DOUBLE,
                               MPI_C_COMPLEX, MPI_INT64_T,
                               MPI_AINT,      MPI_COUNT,
                               MPI_BYTE,      MPI_PACKED,
                               MPI_2INT,      MPI_DOUBLE_INT,
                               MPI_INTEGER,   MPI_DOUBLE_PRECISION,
                               MPI_CXX_BOOL,  MPI_DATATYPE_NULL};
MPI_Op header_ops[] = {MPI_SUM, MPI_MAXLOC, MPI_REPLACE, MPI_NO_OP, MPI_OP_NULL};
MPI_Errhandler header_errhandlers[] = {MPI_ERRORS_ARE_FATAL, MPI_ERRORS_RETURN,
                                       MPI_ERRHANDLER_NULL};
MPI_Group header_group = MPI_GROUP_EMPTY;
MPI_Info header_info = MPI_INFO_ENV;
MPI_Message header_message = MPI_MESSAGE_NO_PROC;
MPI_Request header_request = MPI_REQUEST_NULL;
MPI_Win header_win = MPI_WIN_NULL;
MPI_File header_file = MPI_FILE_NULL;
void *header_buffers[] = {MPI_BOTTOM, MPI_IN_PLACE};
MPI_Status *header_status = MPI_STATUS_IGNORE;
int *header_weights[] = {MPI_UNWEIGHTED, MPI_WEIGHTS_EMPTY, MPI_ERRCODES_IGNORE};

MPI_Comm_copy_attr_function *header_comm_copy = MPI_COMM_DUP_FN;
MPI_Comm_delete_attr_function *header_comm_delete = MPI_COMM_NULL_DELETE_FN;
MPI_Type_copy_attr_function *header_type_copy = MPI_TYPE_NULL_COPY_FN;
MPI_Win_delete_attr_function *header_win_delete = MPI_WIN_NULL_DELETE_FN;
MPI_Copy_function *header_copy = MPI_DUP_FN;
MPI_Datarep_conversion_function *header_conversion = MPI_CONVERSION_FN_NULL;

/* The exact MPI 3.1 prototypes, const included, for both names. */
int (*header_send)(const void *, int, MPI_Datatype, int, int, MPI_Comm) = MPI_Send;
int (*header_psend)(const void *, int, MPI_Datatype, int, int, MPI_Comm) = PMPI_Send;
int (*header_allreduce)(const void *, void *, int, MPI_Datatype, MPI_Op, MPI_Comm) = MPI_Allreduce;
MPI_Aint (*header_aint_add)(MPI_Aint, MPI_Aint) = MPI_Aint_add;
double (*header_wtime)(void) = PMPI_Wtime;
MPI_Comm (*header_f2c)(MPI_Fint) = MPI_Comm_f2c;

int header_status_fields(const MPI_Status *status);

int header_status_fields(const MPI_Status *status)
{
    return status->MPI_SOURCE + status->MPI_TAG + status->MPI_ERROR;
}
