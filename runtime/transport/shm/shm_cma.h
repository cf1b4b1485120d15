/*
 * Single-copy transfers between local ranks with process_vm_readv (cross-memory attach).
 * Whether the kernel allows it (ptrace policy, containers) is probed at start-up, the same way
 * on every rank, so that all ranks agree; MPR_SHM_CMA=0 turns it off.
 */
#ifndef MPR_SHM_CMA_H
#define MPR_SHM_CMA_H

#include "transport/shm/shm_segment.h"

#include <stddef.h>
#include <stdint.h>

/* Publish this rank's pid and probe word, probe a neighbour, agree (two bootstrap fences). */
int mpr_shm_cma_setup(void *seg, int me, int n);
int mpr_shm_cma_enabled(void);
/* Read len bytes at addr of the rank owning `peer_ctl` into dst: 0 or -MPR_ERR_IO. */
int mpr_shm_cma_read(const struct mpr_shm_ctl *peer_ctl, void *dst, uint64_t addr, size_t len);

/* Write len bytes from src to addr of the rank owning `peer_ctl`: 0 or -MPR_ERR_IO. */
int mpr_shm_cma_write(const struct mpr_shm_ctl *peer_ctl, uint64_t addr, const void *src,
                      size_t len);

#endif
