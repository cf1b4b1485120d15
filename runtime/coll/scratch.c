#include "coll/scratch.h"

#include <stdlib.h>

/* Blocks from this size up are kept; at most SLOTS of them, at most KEEP_MAX bytes in all. */
#define KEEP_MIN (64u * 1024)
#define SLOTS 8
#define KEEP_MAX (64u * 1024 * 1024)

static struct {
    void *p;
    size_t cap;
} kept[SLOTS];
static size_t kept_bytes;

void *mpr_scratch_get(size_t bytes, size_t *cap)
{
    int best = -1;

    if (bytes >= KEEP_MIN) {
        /* The smallest kept block that fits, so big blocks stay for big requests. */
        for (int i = 0; i < SLOTS; i++) {
            if (kept[i].p && kept[i].cap >= bytes && (best < 0 || kept[i].cap < kept[best].cap)) {
                best = i;
            }
        }
    }
    if (best >= 0) {
        void *p = kept[best].p;
        *cap = kept[best].cap;
        kept_bytes -= kept[best].cap;
        kept[best].p = NULL;
        return p;
    }
    *cap = bytes ? bytes : 1;
    return malloc(*cap);
}

void mpr_scratch_put(void *p, size_t cap)
{
    int slot = -1;

    if (p && cap >= KEEP_MIN && kept_bytes + cap <= KEEP_MAX) {
        for (int i = 0; i < SLOTS && slot < 0; i++) {
            if (!kept[i].p) {
                slot = i;
            }
        }
    }
    if (slot < 0) {
        free(p);
        return;
    }
    kept[slot].p = p;
    kept[slot].cap = cap;
    kept_bytes += cap;
}
