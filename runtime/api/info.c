/*
 * Info objects: the MPI entry points.
 * Each checks its arguments, then calls the layer below; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#pragma weak MPI_Info_create = PMPI_Info_create
int PMPI_Info_create(MPI_Info *info)
{
    (void)info;
    return mpr_api_unsupported("MPI_Info_create");
}

#pragma weak MPI_Info_set = PMPI_Info_set
int PMPI_Info_set(MPI_Info info, const char *key, const char *value)
{
    (void)info;
    (void)key;
    (void)value;
    return mpr_api_unsupported("MPI_Info_set");
}

#pragma weak MPI_Info_delete = PMPI_Info_delete
int PMPI_Info_delete(MPI_Info info, const char *key)
{
    (void)info;
    (void)key;
    return mpr_api_unsupported("MPI_Info_delete");
}

#pragma weak MPI_Info_get = PMPI_Info_get
int PMPI_Info_get(MPI_Info info, const char *key, int valuelen, char *value, int *flag)
{
    (void)info;
    (void)key;
    (void)valuelen;
    (void)value;
    (void)flag;
    return mpr_api_unsupported("MPI_Info_get");
}

#pragma weak MPI_Info_get_valuelen = PMPI_Info_get_valuelen
int PMPI_Info_get_valuelen(MPI_Info info, const char *key, int *valuelen, int *flag)
{
    (void)info;
    (void)key;
    (void)valuelen;
    (void)flag;
    return mpr_api_unsupported("MPI_Info_get_valuelen");
}

#pragma weak MPI_Info_get_nkeys = PMPI_Info_get_nkeys
int PMPI_Info_get_nkeys(MPI_Info info, int *nkeys)
{
    (void)info;
    (void)nkeys;
    return mpr_api_unsupported("MPI_Info_get_nkeys");
}

#pragma weak MPI_Info_get_nthkey = PMPI_Info_get_nthkey
int PMPI_Info_get_nthkey(MPI_Info info, int n, char *key)
{
    (void)info;
    (void)n;
    (void)key;
    return mpr_api_unsupported("MPI_Info_get_nthkey");
}

#pragma weak MPI_Info_dup = PMPI_Info_dup
int PMPI_Info_dup(MPI_Info info, MPI_Info *newinfo)
{
    (void)info;
    (void)newinfo;
    return mpr_api_unsupported("MPI_Info_dup");
}

#pragma weak MPI_Info_free = PMPI_Info_free
int PMPI_Info_free(MPI_Info *info)
{
    (void)info;
    return mpr_api_unsupported("MPI_Info_free");
}
