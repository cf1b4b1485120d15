/*
 * The bootstrap server: mplaunch's side of every rank's bootstrap socket. Stores PUTs, answers
 * GETs, releases a FENCE when every rank has entered it, records MPI state reports, and hands
 * abort requests to the caller.
 */
#ifndef MPR_LAUNCHER_BOOTSRV_H
#define MPR_LAUNCHER_BOOTSRV_H

#include "job.h"
#include "kvs.h"

struct mpr_bootsrv {
    struct mpr_kvs *kvs;
    int fence_waiting; /* ranks inside the current fence */
};

enum mpr_bootsrv_event {
    MPR_BOOTSRV_OK,     /* handled; nothing for the caller */
    MPR_BOOTSRV_CLOSED, /* the rank closed its end (exit or after MPI_Finalize) */
    MPR_BOOTSRV_ABORT,  /* the rank asked to end the job: see abort_code/abort_why */
    MPR_BOOTSRV_ERROR,  /* malformed stream or I/O error: treat the rank as failed */
};

struct mpr_bootsrv_result {
    enum mpr_bootsrv_event event;
    int abort_code;
    char abort_why[256];
};

int mpr_bootsrv_init(struct mpr_bootsrv *s, int nranks);
void mpr_bootsrv_fini(struct mpr_bootsrv *s);
/* Read whatever rank `rank` sent (nonblocking) and handle every whole message in it. */
void mpr_bootsrv_read(struct mpr_bootsrv *s, struct mpr_job *job, int rank,
                      struct mpr_bootsrv_result *res);

#endif
