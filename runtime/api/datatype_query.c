/*
 * Datatypes: the MPI entry points that ask about a type (size, bounds, how it was built) or
 * about data (addresses, basic elements received). Each checks its arguments, then reads the
 * type (datatype/datatype.h).
 */
#include "api/api.h"

#include "datatype/datatype.h"
#include "datatype/datatype_ops.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

static int check_type(const char *fn, MPI_Datatype t)
{
    if (mpr_datatype_ok(t)) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_TYPE, "datatype: %s",
                         t == MPI_DATATYPE_NULL ? "MPI_DATATYPE_NULL" : "not a datatype");
}

/* A type and two output pointers. */
static int check_query(const char *fn, MPI_Datatype t, const void *a, const char *an, const void *b,
                       const char *bn)
{
    int rc;

    mpr_api_require_init(fn);
    rc = check_type(fn, t);
    if (rc == MPI_SUCCESS && (a == NULL || b == NULL)) {
        rc = mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL output pointer",
                           a == NULL ? an : bn);
    }
    return rc;
}

#pragma weak MPI_Type_size = PMPI_Type_size
int PMPI_Type_size(MPI_Datatype datatype, int *size)
{
    int rc = check_query("MPI_Type_size", datatype, size, "size", size, "size");

    if (rc == MPI_SUCCESS) {
        *size = datatype->size > INT_MAX ? MPI_UNDEFINED : (int)datatype->size;
    }
    return rc;
}

#pragma weak MPI_Type_size_x = PMPI_Type_size_x
int PMPI_Type_size_x(MPI_Datatype datatype, MPI_Count *size)
{
    int rc = check_query("MPI_Type_size_x", datatype, size, "size", size, "size");

    if (rc == MPI_SUCCESS) {
        *size = datatype->size;
    }
    return rc;
}

#pragma weak MPI_Type_get_extent = PMPI_Type_get_extent
int PMPI_Type_get_extent(MPI_Datatype datatype, MPI_Aint *lb, MPI_Aint *extent)
{
    int rc = check_query("MPI_Type_get_extent", datatype, lb, "lb", extent, "extent");

    if (rc == MPI_SUCCESS) {
        *lb = datatype->lb;
        *extent = datatype->extent;
    }
    return rc;
}

#pragma weak MPI_Type_get_extent_x = PMPI_Type_get_extent_x
int PMPI_Type_get_extent_x(MPI_Datatype datatype, MPI_Count *lb, MPI_Count *extent)
{
    int rc = check_query("MPI_Type_get_extent_x", datatype, lb, "lb", extent, "extent");

    if (rc == MPI_SUCCESS) {
        *lb = datatype->lb;
        *extent = datatype->extent;
    }
    return rc;
}

#pragma weak MPI_Type_get_true_extent = PMPI_Type_get_true_extent
int PMPI_Type_get_true_extent(MPI_Datatype datatype, MPI_Aint *true_lb, MPI_Aint *true_extent)
{
    int rc = check_query("MPI_Type_get_true_extent", datatype, true_lb, "true_lb", true_extent,
                         "true_extent");

    if (rc == MPI_SUCCESS) {
        *true_lb = datatype->true_lb;
        *true_extent = datatype->true_extent;
    }
    return rc;
}

#pragma weak MPI_Type_get_true_extent_x = PMPI_Type_get_true_extent_x
int PMPI_Type_get_true_extent_x(MPI_Datatype datatype, MPI_Count *true_lb, MPI_Count *true_extent)
{
    int rc = check_query("MPI_Type_get_true_extent_x", datatype, true_lb, "true_lb", true_extent,
                         "true_extent");

    if (rc == MPI_SUCCESS) {
        *true_lb = datatype->true_lb;
        *true_extent = datatype->true_extent;
    }
    return rc;
}

/* Predefined types are MPI_COMBINER_NAMED with no arguments (MPI 3.1 4.1.13). */
#pragma weak MPI_Type_get_envelope = PMPI_Type_get_envelope
int PMPI_Type_get_envelope(MPI_Datatype datatype, int *num_integers, int *num_addresses,
                           int *num_datatypes, int *combiner)
{
    static const char fn[] = "MPI_Type_get_envelope";
    const struct mpr_dt_contents *c;
    int rc =
        check_query(fn, datatype, num_integers, "num_integers", num_addresses, "num_addresses");

    if (rc == MPI_SUCCESS && (num_datatypes == NULL || combiner == NULL)) {
        rc = mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL output pointer",
                           num_datatypes == NULL ? "num_datatypes" : "combiner");
    }
    if (rc == MPI_SUCCESS) {
        c = datatype->contents;
        *num_integers = c ? c->nints : 0;
        *num_addresses = c ? c->naddrs : 0;
        *num_datatypes = c ? c->ntypes : 0;
        *combiner = datatype->combiner;
    }
    return rc;
}

static int check_contents(const char *fn, MPI_Datatype t, int max_i, int max_a, int max_d,
                          const void *ints, const void *addrs, const void *types)
{
    const struct mpr_dt_contents *c;
    int rc = check_query(fn, t, t, "datatype", t, "datatype");

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    c = t->contents;
    if (!c) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_TYPE,
                             "datatype: %s is predefined (MPI_COMBINER_NAMED) and has no "
                             "contents",
                             t->name);
    }
    if (max_i < c->nints || max_a < c->naddrs || max_d < c->ntypes) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG,
                             "max_integers %d, max_addresses %d, max_datatypes %d: the type has "
                             "%d, %d and %d (see MPI_Type_get_envelope)",
                             max_i, max_a, max_d, c->nints, c->naddrs, c->ntypes);
    }
    if ((c->nints && !ints) || (c->naddrs && !addrs) || (c->ntypes && !types)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL pointer",
                             c->nints && !ints     ? "array_of_integers"
                             : c->naddrs && !addrs ? "array_of_addresses"
                                                   : "array_of_datatypes");
    }
    return MPI_SUCCESS;
}

/*
 * The derived types returned are the very ones the type was built from, each with one more
 * reference: the caller frees them with MPI_Type_free as the standard asks.
 */
#pragma weak MPI_Type_get_contents = PMPI_Type_get_contents
int PMPI_Type_get_contents(MPI_Datatype datatype, int max_integers, int max_addresses,
                           int max_datatypes, int array_of_integers[],
                           MPI_Aint array_of_addresses[], MPI_Datatype array_of_datatypes[])
{
    const struct mpr_dt_contents *c;
    int rc =
        check_contents("MPI_Type_get_contents", datatype, max_integers, max_addresses,
                       max_datatypes, array_of_integers, array_of_addresses, array_of_datatypes);

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    c = datatype->contents;
    if (c->nints) {
        memcpy(array_of_integers, c->ints, (size_t)c->nints * sizeof(int));
    }
    if (c->naddrs) {
        memcpy(array_of_addresses, c->addrs, (size_t)c->naddrs * sizeof(MPI_Aint));
    }
    for (int i = 0; i < c->ntypes; i++) {
        mpr_type_retain(c->types[i]);
        array_of_datatypes[i] = c->types[i];
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Get_address = PMPI_Get_address
int PMPI_Get_address(const void *location, MPI_Aint *address)
{
    mpr_api_require_init("MPI_Get_address");
    if (address == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Get_address", MPI_ERR_ARG,
                             "address: NULL pointer");
    }
    *address = (MPI_Aint)(uintptr_t)location;
    return MPI_SUCCESS;
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
 * Basic elements in a status: the received bytes walked through the type, partial elements of
 * the type included; MPI_UNDEFINED when they end inside a basic element.
 */
static int elements(const char *fn, const MPI_Status *status, MPI_Datatype datatype,
                    const void *count, MPI_Count *n)
{
    int rc;

    mpr_api_require_init(fn);
    if (status == MPI_STATUS_IGNORE || count == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL pointer",
                             count == NULL ? "count" : "status");
    }
    rc = check_type(fn, datatype);
    if (rc == MPI_SUCCESS) {
        *n = mpr_type_elements(datatype, status->mpr_count);
    }
    return rc;
}

#pragma weak MPI_Get_elements = PMPI_Get_elements
int PMPI_Get_elements(const MPI_Status *status, MPI_Datatype datatype, int *count)
{
    MPI_Count n;
    int rc = elements("MPI_Get_elements", status, datatype, count, &n);

    if (rc == MPI_SUCCESS) {
        *count = n < 0 || n > INT_MAX ? MPI_UNDEFINED : (int)n;
    }
    return rc;
}

#pragma weak MPI_Get_elements_x = PMPI_Get_elements_x
int PMPI_Get_elements_x(const MPI_Status *status, MPI_Datatype datatype, MPI_Count *count)
{
    MPI_Count n;
    int rc = elements("MPI_Get_elements_x", status, datatype, count, &n);

    if (rc == MPI_SUCCESS) {
        *count = n < 0 ? MPI_UNDEFINED : n;
    }
    return rc;
}
