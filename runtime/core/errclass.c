#include "core/errclass.h"

#include "core/errcode.h"

#include <mpi.h>
#include <stdlib.h>
#include <string.h>

struct errclass_info {
    const char *name;
    const char *text;
};

static const struct errclass_info predefined[MPI_ERR_LASTCODE + 1] = {
    [MPI_SUCCESS] = {"MPI_SUCCESS", "no error"},
    [MPI_ERR_BUFFER] = {"MPI_ERR_BUFFER", "invalid buffer pointer"},
    [MPI_ERR_COUNT] = {"MPI_ERR_COUNT", "invalid count argument"},
    [MPI_ERR_TYPE] = {"MPI_ERR_TYPE", "invalid datatype"},
    [MPI_ERR_TAG] = {"MPI_ERR_TAG", "invalid tag"},
    [MPI_ERR_COMM] = {"MPI_ERR_COMM", "invalid communicator"},
    [MPI_ERR_RANK] = {"MPI_ERR_RANK", "invalid rank"},
    [MPI_ERR_REQUEST] = {"MPI_ERR_REQUEST", "invalid request"},
    [MPI_ERR_ROOT] = {"MPI_ERR_ROOT", "invalid root"},
    [MPI_ERR_GROUP] = {"MPI_ERR_GROUP", "invalid group"},
    [MPI_ERR_OP] = {"MPI_ERR_OP", "invalid reduction operation"},
    [MPI_ERR_TOPOLOGY] = {"MPI_ERR_TOPOLOGY", "invalid topology"},
    [MPI_ERR_DIMS] = {"MPI_ERR_DIMS", "invalid dimension argument"},
    [MPI_ERR_ARG] = {"MPI_ERR_ARG", "invalid argument"},
    [MPI_ERR_UNKNOWN] = {"MPI_ERR_UNKNOWN", "unknown error"},
    [MPI_ERR_TRUNCATE] = {"MPI_ERR_TRUNCATE", "message truncated on receive"},
    [MPI_ERR_OTHER] = {"MPI_ERR_OTHER", "known error not in this list"},
    [MPI_ERR_INTERN] = {"MPI_ERR_INTERN", "internal error in mpr"},
    [MPI_ERR_PENDING] = {"MPI_ERR_PENDING", "pending request"},
    [MPI_ERR_IN_STATUS] = {"MPI_ERR_IN_STATUS", "error code is in status"},
    [MPI_ERR_ACCESS] = {"MPI_ERR_ACCESS", "permission denied"},
    [MPI_ERR_AMODE] = {"MPI_ERR_AMODE", "invalid file access mode"},
    [MPI_ERR_ASSERT] = {"MPI_ERR_ASSERT", "invalid assert argument"},
    [MPI_ERR_BAD_FILE] = {"MPI_ERR_BAD_FILE", "invalid file name"},
    [MPI_ERR_BASE] = {"MPI_ERR_BASE", "invalid base argument"},
    [MPI_ERR_CONVERSION] = {"MPI_ERR_CONVERSION", "data conversion failed"},
    [MPI_ERR_DISP] = {"MPI_ERR_DISP", "invalid displacement argument"},
    [MPI_ERR_DUP_DATAREP] = {"MPI_ERR_DUP_DATAREP", "data representation already registered"},
    [MPI_ERR_FILE_EXISTS] = {"MPI_ERR_FILE_EXISTS", "file exists"},
    [MPI_ERR_FILE_IN_USE] = {"MPI_ERR_FILE_IN_USE", "file is in use"},
    [MPI_ERR_FILE] = {"MPI_ERR_FILE", "invalid file handle"},
    [MPI_ERR_INFO_KEY] = {"MPI_ERR_INFO_KEY", "info key too long"},
    [MPI_ERR_INFO_NOKEY] = {"MPI_ERR_INFO_NOKEY", "info key not defined"},
    [MPI_ERR_INFO_VALUE] = {"MPI_ERR_INFO_VALUE", "info value too long"},
    [MPI_ERR_INFO] = {"MPI_ERR_INFO", "invalid info object"},
    [MPI_ERR_IO] = {"MPI_ERR_IO", "I/O error"},
    [MPI_ERR_KEYVAL] = {"MPI_ERR_KEYVAL", "invalid attribute key"},
    [MPI_ERR_LOCKTYPE] = {"MPI_ERR_LOCKTYPE", "invalid lock type"},
    [MPI_ERR_NAME] = {"MPI_ERR_NAME", "invalid service name"},
    [MPI_ERR_NO_MEM] = {"MPI_ERR_NO_MEM", "out of memory"},
    [MPI_ERR_NOT_SAME] = {"MPI_ERR_NOT_SAME", "collective arguments differ between ranks"},
    [MPI_ERR_NO_SPACE] = {"MPI_ERR_NO_SPACE", "no space left"},
    [MPI_ERR_NO_SUCH_FILE] = {"MPI_ERR_NO_SUCH_FILE", "no such file"},
    [MPI_ERR_PORT] = {"MPI_ERR_PORT", "invalid port name"},
    [MPI_ERR_QUOTA] = {"MPI_ERR_QUOTA", "quota exceeded"},
    [MPI_ERR_READ_ONLY] = {"MPI_ERR_READ_ONLY", "file is read-only"},
    [MPI_ERR_RMA_ATTACH] = {"MPI_ERR_RMA_ATTACH", "memory cannot be attached"},
    [MPI_ERR_RMA_CONFLICT] = {"MPI_ERR_RMA_CONFLICT", "conflicting RMA accesses"},
    [MPI_ERR_RMA_RANGE] = {"MPI_ERR_RMA_RANGE", "target memory out of the window"},
    [MPI_ERR_RMA_SHARED] = {"MPI_ERR_RMA_SHARED", "memory cannot be shared"},
    [MPI_ERR_RMA_SYNC] = {"MPI_ERR_RMA_SYNC", "wrong RMA synchronisation"},
    [MPI_ERR_RMA_FLAVOR] = {"MPI_ERR_RMA_FLAVOR", "wrong window flavor"},
    [MPI_ERR_SERVICE] = {"MPI_ERR_SERVICE", "invalid service"},
    [MPI_ERR_SIZE] = {"MPI_ERR_SIZE", "invalid size argument"},
    [MPI_ERR_SPAWN] = {"MPI_ERR_SPAWN", "spawn failed"},
    [MPI_ERR_UNSUPPORTED_DATAREP] = {"MPI_ERR_UNSUPPORTED_DATAREP",
                                     "unsupported data representation"},
    [MPI_ERR_UNSUPPORTED_OPERATION] = {"MPI_ERR_UNSUPPORTED_OPERATION",
                                       "operation not supported by mpr"},
    [MPI_ERR_WIN] = {"MPI_ERR_WIN", "invalid window"},
    [MPI_ERR_LASTCODE] = {"MPI_ERR_LASTCODE", "last error code"},
};

/* User-added codes: code MPI_ERR_LASTCODE + 1 + i is user[i]. */
struct user_code {
    int errclass;
    char *text;
};

static struct user_code *user;
static int nuser;

const char *mpr_errclass_name(int errclass)
{
    if (errclass < 0 || errclass > MPI_ERR_LASTCODE) {
        return NULL;
    }
    return predefined[errclass].name;
}

static struct user_code *user_code(int code)
{
    int i = code - MPI_ERR_LASTCODE - 1;

    return i >= 0 && i < nuser ? &user[i] : NULL;
}

const char *mpr_errcode_text(int code)
{
    struct user_code *u = user_code(code);

    if (u) {
        return u->text ? u->text : "";
    }
    if (code < 0 || code > MPI_ERR_LASTCODE) {
        return NULL;
    }
    return predefined[code].text;
}

int mpr_errcode_class(int code)
{
    struct user_code *u = user_code(code);

    if (u) {
        return u->errclass;
    }
    if (code < 0 || code > MPI_ERR_LASTCODE || !predefined[code].name) {
        return -1;
    }
    return code;
}

static int add_code(int errclass, int *code)
{
    struct user_code *grown = realloc(user, (size_t)(nuser + 1) * sizeof(*user));

    if (!grown) {
        return -MPR_ERR_NOMEM;
    }
    user = grown;
    *code = MPI_ERR_LASTCODE + 1 + nuser;
    user[nuser].errclass = errclass < 0 ? *code : errclass;
    user[nuser].text = NULL;
    nuser++;
    return 0;
}

int mpr_errclass_add(int *errclass)
{
    return add_code(-1, errclass);
}

int mpr_errcode_add(int errclass, int *code)
{
    return add_code(errclass, code);
}

int mpr_errcode_set_text(int code, const char *text)
{
    struct user_code *u = user_code(code);
    char *copy;

    if (!u) {
        return -MPR_ERR_ARG;
    }
    copy = strdup(text);
    if (!copy) {
        return -MPR_ERR_NOMEM;
    }
    free(u->text);
    u->text = copy;
    return 0;
}

int mpr_errcode_last_used(void)
{
    return MPI_ERR_LASTCODE + nuser;
}

int mpr_errclass_from_internal(int rc)
{
    switch (-rc) {
    case MPR_OK:
        return MPI_SUCCESS;
    case MPR_ERR_NOMEM:
        return MPI_ERR_NO_MEM;
    case MPR_ERR_ARG:
        return MPI_ERR_ARG;
    case MPR_ERR_TRUNCATE:
        return MPI_ERR_TRUNCATE;
    default:
        return MPI_ERR_OTHER;
    }
}
