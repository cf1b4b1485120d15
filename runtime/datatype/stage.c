/*
 * Staging of non-contig data around byte-level communication (datatype/stage.h). A
 * point-to-point operation needs one part, one reference and one temporary: those live inside
 * the stage (the temporary right after it), so staging a message costs one allocation, and
 * that one usually comes from a small cache of stages recently finished: an application sends
 * the same layouts over and over, and a fresh malloc of a large temporary each time would also
 * fault its pages in each time. Collectives grow the arrays as they need.
 */
#include "datatype/stage.h"

#include "core/errcode.h"
#include "datatype/datatype_ops.h"
#include "datatype/flat.h"

#include <stdlib.h>
#include <string.h>

/* count elements of t at buf, unpacked from src at the end. */
struct stage_part {
    void *buf;
    MPI_Count count;
    struct mpr_datatype *t;
    const void *src;
    int image; /* src is laid out as t, not packed */
};

struct mpr_stage {
    int by_got;               /* made by mpr_stage_recv: unpack what the receive delivered */
    int streamed;             /* by_got: the data arrived in fragments, already unpacked */
    struct stage_part *parts; /* &part1 until a second part comes */
    int nparts, partcap;
    struct mpr_datatype **keep; /* references held; &keep1 until a second one */
    int nkeep, keepcap;
    void **mem; /* temporaries from mpr_stage_alloc */
    int nmem, memcap;
    size_t extra; /* bytes after the stage */
    struct stage_part part1;
    struct mpr_datatype *keep1;
    /* the temporary of mpr_stage_send / mpr_stage_recv follows */
};

/*
 * Finished stages kept for reuse, at most CACHE_SLOTS and CACHE_BYTES in all, none larger than
 * CACHE_MAX. Single-threaded like the request free list (MPI_THREAD_SERIALIZED at most).
 */
#define CACHE_SLOTS 8
#define CACHE_MAX ((size_t)8 << 20)
#define CACHE_BYTES ((size_t)32 << 20)

static struct {
    struct mpr_stage *st[CACHE_SLOTS];
    int n;
    size_t bytes;
} cache;

/* A cached stage with room for `extra` bytes that does not waste more than it holds. */
static struct mpr_stage *cache_take(size_t extra)
{
    int best = -1;

    for (int i = 0; i < cache.n; i++) {
        size_t have = cache.st[i]->extra;
        if (have >= extra && have <= 2 * extra + 4096 &&
            (best < 0 || have < cache.st[best]->extra)) {
            best = i;
        }
    }
    if (best < 0) {
        return NULL;
    }
    struct mpr_stage *st = cache.st[best];
    cache.st[best] = cache.st[--cache.n];
    cache.bytes -= st->extra;
    return st;
}

/* Keep st for reuse, or free it. */
static void cache_put(struct mpr_stage *st)
{
    if (st->extra > CACHE_MAX || cache.bytes + st->extra > CACHE_BYTES) {
        free(st);
        return;
    }
    if (cache.n == CACHE_SLOTS) {
        /* the oldest goes: recent sizes are the likely next ones */
        cache.bytes -= cache.st[0]->extra;
        free(cache.st[0]);
        memmove(cache.st, cache.st + 1, (CACHE_SLOTS - 1) * sizeof(cache.st[0]));
        cache.n--;
    }
    cache.st[cache.n++] = st;
    cache.bytes += st->extra;
}

/* A stage with `extra` bytes after it. */
static struct mpr_stage *stage_new(size_t extra)
{
    struct mpr_stage *st = cache_take(extra);
    size_t have = st ? st->extra : extra;

    if (!st) {
        st = malloc(sizeof(*st) + extra);
    }
    if (st) {
        memset(st, 0, sizeof(*st));
        st->extra = have;
        st->parts = &st->part1;
        st->partcap = 1;
        st->keep = &st->keep1;
        st->keepcap = 1;
    }
    return st;
}

struct mpr_stage *mpr_stage_new(void)
{
    return stage_new(0);
}

/*
 * arr (n entries of `size` bytes used of *cap; the inline entry `first` at the start) with room
 * for one more; NULL when out of memory.
 */
static void *grow(void *arr, const void *first, int n, int *cap, size_t size)
{
    void *grown;
    int c;

    if (n < *cap) {
        return arr;
    }
    c = *cap ? 2 * *cap : 4;
    if (first && arr == first) {
        grown = malloc((size_t)c * size);
        if (grown) {
            memcpy(grown, arr, (size_t)n * size);
        }
    } else {
        grown = realloc(arr, (size_t)c * size);
    }
    if (grown) {
        *cap = c;
    }
    return grown;
}

void *mpr_stage_alloc(struct mpr_stage *st, size_t bytes)
{
    void **mem = grow(st->mem, NULL, st->nmem, &st->memcap, sizeof(*st->mem));
    void *p;

    if (!mem) {
        return NULL;
    }
    st->mem = mem;
    p = malloc(bytes ? bytes : 1);
    if (p) {
        st->mem[st->nmem++] = p;
    }
    return p;
}

int mpr_stage_keep(struct mpr_stage *st, struct mpr_datatype *t)
{
    struct mpr_datatype **keep;

    if (t->combiner == MPI_COMBINER_NAMED) {
        return 0;
    }
    keep = grow(st->keep, &st->keep1, st->nkeep, &st->keepcap, sizeof(*st->keep));
    if (!keep) {
        return -MPR_ERR_NOMEM;
    }
    st->keep = keep;
    mpr_type_retain(t);
    st->keep[st->nkeep++] = t;
    return 0;
}

static int add_part(struct mpr_stage *st, const struct stage_part *part)
{
    struct stage_part *parts;

    if (part->count == 0) {
        return 0;
    }
    parts = grow(st->parts, &st->part1, st->nparts, &st->partcap, sizeof(*st->parts));
    if (!parts) {
        return -MPR_ERR_NOMEM;
    }
    st->parts = parts;
    if (mpr_stage_keep(st, part->t) != 0) {
        return -MPR_ERR_NOMEM;
    }
    st->parts[st->nparts++] = *part;
    return 0;
}

int mpr_stage_unpack_later(struct mpr_stage *st, void *buf, MPI_Count count, struct mpr_datatype *t,
                           const void *src)
{
    return add_part(st, &(struct stage_part){buf, count, t, src, 0});
}

int mpr_stage_copy_later(struct mpr_stage *st, void *buf, MPI_Count count, struct mpr_datatype *t,
                         const void *src)
{
    return add_part(st, &(struct stage_part){buf, count, t, src, 1});
}

void mpr_stage_discard(struct mpr_stage *st)
{
    if (!st) {
        return;
    }
    for (int i = 0; i < st->nkeep; i++) {
        mpr_type_release(st->keep[i]);
    }
    for (int i = 0; i < st->nmem; i++) {
        free(st->mem[i]);
    }
    if (st->keep != &st->keep1) {
        free(st->keep);
    }
    if (st->parts != &st->part1) {
        free(st->parts);
    }
    free(st->mem);
    cache_put(st);
}

void mpr_stage_finish(struct mpr_stage *st, size_t got)
{
    MPI_Count left = (MPI_Count)got;

    if (!st) {
        return;
    }
    for (int i = 0; i < st->nparts; i++) {
        const struct stage_part *p = &st->parts[i];
        MPI_Count bytes = p->count * p->t->packed;
        if (p->image) {
            mpr_dt_copy(p->t, p->count, p->buf, p->src);
            continue;
        }
        if (st->streamed) {
            break;
        }
        if (st->by_got) {
            bytes = bytes < left ? bytes : left;
            left -= bytes;
        }
        mpr_dt_unpack(p->t, p->count, p->buf, p->src, 0, bytes);
    }
    mpr_stage_discard(st);
}

int mpr_stage_send(const void *buf, MPI_Count count, struct mpr_datatype *t, const void **data,
                   size_t *bytes, struct mpr_stage **st)
{
    size_t n = (size_t)(count * t->packed);

    *st = NULL;
    *bytes = n;
    if (mpr_datatype_direct(t, count) || n == 0) {
        *data = mpr_datatype_data(buf, t);
        return 0;
    }
    *st = stage_new(n);
    if (!*st) {
        return -MPR_ERR_NOMEM;
    }
    mpr_dt_pack(t, count, buf, *st + 1, 0, (MPI_Count)n);
    *data = *st + 1;
    return 0;
}

int mpr_stage_recv(void *buf, MPI_Count count, struct mpr_datatype *t, void **data, size_t *cap,
                   struct mpr_stage **st)
{
    size_t n = (size_t)(count * t->packed);

    *st = NULL;
    *cap = n;
    if (mpr_datatype_direct(t, count) || n == 0) {
        *data = mpr_datatype_data(buf, t);
        return 0;
    }
    *st = stage_new(n);
    if (!*st) {
        return -MPR_ERR_NOMEM;
    }
    (*st)->by_got = 1;
    /* one part and one reference: inline, cannot fail */
    (void)mpr_stage_unpack_later(*st, buf, count, t, *st + 1);
    *data = *st + 1;
    return 0;
}

int mpr_stage_send_streamed(const void *buf, MPI_Count count, struct mpr_datatype *t,
                            struct mpr_stage **st)
{
    *st = stage_new(MPR_STAGE_FRAGMENT);
    if (!*st) {
        return -MPR_ERR_NOMEM;
    }
    /* The source rides in the first part; it is never unpacked (nparts stays 0). */
    (*st)->part1 = (struct stage_part){(void *)buf, count, t, NULL, 0};
    (void)mpr_stage_keep(*st, t); /* the inline reference: cannot fail */
    return 0;
}

const void *mpr_stage_pack_range(struct mpr_stage *st, size_t off, size_t n)
{
    const struct stage_part *src = &st->part1;

    mpr_dt_pack(src->t, src->count, src->buf, st + 1, (MPI_Count)off, (MPI_Count)n);
    return st + 1;
}

void mpr_stage_unpack_range(struct mpr_stage *st, size_t off, const void *src, size_t n)
{
    const struct stage_part *p = &st->parts[0];

    mpr_dt_unpack(p->t, p->count, p->buf, src, (MPI_Count)off, (MPI_Count)n);
    st->streamed = 1;
}
