/*
 * Matched messages, the result of MPI_Mprobe/MPI_Improbe, consumed by MPI_Mrecv/MPI_Imrecv.
 * MPI_MESSAGE_NO_PROC (a probe of MPI_PROC_NULL) is the static object in message_predefined.c.
 * The fields that describe a real matched message belong to pt2pt and will be added there.
 */
#ifndef MPR_MESSAGE_H
#define MPR_MESSAGE_H

#include <mpi.h>
#include <stdint.h>

#define MPR_MESSAGE_MAGIC 0x4d50526d73676531ull /* "MPRmsge1": catches stale or foreign handles */

struct mpr_unexp;
struct mpr_comm;

struct mpr_message {
    uint64_t magic;
    int no_proc; /* 1 only for MPI_MESSAGE_NO_PROC: receiving from it completes at once, empty */
    struct mpr_unexp *unexp; /* the message, off the matching queues */
    struct mpr_comm *comm;
};

#endif
