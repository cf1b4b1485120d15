/*
 * Scratch memory for collective schedules. Small buffers come from malloc. Large ones are kept
 * for the next collective: malloc serves a large block by growing the heap (or mapping it) and
 * gives it back to the system on free, so every call of, say, a 1 MiB reduce_scatter would
 * fault in fresh zeroed pages; bench/coll showed that tripling its time.
 */
#ifndef MPR_SCRATCH_H
#define MPR_SCRATCH_H

#include <stddef.h>

/* At least `bytes` (never NULL for 0 bytes); *cap gets the real size. NULL: out of memory. */
void *mpr_scratch_get(size_t bytes, size_t *cap);
/* Give back a block from mpr_scratch_get with its cap: kept for reuse or freed. */
void mpr_scratch_put(void *p, size_t cap);

#endif
