/*
 * The bootstrap client: how a rank talks to mplaunch over the inherited socket (MPR_BOOT_FD).
 * Blocking calls, made only from MPI_Init/Finalize/Abort and slow paths. A singleton (no
 * launcher) has no socket: put/get are local, fence returns at once.
 */
#ifndef MPR_BOOT_H
#define MPR_BOOT_H

#include <stdint.h>

/* Take over the inherited socket `fd` (or -1 for a singleton). */
int mpr_boot_init(int fd);
void mpr_boot_fini(void);

int mpr_boot_put(const char *key, const void *val, uint32_t vlen);
/* Collective over all ranks of the job; blocks until every rank has entered it. */
int mpr_boot_fence(void);
/* Copies at most `cap` bytes of (rank, key)'s value into val; sets *vlen to its full length. */
int mpr_boot_get(int rank, const char *key, void *val, uint32_t cap, uint32_t *vlen);
int mpr_boot_report_state(uint32_t state);
/* Ask mplaunch to end the job with `code`; `why` is printed by mplaunch. Returns after sending. */
int mpr_boot_abort(int code, const char *why);

#endif
