/* Process-wide runtime state: who this rank is and where the library is in its life cycle. */
#ifndef MPR_STATE_H
#define MPR_STATE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

enum mpr_phase {
    MPR_PHASE_NOT_INIT = 0,
    MPR_PHASE_INIT,      /* between MPI_Init and MPI_Finalize */
    MPR_PHASE_FINALIZED, /* after MPI_Finalize */
};

struct mpr_state {
    _Atomic int phase; /* enum mpr_phase; read from any thread by MPI_Initialized/Finalized */
    int rank;
    int size;
    int local_rank;
    int local_size;
    int node_id;
    int appnum;
    int oversubscribed; /* more ranks than PUs on this node: the wait policy yields at once */
    int thread_level;   /* level provided by MPI_Init_thread */
    pthread_t main_thread;
    uint64_t jobid;
    int boot_fd; /* bootstrap socket, -1 for a singleton */
    char hostname[256];
};

extern struct mpr_state mpr_state;

static inline int mpr_state_phase(void)
{
    return atomic_load_explicit(&mpr_state.phase, memory_order_acquire);
}

#endif
