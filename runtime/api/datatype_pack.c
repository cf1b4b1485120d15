/*
 * Datatypes: MPI_Pack, MPI_Unpack and MPI_Pack_size. Each checks its arguments, then runs the
 * pack engine (datatype/flat.h). The packed form is the one messages carry, so a buffer packed
 * here can be sent as MPI_PACKED and received with the original type, and the other way round.
 * The external32 representation is not implemented yet.
 */
#include "api/api.h"

#include "datatype/datatype.h"
#include "datatype/flat.h"

#include <limits.h>

/* What MPI_Pack and MPI_Unpack have in common: the packed buffer, position, type and count. */
struct pack_args {
    const char *fn;
    MPI_Comm comm;
    int count;
    MPI_Datatype dt;
    const void *data;   /* the typed buffer */
    const void *packed; /* the packed buffer */
    int size;           /* its size */
    int *position;
    int sizing; /* MPI_Pack_size: no data moves, the type need not be committed */
};

static int check_pack(const struct pack_args *a)
{
    if (!mpr_api_comm_ok(a->comm)) {
        return mpr_api_error(MPI_COMM_WORLD, a->fn, MPI_ERR_COMM, "comm: %s",
                             a->comm == MPI_COMM_NULL ? "MPI_COMM_NULL" : "not a communicator");
    }
    if (a->count < 0) {
        return mpr_api_error(a->comm, a->fn, MPI_ERR_COUNT, "count: %d is negative", a->count);
    }
    if (!mpr_datatype_ok(a->dt)) {
        return mpr_api_error(a->comm, a->fn, MPI_ERR_TYPE, "datatype: %s",
                             a->dt == MPI_DATATYPE_NULL ? "MPI_DATATYPE_NULL" : "not a datatype");
    }
    if (!a->dt->committed && !a->sizing) {
        return mpr_api_error(a->comm, a->fn, MPI_ERR_TYPE,
                             "datatype: not committed; call MPI_Type_commit first");
    }
    if (a->position == NULL) {
        return mpr_api_error(a->comm, a->fn, MPI_ERR_ARG, "position: NULL pointer");
    }
    if (a->size < 0 || *a->position < 0 || *a->position > a->size) {
        return mpr_api_error(a->comm, a->fn, MPI_ERR_ARG,
                             "position %d and buffer size %d: need 0 <= position <= size",
                             *a->position, a->size);
    }
    return MPI_SUCCESS;
}

/* The bytes to move; MPI_ERR_TRUNCATE when they do not fit between position and size. */
static int check_room(const struct pack_args *a, MPI_Count *bytes)
{
    MPI_Count n = (MPI_Count)a->count * a->dt->packed;

    if (n > a->size - *a->position) {
        return mpr_api_error(a->comm, a->fn, MPI_ERR_TRUNCATE,
                             "%d elements take %lld packed bytes; only %d are left after position "
                             "%d in the %d-byte buffer",
                             a->count, (long long)n, a->size - *a->position, *a->position, a->size);
    }
    if (n > 0 &&
        (a->packed == NULL || (a->data == NULL && a->dt->combiner == MPI_COMBINER_NAMED))) {
        return mpr_api_error(a->comm, a->fn, MPI_ERR_BUFFER, "%s: NULL pointer",
                             a->packed == NULL ? "packed buffer" : "buffer");
    }
    *bytes = n;
    return MPI_SUCCESS;
}

#pragma weak MPI_Pack = PMPI_Pack
int PMPI_Pack(const void *inbuf, int incount, MPI_Datatype datatype, void *outbuf, int outsize,
              int *position, MPI_Comm comm)
{
    struct pack_args a = {"MPI_Pack", comm, incount, datatype, inbuf, outbuf, outsize, position, 0};
    MPI_Count bytes = 0;
    int rc;

    mpr_api_require_init(a.fn);
    rc = check_pack(&a);
    if (rc == MPI_SUCCESS) {
        rc = check_room(&a, &bytes);
    }
    if (rc == MPI_SUCCESS && bytes > 0) {
        mpr_dt_pack(datatype, incount, inbuf, (char *)outbuf + *position, 0, bytes);
        *position += (int)bytes;
    }
    return rc;
}

#pragma weak MPI_Unpack = PMPI_Unpack
int PMPI_Unpack(const void *inbuf, int insize, int *position, void *outbuf, int outcount,
                MPI_Datatype datatype, MPI_Comm comm)
{
    struct pack_args a = {"MPI_Unpack", comm,   outcount, datatype, outbuf,
                          inbuf,        insize, position, 0};
    MPI_Count bytes = 0;
    int rc;

    mpr_api_require_init(a.fn);
    rc = check_pack(&a);
    if (rc == MPI_SUCCESS) {
        rc = check_room(&a, &bytes);
    }
    if (rc == MPI_SUCCESS && bytes > 0) {
        mpr_dt_unpack(datatype, outcount, outbuf, (const char *)inbuf + *position, 0, bytes);
        *position += (int)bytes;
    }
    return rc;
}

/* Exactly the packed size: mpr adds no header to packed data. */
#pragma weak MPI_Pack_size = PMPI_Pack_size
int PMPI_Pack_size(int incount, MPI_Datatype datatype, MPI_Comm comm, int *size)
{
    int position = 0;
    struct pack_args a = {"MPI_Pack_size", comm, incount, datatype, NULL, NULL, 0, &position, 1};
    MPI_Count n;
    int rc;

    mpr_api_require_init(a.fn);
    rc = check_pack(&a);
    if (rc == MPI_SUCCESS && size == NULL) {
        rc = mpr_api_error(comm, a.fn, MPI_ERR_ARG, "size: NULL pointer");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    n = (MPI_Count)incount * datatype->packed;
    if (n > INT_MAX) {
        return mpr_api_error(comm, a.fn, MPI_ERR_COUNT,
                             "%d elements take %lld packed bytes, more than an int holds", incount,
                             (long long)n);
    }
    *size = (int)n;
    return MPI_SUCCESS;
}

#pragma weak MPI_Pack_external = PMPI_Pack_external
int PMPI_Pack_external(const char datarep[], const void *inbuf, int incount, MPI_Datatype datatype,
                       void *outbuf, MPI_Aint outsize, MPI_Aint *position)
{
    (void)datarep;
    (void)inbuf;
    (void)incount;
    (void)datatype;
    (void)outbuf;
    (void)outsize;
    (void)position;
    return mpr_api_unsupported("MPI_Pack_external");
}

#pragma weak MPI_Unpack_external = PMPI_Unpack_external
int PMPI_Unpack_external(const char datarep[], const void *inbuf, MPI_Aint insize,
                         MPI_Aint *position, void *outbuf, int outcount, MPI_Datatype datatype)
{
    (void)datarep;
    (void)inbuf;
    (void)insize;
    (void)position;
    (void)outbuf;
    (void)outcount;
    (void)datatype;
    return mpr_api_unsupported("MPI_Unpack_external");
}

#pragma weak MPI_Pack_external_size = PMPI_Pack_external_size
int PMPI_Pack_external_size(const char datarep[], int incount, MPI_Datatype datatype,
                            MPI_Aint *size)
{
    (void)datarep;
    (void)incount;
    (void)datatype;
    (void)size;
    return mpr_api_unsupported("MPI_Pack_external_size");
}
