/*
 * The predefined attribute callbacks of mpi.h (MPI_COMM_NULL_COPY_FN, MPI_COMM_DUP_FN, ...).
 * Users pass them to the keyval constructors and may call them directly, so they are real
 * functions. A copy callback sets *flag to say whether the new object gets the attribute.
 */
#include <mpi.h>

static int null_copy(void *attribute_val_out, int *flag)
{
    (void)attribute_val_out;
    *flag = 0;
    return MPI_SUCCESS;
}

/* attribute_val_out is really a void **: the new object's attribute slot. */
static int dup_copy(void *attribute_val_in, void *attribute_val_out, int *flag)
{
    *(void **)attribute_val_out = attribute_val_in;
    *flag = 1;
    return MPI_SUCCESS;
}

int mpr_mpi_comm_null_copy_fn(MPI_Comm oldcomm, int comm_keyval, void *extra_state,
                              void *attribute_val_in, void *attribute_val_out, int *flag)
{
    (void)oldcomm;
    (void)comm_keyval;
    (void)extra_state;
    (void)attribute_val_in;
    return null_copy(attribute_val_out, flag);
}

int mpr_mpi_comm_null_delete_fn(MPI_Comm comm, int comm_keyval, void *attribute_val,
                                void *extra_state)
{
    (void)comm;
    (void)comm_keyval;
    (void)attribute_val;
    (void)extra_state;
    return MPI_SUCCESS;
}

int mpr_mpi_comm_dup_fn(MPI_Comm oldcomm, int comm_keyval, void *extra_state,
                        void *attribute_val_in, void *attribute_val_out, int *flag)
{
    (void)oldcomm;
    (void)comm_keyval;
    (void)extra_state;
    return dup_copy(attribute_val_in, attribute_val_out, flag);
}

int mpr_mpi_type_null_copy_fn(MPI_Datatype oldtype, int type_keyval, void *extra_state,
                              void *attribute_val_in, void *attribute_val_out, int *flag)
{
    (void)oldtype;
    (void)type_keyval;
    (void)extra_state;
    (void)attribute_val_in;
    return null_copy(attribute_val_out, flag);
}

int mpr_mpi_type_null_delete_fn(MPI_Datatype datatype, int type_keyval, void *attribute_val,
                                void *extra_state)
{
    (void)datatype;
    (void)type_keyval;
    (void)attribute_val;
    (void)extra_state;
    return MPI_SUCCESS;
}

int mpr_mpi_type_dup_fn(MPI_Datatype oldtype, int type_keyval, void *extra_state,
                        void *attribute_val_in, void *attribute_val_out, int *flag)
{
    (void)oldtype;
    (void)type_keyval;
    (void)extra_state;
    return dup_copy(attribute_val_in, attribute_val_out, flag);
}

int mpr_mpi_win_null_copy_fn(MPI_Win oldwin, int win_keyval, void *extra_state,
                             void *attribute_val_in, void *attribute_val_out, int *flag)
{
    (void)oldwin;
    (void)win_keyval;
    (void)extra_state;
    (void)attribute_val_in;
    return null_copy(attribute_val_out, flag);
}

int mpr_mpi_win_null_delete_fn(MPI_Win win, int win_keyval, void *attribute_val, void *extra_state)
{
    (void)win;
    (void)win_keyval;
    (void)attribute_val;
    (void)extra_state;
    return MPI_SUCCESS;
}

int mpr_mpi_win_dup_fn(MPI_Win oldwin, int win_keyval, void *extra_state, void *attribute_val_in,
                       void *attribute_val_out, int *flag)
{
    (void)oldwin;
    (void)win_keyval;
    (void)extra_state;
    return dup_copy(attribute_val_in, attribute_val_out, flag);
}

/* The MPI-1 spellings, deprecated with MPI_Keyval_create but still in MPI 3.1. */
int mpr_mpi_null_copy_fn(MPI_Comm oldcomm, int keyval, void *extra_state, void *attribute_val_in,
                         void *attribute_val_out, int *flag)
{
    return mpr_mpi_comm_null_copy_fn(oldcomm, keyval, extra_state, attribute_val_in,
                                     attribute_val_out, flag);
}

int mpr_mpi_null_delete_fn(MPI_Comm comm, int keyval, void *attribute_val, void *extra_state)
{
    return mpr_mpi_comm_null_delete_fn(comm, keyval, attribute_val, extra_state);
}

int mpr_mpi_dup_fn(MPI_Comm oldcomm, int keyval, void *extra_state, void *attribute_val_in,
                   void *attribute_val_out, int *flag)
{
    return mpr_mpi_comm_dup_fn(oldcomm, keyval, extra_state, attribute_val_in, attribute_val_out,
                               flag);
}
