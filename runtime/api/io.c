/*
 * MPI-IO: the MPI entry points.
 * Each checks its arguments, then calls the layer below; functions not implemented yet return
 * MPI_ERR_UNSUPPORTED_OPERATION (see docs/api-coverage.md).
 */
#include "api/api.h"

#pragma weak MPI_File_open = PMPI_File_open
int PMPI_File_open(MPI_Comm comm, const char *filename, int amode, MPI_Info info, MPI_File *fh)
{
    (void)comm;
    (void)filename;
    (void)amode;
    (void)info;
    (void)fh;
    return mpr_api_unsupported("MPI_File_open");
}

#pragma weak MPI_File_close = PMPI_File_close
int PMPI_File_close(MPI_File *fh)
{
    (void)fh;
    return mpr_api_unsupported("MPI_File_close");
}

#pragma weak MPI_File_delete = PMPI_File_delete
int PMPI_File_delete(const char *filename, MPI_Info info)
{
    (void)filename;
    (void)info;
    return mpr_api_unsupported("MPI_File_delete");
}

#pragma weak MPI_File_set_size = PMPI_File_set_size
int PMPI_File_set_size(MPI_File fh, MPI_Offset size)
{
    (void)fh;
    (void)size;
    return mpr_api_unsupported("MPI_File_set_size");
}

#pragma weak MPI_File_preallocate = PMPI_File_preallocate
int PMPI_File_preallocate(MPI_File fh, MPI_Offset size)
{
    (void)fh;
    (void)size;
    return mpr_api_unsupported("MPI_File_preallocate");
}

#pragma weak MPI_File_get_size = PMPI_File_get_size
int PMPI_File_get_size(MPI_File fh, MPI_Offset *size)
{
    (void)fh;
    (void)size;
    return mpr_api_unsupported("MPI_File_get_size");
}

#pragma weak MPI_File_get_group = PMPI_File_get_group
int PMPI_File_get_group(MPI_File fh, MPI_Group *group)
{
    (void)fh;
    (void)group;
    return mpr_api_unsupported("MPI_File_get_group");
}

#pragma weak MPI_File_get_amode = PMPI_File_get_amode
int PMPI_File_get_amode(MPI_File fh, int *amode)
{
    (void)fh;
    (void)amode;
    return mpr_api_unsupported("MPI_File_get_amode");
}

#pragma weak MPI_File_set_info = PMPI_File_set_info
int PMPI_File_set_info(MPI_File fh, MPI_Info info)
{
    (void)fh;
    (void)info;
    return mpr_api_unsupported("MPI_File_set_info");
}

#pragma weak MPI_File_get_info = PMPI_File_get_info
int PMPI_File_get_info(MPI_File fh, MPI_Info *info_used)
{
    (void)fh;
    (void)info_used;
    return mpr_api_unsupported("MPI_File_get_info");
}

#pragma weak MPI_File_set_view = PMPI_File_set_view
int PMPI_File_set_view(MPI_File fh, MPI_Offset disp, MPI_Datatype etype, MPI_Datatype filetype,
                       const char *datarep, MPI_Info info)
{
    (void)fh;
    (void)disp;
    (void)etype;
    (void)filetype;
    (void)datarep;
    (void)info;
    return mpr_api_unsupported("MPI_File_set_view");
}

#pragma weak MPI_File_get_view = PMPI_File_get_view
int PMPI_File_get_view(MPI_File fh, MPI_Offset *disp, MPI_Datatype *etype, MPI_Datatype *filetype,
                       char *datarep)
{
    (void)fh;
    (void)disp;
    (void)etype;
    (void)filetype;
    (void)datarep;
    return mpr_api_unsupported("MPI_File_get_view");
}

#pragma weak MPI_File_read_at = PMPI_File_read_at
int PMPI_File_read_at(MPI_File fh, MPI_Offset offset, void *buf, int count, MPI_Datatype datatype,
                      MPI_Status *status)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_read_at");
}

#pragma weak MPI_File_read_at_all = PMPI_File_read_at_all
int PMPI_File_read_at_all(MPI_File fh, MPI_Offset offset, void *buf, int count,
                          MPI_Datatype datatype, MPI_Status *status)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_read_at_all");
}

#pragma weak MPI_File_write_at = PMPI_File_write_at
int PMPI_File_write_at(MPI_File fh, MPI_Offset offset, const void *buf, int count,
                       MPI_Datatype datatype, MPI_Status *status)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_write_at");
}

#pragma weak MPI_File_write_at_all = PMPI_File_write_at_all
int PMPI_File_write_at_all(MPI_File fh, MPI_Offset offset, const void *buf, int count,
                           MPI_Datatype datatype, MPI_Status *status)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_write_at_all");
}

#pragma weak MPI_File_iread_at = PMPI_File_iread_at
int PMPI_File_iread_at(MPI_File fh, MPI_Offset offset, void *buf, int count, MPI_Datatype datatype,
                       MPI_Request *request)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iread_at");
}

#pragma weak MPI_File_iwrite_at = PMPI_File_iwrite_at
int PMPI_File_iwrite_at(MPI_File fh, MPI_Offset offset, const void *buf, int count,
                        MPI_Datatype datatype, MPI_Request *request)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iwrite_at");
}

#pragma weak MPI_File_iread_at_all = PMPI_File_iread_at_all
int PMPI_File_iread_at_all(MPI_File fh, MPI_Offset offset, void *buf, int count,
                           MPI_Datatype datatype, MPI_Request *request)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iread_at_all");
}

#pragma weak MPI_File_iwrite_at_all = PMPI_File_iwrite_at_all
int PMPI_File_iwrite_at_all(MPI_File fh, MPI_Offset offset, const void *buf, int count,
                            MPI_Datatype datatype, MPI_Request *request)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iwrite_at_all");
}

#pragma weak MPI_File_read = PMPI_File_read
int PMPI_File_read(MPI_File fh, void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_read");
}

#pragma weak MPI_File_read_all = PMPI_File_read_all
int PMPI_File_read_all(MPI_File fh, void *buf, int count, MPI_Datatype datatype, MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_read_all");
}

#pragma weak MPI_File_write = PMPI_File_write
int PMPI_File_write(MPI_File fh, const void *buf, int count, MPI_Datatype datatype,
                    MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_write");
}

#pragma weak MPI_File_write_all = PMPI_File_write_all
int PMPI_File_write_all(MPI_File fh, const void *buf, int count, MPI_Datatype datatype,
                        MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_write_all");
}

#pragma weak MPI_File_iread = PMPI_File_iread
int PMPI_File_iread(MPI_File fh, void *buf, int count, MPI_Datatype datatype, MPI_Request *request)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iread");
}

#pragma weak MPI_File_iwrite = PMPI_File_iwrite
int PMPI_File_iwrite(MPI_File fh, const void *buf, int count, MPI_Datatype datatype,
                     MPI_Request *request)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iwrite");
}

#pragma weak MPI_File_iread_all = PMPI_File_iread_all
int PMPI_File_iread_all(MPI_File fh, void *buf, int count, MPI_Datatype datatype,
                        MPI_Request *request)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iread_all");
}

#pragma weak MPI_File_iwrite_all = PMPI_File_iwrite_all
int PMPI_File_iwrite_all(MPI_File fh, const void *buf, int count, MPI_Datatype datatype,
                         MPI_Request *request)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iwrite_all");
}

#pragma weak MPI_File_seek = PMPI_File_seek
int PMPI_File_seek(MPI_File fh, MPI_Offset offset, int whence)
{
    (void)fh;
    (void)offset;
    (void)whence;
    return mpr_api_unsupported("MPI_File_seek");
}

#pragma weak MPI_File_get_position = PMPI_File_get_position
int PMPI_File_get_position(MPI_File fh, MPI_Offset *offset)
{
    (void)fh;
    (void)offset;
    return mpr_api_unsupported("MPI_File_get_position");
}

#pragma weak MPI_File_get_byte_offset = PMPI_File_get_byte_offset
int PMPI_File_get_byte_offset(MPI_File fh, MPI_Offset offset, MPI_Offset *disp)
{
    (void)fh;
    (void)offset;
    (void)disp;
    return mpr_api_unsupported("MPI_File_get_byte_offset");
}

#pragma weak MPI_File_read_shared = PMPI_File_read_shared
int PMPI_File_read_shared(MPI_File fh, void *buf, int count, MPI_Datatype datatype,
                          MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_read_shared");
}

#pragma weak MPI_File_write_shared = PMPI_File_write_shared
int PMPI_File_write_shared(MPI_File fh, const void *buf, int count, MPI_Datatype datatype,
                           MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_write_shared");
}

#pragma weak MPI_File_iread_shared = PMPI_File_iread_shared
int PMPI_File_iread_shared(MPI_File fh, void *buf, int count, MPI_Datatype datatype,
                           MPI_Request *request)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iread_shared");
}

#pragma weak MPI_File_iwrite_shared = PMPI_File_iwrite_shared
int PMPI_File_iwrite_shared(MPI_File fh, const void *buf, int count, MPI_Datatype datatype,
                            MPI_Request *request)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)request;
    return mpr_api_unsupported("MPI_File_iwrite_shared");
}

#pragma weak MPI_File_read_ordered = PMPI_File_read_ordered
int PMPI_File_read_ordered(MPI_File fh, void *buf, int count, MPI_Datatype datatype,
                           MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_read_ordered");
}

#pragma weak MPI_File_write_ordered = PMPI_File_write_ordered
int PMPI_File_write_ordered(MPI_File fh, const void *buf, int count, MPI_Datatype datatype,
                            MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    (void)status;
    return mpr_api_unsupported("MPI_File_write_ordered");
}

#pragma weak MPI_File_seek_shared = PMPI_File_seek_shared
int PMPI_File_seek_shared(MPI_File fh, MPI_Offset offset, int whence)
{
    (void)fh;
    (void)offset;
    (void)whence;
    return mpr_api_unsupported("MPI_File_seek_shared");
}

#pragma weak MPI_File_get_position_shared = PMPI_File_get_position_shared
int PMPI_File_get_position_shared(MPI_File fh, MPI_Offset *offset)
{
    (void)fh;
    (void)offset;
    return mpr_api_unsupported("MPI_File_get_position_shared");
}

#pragma weak MPI_File_read_at_all_begin = PMPI_File_read_at_all_begin
int PMPI_File_read_at_all_begin(MPI_File fh, MPI_Offset offset, void *buf, int count,
                                MPI_Datatype datatype)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    return mpr_api_unsupported("MPI_File_read_at_all_begin");
}

#pragma weak MPI_File_read_at_all_end = PMPI_File_read_at_all_end
int PMPI_File_read_at_all_end(MPI_File fh, void *buf, MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)status;
    return mpr_api_unsupported("MPI_File_read_at_all_end");
}

#pragma weak MPI_File_write_at_all_begin = PMPI_File_write_at_all_begin
int PMPI_File_write_at_all_begin(MPI_File fh, MPI_Offset offset, const void *buf, int count,
                                 MPI_Datatype datatype)
{
    (void)fh;
    (void)offset;
    (void)buf;
    (void)count;
    (void)datatype;
    return mpr_api_unsupported("MPI_File_write_at_all_begin");
}

#pragma weak MPI_File_write_at_all_end = PMPI_File_write_at_all_end
int PMPI_File_write_at_all_end(MPI_File fh, const void *buf, MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)status;
    return mpr_api_unsupported("MPI_File_write_at_all_end");
}

#pragma weak MPI_File_read_all_begin = PMPI_File_read_all_begin
int PMPI_File_read_all_begin(MPI_File fh, void *buf, int count, MPI_Datatype datatype)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    return mpr_api_unsupported("MPI_File_read_all_begin");
}

#pragma weak MPI_File_read_all_end = PMPI_File_read_all_end
int PMPI_File_read_all_end(MPI_File fh, void *buf, MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)status;
    return mpr_api_unsupported("MPI_File_read_all_end");
}

#pragma weak MPI_File_write_all_begin = PMPI_File_write_all_begin
int PMPI_File_write_all_begin(MPI_File fh, const void *buf, int count, MPI_Datatype datatype)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    return mpr_api_unsupported("MPI_File_write_all_begin");
}

#pragma weak MPI_File_write_all_end = PMPI_File_write_all_end
int PMPI_File_write_all_end(MPI_File fh, const void *buf, MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)status;
    return mpr_api_unsupported("MPI_File_write_all_end");
}

#pragma weak MPI_File_read_ordered_begin = PMPI_File_read_ordered_begin
int PMPI_File_read_ordered_begin(MPI_File fh, void *buf, int count, MPI_Datatype datatype)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    return mpr_api_unsupported("MPI_File_read_ordered_begin");
}

#pragma weak MPI_File_read_ordered_end = PMPI_File_read_ordered_end
int PMPI_File_read_ordered_end(MPI_File fh, void *buf, MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)status;
    return mpr_api_unsupported("MPI_File_read_ordered_end");
}

#pragma weak MPI_File_write_ordered_begin = PMPI_File_write_ordered_begin
int PMPI_File_write_ordered_begin(MPI_File fh, const void *buf, int count, MPI_Datatype datatype)
{
    (void)fh;
    (void)buf;
    (void)count;
    (void)datatype;
    return mpr_api_unsupported("MPI_File_write_ordered_begin");
}

#pragma weak MPI_File_write_ordered_end = PMPI_File_write_ordered_end
int PMPI_File_write_ordered_end(MPI_File fh, const void *buf, MPI_Status *status)
{
    (void)fh;
    (void)buf;
    (void)status;
    return mpr_api_unsupported("MPI_File_write_ordered_end");
}

#pragma weak MPI_File_get_type_extent = PMPI_File_get_type_extent
int PMPI_File_get_type_extent(MPI_File fh, MPI_Datatype datatype, MPI_Aint *extent)
{
    (void)fh;
    (void)datatype;
    (void)extent;
    return mpr_api_unsupported("MPI_File_get_type_extent");
}

#pragma weak MPI_Register_datarep = PMPI_Register_datarep
int PMPI_Register_datarep(const char *datarep, MPI_Datarep_conversion_function *read_conversion_fn,
                          MPI_Datarep_conversion_function *write_conversion_fn,
                          MPI_Datarep_extent_function *dtype_file_extent_fn, void *extra_state)
{
    (void)datarep;
    (void)read_conversion_fn;
    (void)write_conversion_fn;
    (void)dtype_file_extent_fn;
    (void)extra_state;
    return mpr_api_unsupported("MPI_Register_datarep");
}

#pragma weak MPI_File_set_atomicity = PMPI_File_set_atomicity
int PMPI_File_set_atomicity(MPI_File fh, int flag)
{
    (void)fh;
    (void)flag;
    return mpr_api_unsupported("MPI_File_set_atomicity");
}

#pragma weak MPI_File_get_atomicity = PMPI_File_get_atomicity
int PMPI_File_get_atomicity(MPI_File fh, int *flag)
{
    (void)fh;
    (void)flag;
    return mpr_api_unsupported("MPI_File_get_atomicity");
}

#pragma weak MPI_File_sync = PMPI_File_sync
int PMPI_File_sync(MPI_File fh)
{
    (void)fh;
    return mpr_api_unsupported("MPI_File_sync");
}
