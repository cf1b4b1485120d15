/* A running job as mplaunch sees it: one mpr_proc per rank, plus what the ranks share. */
#ifndef MPR_LAUNCHER_JOB_H
#define MPR_LAUNCHER_JOB_H

#include "bootstrap/boot_msg.h"
#include "cli.h"
#include "io.h"

#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum mpr_proc_state {
    MPR_PROC_RUNNING,
    MPR_PROC_EXITED, /* reaped; status is valid */
};

enum mpr_proc_mpi {
    MPR_MPI_NONE,      /* has not called MPI_Init (maybe not an MPI program) */
    MPR_MPI_INIT,      /* inside MPI_Init..MPI_Finalize */
    MPR_MPI_FINALIZED, /* completed MPI_Finalize */
};

struct mpr_proc {
    int rank;
    int app;
    pid_t pid;
    enum mpr_proc_state state;
    enum mpr_proc_mpi mpi;
    int status;  /* wait status once EXITED */
    int boot_fd; /* launcher end of the bootstrap socket, -1 once closed */
    int out_fd;  /* read ends of the rank's stdout/stderr pipes, -1 at EOF */
    int err_fd;
    int in_fd; /* write end of the rank's stdin pipe, -1 if none */
    size_t in_off; /* bytes of the launcher's stdin buffer this rank has taken */
    int in_fence;  /* waiting in a bootstrap fence */
    struct mpr_io_stream out;
    struct mpr_io_stream err;
    struct mpr_boot_decoder *dec;
    cpu_set_t cpus; /* binding applied in the child; cpus_set says whether to bind */
    int cpus_set;
    char cpulist[256]; /* MPR_CPUSET */
};

/* What a rank runs: one per MPMD program. */
struct mpr_job_app {
    const struct mpr_app *cli; /* argv, wdir and -x entries as parsed */
    char *path;                /* the executable exec runs, resolved like execvp */
};

struct mpr_job {
    int nranks;
    struct mpr_proc *procs;
    struct mpr_job_app *apps;
    int napps;
    int oversubscribed;
    char jobid[17];
    char hostname[256];
    unsigned io_flags;    /* MPR_IO_TAG, MPR_IO_RAW */
    int stdin_rank;       /* -1: none, -2: all, else that rank */
    double timeout_s;     /* 0: none */
    int quiet;
    int seg_fd; /* node segment memfd */
    void *seg;
    size_t seg_len;
    pid_t launcher_pid;
};

#endif
