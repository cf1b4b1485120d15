/*
 * Datatypes: the MPI entry points that make, commit, free and name types.
 * Each checks its arguments, then calls the constructors of runtime/datatype/ (datatype_ops.h);
 * queries are in datatype_query.c, packing in datatype_pack.c. Functions not implemented yet
 * return MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#include "api/api_name.h"
#include "core/errcode.h"
#include "datatype/datatype.h"
#include "datatype/datatype_ops.h"

#include <stdio.h>

/* ---- argument checks: MPI_SUCCESS, or what mpr_api_error returned ---- */

static int check_count(const char *fn, int count)
{
    if (count >= 0) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COUNT, "count: %d is negative", count);
}

static int check_type(const char *fn, MPI_Datatype t, const char *what)
{
    if (mpr_datatype_ok(t)) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_TYPE, "%s: %s", what,
                         t == MPI_DATATYPE_NULL ? "MPI_DATATYPE_NULL" : "not a datatype");
}

static int check_ptr(const char *fn, const void *p, const char *what)
{
    if (p != NULL) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL pointer", what);
}

/* count, oldtype and newtype, the arguments every constructor has. */
static int check_common(const char *fn, int count, MPI_Datatype old, MPI_Datatype *newtype)
{
    int rc = check_count(fn, count);

    if (rc == MPI_SUCCESS) {
        rc = check_type(fn, old, "oldtype");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, newtype, "newtype");
    }
    return rc;
}

static int check_blocklength(const char *fn, const char *what, int index, int bl)
{
    if (bl >= 0) {
        return MPI_SUCCESS;
    }
    if (index < 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: %d is negative", what, bl);
    }
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s[%d]: %d is negative", what, index,
                         bl);
}

/*
 * The arrays of an indexed or struct constructor: non-NULL when count > 0, lengths >= 0. The
 * _block forms have no array of lengths (with_bls 0).
 */
static int check_blocks(const char *fn, int count, const int *bls, int with_bls, const void *displs)
{
    int rc = MPI_SUCCESS;

    if (count > 0 && with_bls) {
        rc = check_ptr(fn, bls, "array_of_blocklengths");
    }
    if (rc == MPI_SUCCESS && count > 0) {
        rc = check_ptr(fn, displs, "array_of_displacements");
    }
    for (int i = 0; rc == MPI_SUCCESS && bls && i < count; i++) {
        rc = check_blocklength(fn, "array_of_blocklengths", i, bls[i]);
    }
    return rc;
}

/* The result of a constructor call. */
static int made(const char *fn, int rc)
{
    if (rc == 0) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_NO_MEM, "out of memory");
}

/* ---- constructors ---- */

#pragma weak MPI_Type_contiguous = PMPI_Type_contiguous
int PMPI_Type_contiguous(int count, MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_contiguous";
    int rc;

    mpr_api_require_init(fn);
    rc = check_common(fn, count, oldtype, newtype);
    return rc != MPI_SUCCESS ? rc : made(fn, mpr_type_contiguous(count, oldtype, newtype));
}

#pragma weak MPI_Type_vector = PMPI_Type_vector
int PMPI_Type_vector(int count, int blocklength, int stride, MPI_Datatype oldtype,
                     MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_vector";
    int rc;

    mpr_api_require_init(fn);
    rc = check_common(fn, count, oldtype, newtype);
    if (rc == MPI_SUCCESS) {
        rc = check_blocklength(fn, "blocklength", -1, blocklength);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return made(fn, mpr_type_vector(count, blocklength, stride, oldtype, newtype));
}

#pragma weak MPI_Type_create_hvector = PMPI_Type_create_hvector
int PMPI_Type_create_hvector(int count, int blocklength, MPI_Aint stride, MPI_Datatype oldtype,
                             MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_create_hvector";
    int rc;

    mpr_api_require_init(fn);
    rc = check_common(fn, count, oldtype, newtype);
    if (rc == MPI_SUCCESS) {
        rc = check_blocklength(fn, "blocklength", -1, blocklength);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return made(fn, mpr_type_hvector(count, blocklength, stride, oldtype, newtype));
}

#pragma weak MPI_Type_indexed = PMPI_Type_indexed
int PMPI_Type_indexed(int count, const int array_of_blocklengths[],
                      const int array_of_displacements[], MPI_Datatype oldtype,
                      MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_indexed";
    int rc;

    mpr_api_require_init(fn);
    rc = check_common(fn, count, oldtype, newtype);
    if (rc == MPI_SUCCESS) {
        rc = check_blocks(fn, count, array_of_blocklengths, 1, array_of_displacements);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return made(fn, mpr_type_indexed(count, array_of_blocklengths, array_of_displacements, oldtype,
                                     newtype));
}

#pragma weak MPI_Type_create_hindexed = PMPI_Type_create_hindexed
int PMPI_Type_create_hindexed(int count, const int array_of_blocklengths[],
                              const MPI_Aint array_of_displacements[], MPI_Datatype oldtype,
                              MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_create_hindexed";
    int rc;

    mpr_api_require_init(fn);
    rc = check_common(fn, count, oldtype, newtype);
    if (rc == MPI_SUCCESS) {
        rc = check_blocks(fn, count, array_of_blocklengths, 1, array_of_displacements);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return made(fn, mpr_type_hindexed(count, array_of_blocklengths, array_of_displacements, oldtype,
                                      newtype));
}

#pragma weak MPI_Type_create_indexed_block = PMPI_Type_create_indexed_block
int PMPI_Type_create_indexed_block(int count, int blocklength, const int array_of_displacements[],
                                   MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_create_indexed_block";
    int rc;

    mpr_api_require_init(fn);
    rc = check_common(fn, count, oldtype, newtype);
    if (rc == MPI_SUCCESS) {
        rc = check_blocklength(fn, "blocklength", -1, blocklength);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_blocks(fn, count, NULL, 0, array_of_displacements);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return made(
        fn, mpr_type_indexed_block(count, blocklength, array_of_displacements, oldtype, newtype));
}

#pragma weak MPI_Type_create_hindexed_block = PMPI_Type_create_hindexed_block
int PMPI_Type_create_hindexed_block(int count, int blocklength,
                                    const MPI_Aint array_of_displacements[], MPI_Datatype oldtype,
                                    MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_create_hindexed_block";
    int rc;

    mpr_api_require_init(fn);
    rc = check_common(fn, count, oldtype, newtype);
    if (rc == MPI_SUCCESS) {
        rc = check_blocklength(fn, "blocklength", -1, blocklength);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_blocks(fn, count, NULL, 0, array_of_displacements);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return made(
        fn, mpr_type_hindexed_block(count, blocklength, array_of_displacements, oldtype, newtype));
}

#pragma weak MPI_Type_create_struct = PMPI_Type_create_struct
int PMPI_Type_create_struct(int count, const int array_of_blocklengths[],
                            const MPI_Aint array_of_displacements[],
                            const MPI_Datatype array_of_types[], MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_create_struct";
    char what[48];
    int rc;

    mpr_api_require_init(fn);
    rc = check_count(fn, count);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(fn, newtype, "newtype");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_blocks(fn, count, array_of_blocklengths, 1, array_of_displacements);
    }
    if (rc == MPI_SUCCESS && count > 0) {
        rc = check_ptr(fn, array_of_types, "array_of_types");
    }
    for (int i = 0; rc == MPI_SUCCESS && i < count; i++) {
        snprintf(what, sizeof(what), "array_of_types[%d]", i);
        rc = check_type(fn, array_of_types[i], what);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return made(fn, mpr_type_struct(count, array_of_blocklengths, array_of_displacements,
                                    array_of_types, newtype));
}

/* One dimension of a subarray: size >= 1, subsize in 1..size, start in 0..size - subsize. */
static int check_dim(const char *fn, int d, int size, int sub, int start)
{
    if (size < 1) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                             "array_of_sizes[%d]: %d is not positive", d, size);
    }
    if (sub < 1 || sub > size) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                             "array_of_subsizes[%d]: %d is outside 1..%d (array_of_sizes[%d])", d,
                             sub, size, d);
    }
    if (start < 0 || start > size - sub) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                             "array_of_starts[%d]: %d is outside 0..%d (the subarray must fit in "
                             "the array)",
                             d, start, size - sub);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Type_create_subarray = PMPI_Type_create_subarray
int PMPI_Type_create_subarray(int ndims, const int array_of_sizes[], const int array_of_subsizes[],
                              const int array_of_starts[], int order, MPI_Datatype oldtype,
                              MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_create_subarray";
    int rc;

    mpr_api_require_init(fn);
    if (ndims < 1) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "ndims: %d is not positive", ndims);
    }
    rc = check_common(fn, 0, oldtype, newtype);
    if (rc == MPI_SUCCESS && (!array_of_sizes || !array_of_subsizes || !array_of_starts)) {
        rc = mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL pointer",
                           !array_of_sizes      ? "array_of_sizes"
                           : !array_of_subsizes ? "array_of_subsizes"
                                                : "array_of_starts");
    }
    for (int d = 0; rc == MPI_SUCCESS && d < ndims; d++) {
        rc = check_dim(fn, d, array_of_sizes[d], array_of_subsizes[d], array_of_starts[d]);
    }
    if (rc == MPI_SUCCESS && order != MPI_ORDER_C && order != MPI_ORDER_FORTRAN) {
        rc = mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                           "order: %d is neither MPI_ORDER_C nor MPI_ORDER_FORTRAN", order);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return made(fn, mpr_type_subarray(ndims, array_of_sizes, array_of_subsizes, array_of_starts,
                                      order, oldtype, newtype));
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
    static const char fn[] = "MPI_Type_create_resized";
    int rc;

    mpr_api_require_init(fn);
    rc = check_common(fn, 0, oldtype, newtype);
    return rc != MPI_SUCCESS ? rc : made(fn, mpr_type_resized(oldtype, lb, extent, newtype));
}

#pragma weak MPI_Type_dup = PMPI_Type_dup
int PMPI_Type_dup(MPI_Datatype oldtype, MPI_Datatype *newtype)
{
    static const char fn[] = "MPI_Type_dup";
    int rc;

    mpr_api_require_init(fn);
    rc = check_common(fn, 0, oldtype, newtype);
    return rc != MPI_SUCCESS ? rc : made(fn, mpr_type_dup(oldtype, newtype));
}

/* ---- commit and free ---- */

/* The flat (the pack program) is built with the type, so committing only allows its use. */
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

/*
 * The handle becomes MPI_DATATYPE_NULL; the type itself lives on while types built on it or
 * pending operations hold references.
 */
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
