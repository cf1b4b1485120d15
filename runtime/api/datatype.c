/*
 * Datatypes: the MPI entry points.
 * Each checks its arguments, then calls the layer below; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#include "api/api_name.h"
#include "datatype/datatype.h"
#include "datatype/datatype_ops.h"

#include <limits.h>
#include <stdint.h>

#pragma weak MPI_Type_contiguous = PMPI_Type_contiguous
int PMPI_Type_contiguous(int count, MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_contiguous";
    int rc;

    mpr_api_require_init(fn);
    if (count < 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COUNT, "count: %d is negative", count);
    }
    if (!mpr_datatype_ok(oldtype)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_TYPE, "oldtype: not a datatype");
    }
    if (!newtype) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "newtype: NULL pointer");
    }
    rc = mpr_type_contiguous(count, oldtype, newtype);
    return rc == 0 ? MPI_SUCCESS
                   : mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_NO_MEM, "out of memory");
}

#pragma weak MPI_Type_vector = PMPI_Type_vector
int PMPI_Type_vector(int count, int blocklength, int stride, MPI_Datatype oldtype,
                     MPI_Datatype *newtype)
{
    (void)count;
    (void)blocklength;
    (void)stride;
    (void)oldtype;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_vector");
}

#pragma weak MPI_Type_create_hvector = PMPI_Type_create_hvector
int PMPI_Type_create_hvector(int count, int blocklength, MPI_Aint stride, MPI_Datatype oldtype,
                             MPI_Datatype *newtype)
{
    (void)count;
    (void)blocklength;
    (void)stride;
    (void)oldtype;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_hvector");
}

#pragma weak MPI_Type_indexed = PMPI_Type_indexed
int PMPI_Type_indexed(int count, const int array_of_blocklengths[],
                      const int array_of_displacements[], MPI_Datatype oldtype,
                      MPI_Datatype *newtype)
{
    (void)count;
    (void)array_of_blocklengths;
    (void)array_of_displacements;
    (void)oldtype;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_indexed");
}

#pragma weak MPI_Type_create_hindexed = PMPI_Type_create_hindexed
int PMPI_Type_create_hindexed(int count, const int array_of_blocklengths[],
                              const MPI_Aint array_of_displacements[], MPI_Datatype oldtype,
                              MPI_Datatype *newtype)
{
    (void)count;
    (void)array_of_blocklengths;
    (void)array_of_displacements;
    (void)oldtype;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_hindexed");
}

#pragma weak MPI_Type_create_indexed_block = PMPI_Type_create_indexed_block
int PMPI_Type_create_indexed_block(int count, int blocklength, const int array_of_displacements[],
                                   MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    (void)count;
    (void)blocklength;
    (void)array_of_displacements;
    (void)oldtype;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_indexed_block");
}

#pragma weak MPI_Type_create_hindexed_block = PMPI_Type_create_hindexed_block
int PMPI_Type_create_hindexed_block(int count, int blocklength,
                                    const MPI_Aint array_of_displacements[], MPI_Datatype oldtype,
                                    MPI_Datatype *newtype)
{
    (void)count;
    (void)blocklength;
    (void)array_of_displacements;
    (void)oldtype;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_hindexed_block");
}

#pragma weak MPI_Type_create_struct = PMPI_Type_create_struct
int PMPI_Type_create_struct(int count, const int array_of_blocklengths[],
                            const MPI_Aint array_of_displacements[],
                            const MPI_Datatype array_of_types[], MPI_Datatype *newtype)
{
    (void)count;
    (void)array_of_blocklengths;
    (void)array_of_displacements;
    (void)array_of_types;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_struct");
}

#pragma weak MPI_Type_create_subarray = PMPI_Type_create_subarray
int PMPI_Type_create_subarray(int ndims, const int array_of_sizes[], const int array_of_subsizes[],
                              const int array_of_starts[], int order, MPI_Datatype oldtype,
                              MPI_Datatype *newtype)
{
    (void)ndims;
    (void)array_of_sizes;
    (void)array_of_subsizes;
    (void)array_of_starts;
    (void)order;
    (void)oldtype;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_subarray");
}

#pragma weak MPI_Type_create_darray = PMPI_Type_create_darray
int PMPI_Type_create_darray(int size, int rank, int ndims, const int array_of_gsizes[],
                            const int array_of_distribs[], const int array_of_dargs[],
                            const int array_of_psizes[], int order, MPI_Datatype oldtype,
                            MPI_Datatype *newtype)
{
    (void)size;
    (void)rank;
    (void)ndims;
    (void)array_of_gsizes;
    (void)array_of_distribs;
    (void)array_of_dargs;
    (void)array_of_psizes;
    (void)order;
    (void)oldtype;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_darray");
}

#pragma weak MPI_Type_create_resized = PMPI_Type_create_resized
int PMPI_Type_create_resized(MPI_Datatype oldtype, MPI_Aint lb, MPI_Aint extent,
                             MPI_Datatype *newtype)
{
    (void)oldtype;
    (void)lb;
    (void)extent;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_resized");
}

#pragma weak MPI_Type_dup = PMPI_Type_dup
int PMPI_Type_dup(MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    (void)oldtype;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_dup");
}

#pragma weak MPI_Type_commit = PMPI_Type_commit
int PMPI_Type_commit(MPI_Datatype *datatype)
{
    mpr_api_require_init("MPI_Type_commit");
    if (!datatype || !mpr_datatype_ok(*datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_commit", MPI_ERR_TYPE,
                             "datatype: not a datatype");
    }
    (*datatype)->committed = 1;
    return MPI_SUCCESS;
}

#pragma weak MPI_Type_free = PMPI_Type_free
int PMPI_Type_free(MPI_Datatype *datatype)
{
    mpr_api_require_init("MPI_Type_free");
    if (!datatype || !mpr_datatype_ok(*datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_free", MPI_ERR_TYPE,
                             "datatype: not a datatype");
    }
    if ((*datatype)->combiner == MPI_COMBINER_NAMED) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_free", MPI_ERR_TYPE,
                             "datatype: %s is predefined and cannot be freed", (*datatype)->name);
    }
    mpr_type_release(*datatype);
    *datatype = MPI_DATATYPE_NULL;
    return MPI_SUCCESS;
}

#pragma weak MPI_Type_size = PMPI_Type_size
int PMPI_Type_size(MPI_Datatype datatype, int *size)
{
    mpr_api_require_init("MPI_Type_size");
    if (!mpr_datatype_ok(datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_size", MPI_ERR_TYPE,
                             "datatype: not a valid datatype");
    }
    if (size == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_size", MPI_ERR_ARG,
                             "size: NULL output pointer");
    }
    *size = datatype->size > INT_MAX ? MPI_UNDEFINED : (int)datatype->size;
    return MPI_SUCCESS;
}

#pragma weak MPI_Type_size_x = PMPI_Type_size_x
int PMPI_Type_size_x(MPI_Datatype datatype, MPI_Count *size)
{
    mpr_api_require_init("MPI_Type_size_x");
    if (!mpr_datatype_ok(datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_size_x", MPI_ERR_TYPE,
                             "datatype: not a valid datatype");
    }
    if (size == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_size_x", MPI_ERR_ARG,
                             "size: NULL output pointer");
    }
    *size = datatype->size;
    return MPI_SUCCESS;
}

#pragma weak MPI_Type_get_extent = PMPI_Type_get_extent
int PMPI_Type_get_extent(MPI_Datatype datatype, MPI_Aint *lb, MPI_Aint *extent)
{
    mpr_api_require_init("MPI_Type_get_extent");
    if (!mpr_datatype_ok(datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_get_extent", MPI_ERR_TYPE,
                             "datatype: not a valid datatype");
    }
    if (lb == NULL || extent == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_get_extent", MPI_ERR_ARG,
                             "%s: NULL output pointer", lb == NULL ? "lb" : "extent");
    }
    *lb = datatype->lb;
    *extent = datatype->extent;
    return MPI_SUCCESS;
}

#pragma weak MPI_Type_get_extent_x = PMPI_Type_get_extent_x
int PMPI_Type_get_extent_x(MPI_Datatype datatype, MPI_Count *lb, MPI_Count *extent)
{
    (void)datatype;
    (void)lb;
    (void)extent;
    return mpr_api_unsupported("MPI_Type_get_extent_x");
}

#pragma weak MPI_Type_get_true_extent = PMPI_Type_get_true_extent
int PMPI_Type_get_true_extent(MPI_Datatype datatype, MPI_Aint *true_lb, MPI_Aint *true_extent)
{
    (void)datatype;
    (void)true_lb;
    (void)true_extent;
    return mpr_api_unsupported("MPI_Type_get_true_extent");
}

#pragma weak MPI_Type_get_true_extent_x = PMPI_Type_get_true_extent_x
int PMPI_Type_get_true_extent_x(MPI_Datatype datatype, MPI_Count *true_lb, MPI_Count *true_extent)
{
    (void)datatype;
    (void)true_lb;
    (void)true_extent;
    return mpr_api_unsupported("MPI_Type_get_true_extent_x");
}

#pragma weak MPI_Type_get_envelope = PMPI_Type_get_envelope
int PMPI_Type_get_envelope(MPI_Datatype datatype, int *num_integers, int *num_addresses,
                           int *num_datatypes, int *combiner)
{
    (void)datatype;
    (void)num_integers;
    (void)num_addresses;
    (void)num_datatypes;
    (void)combiner;
    return mpr_api_unsupported("MPI_Type_get_envelope");
}

#pragma weak MPI_Type_get_contents = PMPI_Type_get_contents
int PMPI_Type_get_contents(MPI_Datatype datatype, int max_integers, int max_addresses,
                           int max_datatypes, int array_of_integers[],
                           MPI_Aint array_of_addresses[], MPI_Datatype array_of_datatypes[])
{
    (void)datatype;
    (void)max_integers;
    (void)max_addresses;
    (void)max_datatypes;
    (void)array_of_integers;
    (void)array_of_addresses;
    (void)array_of_datatypes;
    return mpr_api_unsupported("MPI_Type_get_contents");
}

#pragma weak MPI_Get_address = PMPI_Get_address
int PMPI_Get_address(const void *location, MPI_Aint *address)
{
    (void)location;
    (void)address;
    return mpr_api_unsupported("MPI_Get_address");
}

/* Address arithmetic in unsigned integers: wraps like the hardware, no signed overflow. */
#pragma weak MPI_Aint_add = PMPI_Aint_add
MPI_Aint PMPI_Aint_add(MPI_Aint base, MPI_Aint disp)
{
    return (MPI_Aint)((uintptr_t)base + (uintptr_t)disp);
}

#pragma weak MPI_Aint_diff = PMPI_Aint_diff
MPI_Aint PMPI_Aint_diff(MPI_Aint addr1, MPI_Aint addr2)
{
    return (MPI_Aint)((uintptr_t)addr1 - (uintptr_t)addr2);
}

/*
 * Elements in a status: for predefined types the same as MPI_Get_count (each is one basic
 * element); MPI_UNDEFINED for a partial element. Derived types will count their basic elements.
 */
static int elements(const char *fn, const MPI_Status *status, MPI_Datatype datatype,
                    MPI_Count *n)
{
    MPI_Count span;

    mpr_api_require_init(fn);
    if (status == MPI_STATUS_IGNORE) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "status: NULL pointer");
    }
    if (!mpr_datatype_ok(datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_TYPE, "datatype: not a valid datatype");
    }
    span = mpr_datatype_span(datatype);
    if (span == 0) {
        *n = 0;
    } else {
        *n = status->mpr_count % span ? MPI_UNDEFINED : status->mpr_count / span;
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Get_elements = PMPI_Get_elements
int PMPI_Get_elements(const MPI_Status *status, MPI_Datatype datatype, int *count)
{
    MPI_Count n;
    int rc;

    if (!count) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Get_elements", MPI_ERR_ARG,
                             "count: NULL pointer");
    }
    rc = elements("MPI_Get_elements", status, datatype, &n);
    if (rc == MPI_SUCCESS) {
        *count = n > INT_MAX ? MPI_UNDEFINED : (int)n;
    }
    return rc;
}

#pragma weak MPI_Get_elements_x = PMPI_Get_elements_x
int PMPI_Get_elements_x(const MPI_Status *status, MPI_Datatype datatype, MPI_Count *count)
{
    MPI_Count n;
    int rc;

    if (!count) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Get_elements_x", MPI_ERR_ARG,
                             "count: NULL pointer");
    }
    rc = elements("MPI_Get_elements_x", status, datatype, &n);
    if (rc == MPI_SUCCESS) {
        *count = n;
    }
    return rc;
}

#pragma weak MPI_Pack = PMPI_Pack
int PMPI_Pack(const void *inbuf, int incount, MPI_Datatype datatype, void *outbuf, int outsize,
              int *position, MPI_Comm comm)
{
    (void)inbuf;
    (void)incount;
    (void)datatype;
    (void)outbuf;
    (void)outsize;
    (void)position;
    (void)comm;
    return mpr_api_unsupported("MPI_Pack");
}

#pragma weak MPI_Unpack = PMPI_Unpack
int PMPI_Unpack(const void *inbuf, int insize, int *position, void *outbuf, int outcount,
                MPI_Datatype datatype, MPI_Comm comm)
{
    (void)inbuf;
    (void)insize;
    (void)position;
    (void)outbuf;
    (void)outcount;
    (void)datatype;
    (void)comm;
    return mpr_api_unsupported("MPI_Unpack");
}

#pragma weak MPI_Pack_size = PMPI_Pack_size
int PMPI_Pack_size(int incount, MPI_Datatype datatype, MPI_Comm comm, int *size)
{
    (void)incount;
    (void)datatype;
    (void)comm;
    (void)size;
    return mpr_api_unsupported("MPI_Pack_size");
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

#pragma weak MPI_Type_create_f90_real = PMPI_Type_create_f90_real
int PMPI_Type_create_f90_real(int p, int r, MPI_Datatype *newtype)
{
    (void)p;
    (void)r;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_f90_real");
}

#pragma weak MPI_Type_create_f90_complex = PMPI_Type_create_f90_complex
int PMPI_Type_create_f90_complex(int p, int r, MPI_Datatype *newtype)
{
    (void)p;
    (void)r;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_f90_complex");
}

#pragma weak MPI_Type_create_f90_integer = PMPI_Type_create_f90_integer
int PMPI_Type_create_f90_integer(int r, MPI_Datatype *newtype)
{
    (void)r;
    (void)newtype;
    return mpr_api_unsupported("MPI_Type_create_f90_integer");
}

#pragma weak MPI_Type_match_size = PMPI_Type_match_size
int PMPI_Type_match_size(int typeclass, int size, MPI_Datatype *datatype)
{
    (void)typeclass;
    (void)size;
    (void)datatype;
    return mpr_api_unsupported("MPI_Type_match_size");
}

#pragma weak MPI_Type_set_name = PMPI_Type_set_name
int PMPI_Type_set_name(MPI_Datatype datatype, const char *type_name)
{
    mpr_api_require_init("MPI_Type_set_name");
    if (!mpr_datatype_ok(datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_set_name", MPI_ERR_TYPE,
                             "datatype: not a valid datatype");
    }
    if (type_name == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_set_name", MPI_ERR_ARG,
                             "type_name: NULL pointer");
    }
    mpr_api_copy_name(datatype->name, type_name);
    return MPI_SUCCESS;
}

#pragma weak MPI_Type_get_name = PMPI_Type_get_name
int PMPI_Type_get_name(MPI_Datatype datatype, char *type_name, int *resultlen)
{
    mpr_api_require_init("MPI_Type_get_name");
    if (!mpr_datatype_ok(datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_get_name", MPI_ERR_TYPE,
                             "datatype: not a valid datatype");
    }
    if (type_name == NULL || resultlen == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Type_get_name", MPI_ERR_ARG,
                             "%s: NULL output pointer",
                             type_name == NULL ? "type_name" : "resultlen");
    }
    *resultlen = (int)mpr_api_copy_name(type_name, datatype->name);
    return MPI_SUCCESS;
}

#pragma weak MPI_Type_create_keyval = PMPI_Type_create_keyval
int PMPI_Type_create_keyval(MPI_Type_copy_attr_function *type_copy_attr_fn,
                            MPI_Type_delete_attr_function *type_delete_attr_fn, int *type_keyval,
                            void *extra_state)
{
    (void)type_copy_attr_fn;
    (void)type_delete_attr_fn;
    (void)type_keyval;
    (void)extra_state;
    return mpr_api_unsupported("MPI_Type_create_keyval");
}

#pragma weak MPI_Type_free_keyval = PMPI_Type_free_keyval
int PMPI_Type_free_keyval(int *type_keyval)
{
    (void)type_keyval;
    return mpr_api_unsupported("MPI_Type_free_keyval");
}

#pragma weak MPI_Type_set_attr = PMPI_Type_set_attr
int PMPI_Type_set_attr(MPI_Datatype datatype, int type_keyval, void *attribute_val)
{
    (void)datatype;
    (void)type_keyval;
    (void)attribute_val;
    return mpr_api_unsupported("MPI_Type_set_attr");
}

#pragma weak MPI_Type_get_attr = PMPI_Type_get_attr
int PMPI_Type_get_attr(MPI_Datatype datatype, int type_keyval, void *attribute_val, int *flag)
{
    (void)datatype;
    (void)type_keyval;
    (void)attribute_val;
    (void)flag;
    return mpr_api_unsupported("MPI_Type_get_attr");
}

#pragma weak MPI_Type_delete_attr = PMPI_Type_delete_attr
int PMPI_Type_delete_attr(MPI_Datatype datatype, int type_keyval)
{
    (void)datatype;
    (void)type_keyval;
    return mpr_api_unsupported("MPI_Type_delete_attr");
}
