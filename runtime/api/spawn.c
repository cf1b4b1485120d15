/*
 * Process creation and management: the MPI entry points.
 * Each checks its arguments, then calls the layer below; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#pragma weak MPI_Comm_spawn = PMPI_Comm_spawn
int PMPI_Comm_spawn(const char *command, char *argv[], int maxprocs, MPI_Info info, int root,
                    MPI_Comm comm, MPI_Comm *intercomm, int array_of_errcodes[])
{
    (void)command;
    (void)argv;
    (void)maxprocs;
    (void)info;
    (void)root;
    (void)comm;
    (void)intercomm;
    (void)array_of_errcodes;
    return mpr_api_unsupported("MPI_Comm_spawn");
}

#pragma weak MPI_Comm_spawn_multiple = PMPI_Comm_spawn_multiple
int PMPI_Comm_spawn_multiple(int count, char *array_of_commands[], char **array_of_argv[],
                             const int array_of_maxprocs[], const MPI_Info array_of_info[],
                             int root, MPI_Comm comm, MPI_Comm *intercomm, int array_of_errcodes[])
{
    (void)count;
    (void)array_of_commands;
    (void)array_of_argv;
    (void)array_of_maxprocs;
    (void)array_of_info;
    (void)root;
    (void)comm;
    (void)intercomm;
    (void)array_of_errcodes;
    return mpr_api_unsupported("MPI_Comm_spawn_multiple");
}

#pragma weak MPI_Comm_get_parent = PMPI_Comm_get_parent
int PMPI_Comm_get_parent(MPI_Comm *parent)
{
    (void)parent;
    return mpr_api_unsupported("MPI_Comm_get_parent");
}

#pragma weak MPI_Open_port = PMPI_Open_port
int PMPI_Open_port(MPI_Info info, char *port_name)
{
    (void)info;
    (void)port_name;
    return mpr_api_unsupported("MPI_Open_port");
}

#pragma weak MPI_Close_port = PMPI_Close_port
int PMPI_Close_port(const char *port_name)
{
    (void)port_name;
    return mpr_api_unsupported("MPI_Close_port");
}

#pragma weak MPI_Comm_accept = PMPI_Comm_accept
int PMPI_Comm_accept(const char *port_name, MPI_Info info, int root, MPI_Comm comm,
                     MPI_Comm *newcomm)
{
    (void)port_name;
    (void)info;
    (void)root;
    (void)comm;
    (void)newcomm;
    return mpr_api_unsupported("MPI_Comm_accept");
}

#pragma weak MPI_Comm_connect = PMPI_Comm_connect
int PMPI_Comm_connect(const char *port_name, MPI_Info info, int root, MPI_Comm comm,
                      MPI_Comm *newcomm)
{
    (void)port_name;
    (void)info;
    (void)root;
    (void)comm;
    (void)newcomm;
    return mpr_api_unsupported("MPI_Comm_connect");
}

#pragma weak MPI_Publish_name = PMPI_Publish_name
int PMPI_Publish_name(const char *service_name, MPI_Info info, const char *port_name)
{
    (void)service_name;
    (void)info;
    (void)port_name;
    return mpr_api_unsupported("MPI_Publish_name");
}

#pragma weak MPI_Unpublish_name = PMPI_Unpublish_name
int PMPI_Unpublish_name(const char *service_name, MPI_Info info, const char *port_name)
{
    (void)service_name;
    (void)info;
    (void)port_name;
    return mpr_api_unsupported("MPI_Unpublish_name");
}

#pragma weak MPI_Lookup_name = PMPI_Lookup_name
int PMPI_Lookup_name(const char *service_name, MPI_Info info, char *port_name)
{
    (void)service_name;
    (void)info;
    (void)port_name;
    return mpr_api_unsupported("MPI_Lookup_name");
}

#pragma weak MPI_Comm_disconnect = PMPI_Comm_disconnect
int PMPI_Comm_disconnect(MPI_Comm *comm)
{
    (void)comm;
    return mpr_api_unsupported("MPI_Comm_disconnect");
}

#pragma weak MPI_Comm_join = PMPI_Comm_join
int PMPI_Comm_join(int fd, MPI_Comm *intercomm)
{
    (void)fd;
    (void)intercomm;
    return mpr_api_unsupported("MPI_Comm_join");
}
