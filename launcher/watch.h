/*
 * mplaunch's one poll loop: forwards output and stdin, serves the bootstrap, reaps ranks,
 * forwards signals, enforces --timeout, and ends the job on the first failure.
 */
#ifndef MPR_LAUNCHER_WATCH_H
#define MPR_LAUNCHER_WATCH_H

#include "job.h"

/* Seconds between SIGTERM and SIGKILL when the job is being ended. */
#define MPR_KILL_GRACE_S 0.5

/*
 * Run until every rank has exited and its output is drained. `sigfd` is a signalfd for SIGCHLD,
 * SIGINT, SIGTERM, SIGHUP, SIGUSR1 and SIGUSR2 (blocked in the caller). Returns the job's exit
 * status: 0 iff every rank exited 0, else that of the first failure; 124 on --timeout;
 * 128+signal when a terminating signal was forwarded.
 */
int mpr_watch_run(struct mpr_job *job, int sigfd);

#endif
