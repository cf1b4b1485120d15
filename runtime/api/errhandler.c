/* MPI chapter 8.3-8.5: error handlers, error codes and classes. */
#include "api/api.h"

#include "comm/comm.h"
#include "core/errclass.h"
#include "core/errcode.h"
#include "core/errhandler.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int errh_ok(MPI_Errhandler eh)
{
    return eh == MPI_ERRORS_ARE_FATAL || eh == MPI_ERRORS_RETURN ||
           (eh != MPI_ERRHANDLER_NULL && eh->kind == MPR_ERRH_USER && eh->refcount > 0);
}

#pragma weak MPI_Comm_set_errhandler = PMPI_Comm_set_errhandler
int PMPI_Comm_set_errhandler(MPI_Comm comm, MPI_Errhandler errhandler)
{
    static const char fn[] = "MPI_Comm_set_errhandler";

    mpr_api_require_init(fn);
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: not a valid communicator");
    }
    if (!errh_ok(errhandler)) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "errhandler: not a valid error handler");
    }
    mpr_errhandler_retain(errhandler);
    mpr_errhandler_release(comm->errhandler);
    comm->errhandler = errhandler;
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_get_errhandler = PMPI_Comm_get_errhandler
int PMPI_Comm_get_errhandler(MPI_Comm comm, MPI_Errhandler *errhandler)
{
    static const char fn[] = "MPI_Comm_get_errhandler";

    mpr_api_require_init(fn);
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: not a valid communicator");
    }
    if (!errhandler) {
        return mpr_api_error(comm, fn, MPI_ERR_ARG, "errhandler: NULL pointer");
    }
    /* The caller gets its own reference, released by MPI_Errhandler_free. */
    mpr_errhandler_retain(comm->errhandler);
    *errhandler = comm->errhandler;
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_create_errhandler = PMPI_Comm_create_errhandler
int PMPI_Comm_create_errhandler(MPI_Comm_errhandler_function *function, MPI_Errhandler *errhandler)
{
    static const char fn[] = "MPI_Comm_create_errhandler";
    struct mpr_errhandler *eh;

    mpr_api_require_init(fn);
    if (!function || !errhandler) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL pointer",
                             function ? "errhandler" : "function");
    }
    eh = calloc(1, sizeof(*eh));
    if (!eh) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    eh->kind = MPR_ERRH_USER;
    eh->refcount = 1;
    eh->fn = function;
    *errhandler = eh;
    return MPI_SUCCESS;
}

#pragma weak MPI_Comm_call_errhandler = PMPI_Comm_call_errhandler
int PMPI_Comm_call_errhandler(MPI_Comm comm, int errorcode)
{
    static const char fn[] = "MPI_Comm_call_errhandler";

    mpr_api_require_init(fn);
    if (!mpr_api_comm_ok(comm)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: not a valid communicator");
    }
    mpr_api_error(comm, fn, errorcode, "error code %d raised by the program", errorcode);
    return MPI_SUCCESS;
}

#pragma weak MPI_Errhandler_free = PMPI_Errhandler_free
int PMPI_Errhandler_free(MPI_Errhandler *errhandler)
{
    static const char fn[] = "MPI_Errhandler_free";

    mpr_api_require_init(fn);
    if (!errhandler || !errh_ok(*errhandler)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                             "errhandler: not a valid error handler");
    }
    mpr_errhandler_release(*errhandler);
    *errhandler = MPI_ERRHANDLER_NULL;
    return MPI_SUCCESS;
}

#pragma weak MPI_Error_string = PMPI_Error_string
int PMPI_Error_string(int errorcode, char *string, int *resultlen)
{
    const char *text = mpr_errcode_text(errorcode);
    const char *name = mpr_errclass_name(errorcode);
    int n;

    if (!string || !resultlen) {
        return MPI_ERR_ARG;
    }
    if (!text) {
        n = snprintf(string, MPI_MAX_ERROR_STRING, "unknown error code %d", errorcode);
        *resultlen = n;
        return MPI_ERR_ARG;
    }
    if (name) {
        n = snprintf(string, MPI_MAX_ERROR_STRING, "%s: %s", name, text);
    } else {
        n = snprintf(string, MPI_MAX_ERROR_STRING, "%s", text);
    }
    *resultlen = n < MPI_MAX_ERROR_STRING ? n : MPI_MAX_ERROR_STRING - 1;
    return MPI_SUCCESS;
}

#pragma weak MPI_Error_class = PMPI_Error_class
int PMPI_Error_class(int errorcode, int *errorclass)
{
    int cls = mpr_errcode_class(errorcode);

    if (!errorclass || cls < 0) {
        return MPI_ERR_ARG;
    }
    *errorclass = cls;
    return MPI_SUCCESS;
}

#pragma weak MPI_Add_error_class = PMPI_Add_error_class
int PMPI_Add_error_class(int *errorclass)
{
    static const char fn[] = "MPI_Add_error_class";

    mpr_api_require_init(fn);
    if (!errorclass) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "errorclass: NULL pointer");
    }
    if (mpr_errclass_add(errorclass) != 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Add_error_code = PMPI_Add_error_code
int PMPI_Add_error_code(int errorclass, int *errorcode)
{
    static const char fn[] = "MPI_Add_error_code";

    mpr_api_require_init(fn);
    if (!errorcode) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "errorcode: NULL pointer");
    }
    if (mpr_errcode_class(errorclass) != errorclass) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                             "errorclass: %d is not an error class", errorclass);
    }
    if (mpr_errcode_add(errorclass, errorcode) != 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Add_error_string = PMPI_Add_error_string
int PMPI_Add_error_string(int errorcode, const char *string)
{
    static const char fn[] = "MPI_Add_error_string";
    int rc;

    mpr_api_require_init(fn);
    if (!string || strlen(string) >= MPI_MAX_ERROR_STRING) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                             "string: NULL or longer than MPI_MAX_ERROR_STRING");
    }
    rc = mpr_errcode_set_text(errorcode, string);
    if (rc != 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn,
                             rc == -MPR_ERR_NOMEM ? MPI_ERR_NO_MEM : MPI_ERR_ARG,
                             "errorcode: %d is not a code added by MPI_Add_error_code", errorcode);
    }
    return MPI_SUCCESS;
}

/* Windows and files do not exist yet, so neither do their error handlers. */

#pragma weak MPI_Win_create_errhandler = PMPI_Win_create_errhandler
int PMPI_Win_create_errhandler(MPI_Win_errhandler_function *function, MPI_Errhandler *errhandler)
{
    (void)function;
    (void)errhandler;
    return mpr_api_unsupported("MPI_Win_create_errhandler");
}

#pragma weak MPI_Win_set_errhandler = PMPI_Win_set_errhandler
int PMPI_Win_set_errhandler(MPI_Win win, MPI_Errhandler errhandler)
{
    (void)win;
    (void)errhandler;
    return mpr_api_unsupported("MPI_Win_set_errhandler");
}

#pragma weak MPI_Win_get_errhandler = PMPI_Win_get_errhandler
int PMPI_Win_get_errhandler(MPI_Win win, MPI_Errhandler *errhandler)
{
    (void)win;
    (void)errhandler;
    return mpr_api_unsupported("MPI_Win_get_errhandler");
}

#pragma weak MPI_Win_call_errhandler = PMPI_Win_call_errhandler
int PMPI_Win_call_errhandler(MPI_Win win, int errorcode)
{
    (void)win;
    (void)errorcode;
    return mpr_api_unsupported("MPI_Win_call_errhandler");
}

#pragma weak MPI_File_create_errhandler = PMPI_File_create_errhandler
int PMPI_File_create_errhandler(MPI_File_errhandler_function *function, MPI_Errhandler *errhandler)
{
    (void)function;
    (void)errhandler;
    return mpr_api_unsupported("MPI_File_create_errhandler");
}

#pragma weak MPI_File_set_errhandler = PMPI_File_set_errhandler
int PMPI_File_set_errhandler(MPI_File file, MPI_Errhandler errhandler)
{
    (void)file;
    (void)errhandler;
    return mpr_api_unsupported("MPI_File_set_errhandler");
}

#pragma weak MPI_File_get_errhandler = PMPI_File_get_errhandler
int PMPI_File_get_errhandler(MPI_File file, MPI_Errhandler *errhandler)
{
    (void)file;
    (void)errhandler;
    return mpr_api_unsupported("MPI_File_get_errhandler");
}

#pragma weak MPI_File_call_errhandler = PMPI_File_call_errhandler
int PMPI_File_call_errhandler(MPI_File fh, int errorcode)
{
    (void)fh;
    (void)errorcode;
    return mpr_api_unsupported("MPI_File_call_errhandler");
}
