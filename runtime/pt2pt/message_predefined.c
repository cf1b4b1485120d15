/* MPI_MESSAGE_NO_PROC: what MPI_Mprobe returns for source MPI_PROC_NULL. */
#include "pt2pt/message.h"

struct mpr_message mpr_mpi_message_no_proc = {
    .magic = MPR_MESSAGE_MAGIC,
    .no_proc = 1,
};
