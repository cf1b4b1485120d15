/* Starting ranks: executable lookup, the node segment, fork/exec with binding and plumbing. */
#ifndef MPR_LAUNCHER_SPAWN_H
#define MPR_LAUNCHER_SPAWN_H

#include "job.h"

#include <signal.h>
#include <stddef.h>

/*
 * Find `prog` the way execvp would. Returns 0 with a malloc'd *path, or the exit status the
 * launcher must end with (127: not found, 126: found but not executable) and a one-line
 * message in err ("cannot execute './nope': No such file or directory").
 */
int mpr_spawn_resolve(const char *prog, char **path, char *err, size_t errlen);

/* Create, size, seal and format the node segment (a memfd: no name, nothing to clean up). */
int mpr_spawn_segment(struct mpr_job *job, char *err, size_t errlen);

/*
 * Fork and exec rank `rank` with its pipes, bootstrap socket, environment and binding.
 * `child_mask` is the signal mask the rank starts with. 0, or -1 with a message in err.
 */
int mpr_spawn_rank(struct mpr_job *job, int rank, const sigset_t *child_mask, char *err,
                   size_t errlen);

#endif
