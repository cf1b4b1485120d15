/*
 * The pack engine: moves the bytes of a type's flat (datatype/flat.h) between the user's layout
 * and the packed form. Whole runs go through tight strided loops, specialised for the small
 * block lengths that dominate real types (4, 8 and 16 bytes: one int, double or complex per
 * block) and memcpy for the rest; a contig type is one memcpy. A byte range that starts or ends
 * inside a block is handled at the edges only, so the loops in the middle stay the same.
 *
 * Addresses are computed in uintptr_t: with MPI_BOTTOM the buffer is NULL and displacements are
 * absolute addresses.
 */
#include "datatype/flat.h"

#include <stdint.h>
#include <string.h>

/* mpr_dt_copy goes through a bounce buffer of this size on the stack. */
#define COPY_CHUNK 16384

/* Direction and cursor of one pack or unpack. */
struct walk {
    char *pk; /* next byte of the packed form */
    int unpack;
};

/*
 * Blocks further apart than FAR_STRIDE bytes each sit in their own page (a matrix column):
 * every load misses, and prefetching PREFETCH_AHEAD blocks ahead keeps more misses in flight
 * than the out-of-order window does by itself (10-15% on a column of a 4096x4096 double
 * matrix on the development machine).
 */
#define FAR_STRIDE 2048
#define PREFETCH_AHEAD 32

/*
 * n blocks of len bytes, stride apart in memory, to (gather) or from (scatter) consecutive
 * packed bytes. Always inlined with constant len and far, so each case is its own tight loop.
 */
static inline __attribute__((always_inline)) void strided(char *restrict pk, char *restrict mem,
                                                          MPI_Aint stride, MPI_Count n, size_t len,
                                                          int far, int scatter)
{
    for (MPI_Count i = 0; i < n; i++, pk += len, mem += stride) {
        if (far) {
            __builtin_prefetch(mem + PREFETCH_AHEAD * stride);
        }
        if (scatter) {
            memcpy(mem, pk, len);
        } else {
            memcpy(pk, mem, len);
        }
    }
}

static void gather_blocks(char *pk, const char *mem, MPI_Aint stride, MPI_Count n, size_t len)
{
    char *m = (char *)mem;
    int far = stride > FAR_STRIDE || stride < -FAR_STRIDE;

    switch (len) {
    case 4:
        far ? strided(pk, m, stride, n, 4, 1, 0) : strided(pk, m, stride, n, 4, 0, 0);
        break;
    case 8:
        far ? strided(pk, m, stride, n, 8, 1, 0) : strided(pk, m, stride, n, 8, 0, 0);
        break;
    case 16:
        far ? strided(pk, m, stride, n, 16, 1, 0) : strided(pk, m, stride, n, 16, 0, 0);
        break;
    default:
        strided(pk, m, stride, n, len, 0, 0);
    }
}

/* No prefetching here: prefetching the stores made unpacking a column slower, not faster. */
static void scatter_blocks(char *mem, const char *pk, MPI_Aint stride, MPI_Count n, size_t len)
{
    char *p = (char *)pk;

    switch (len) {
    case 4:
        strided(p, mem, stride, n, 4, 0, 1);
        break;
    case 8:
        strided(p, mem, stride, n, 8, 0, 1);
        break;
    case 16:
        strided(p, mem, stride, n, 16, 0, 1);
        break;
    default:
        strided(p, mem, stride, n, len, 0, 1);
    }
}

static void move_bytes(struct walk *w, uintptr_t mem, MPI_Count len)
{
    if (w->unpack) {
        memcpy((char *)mem, w->pk, (size_t)len);
    } else {
        memcpy(w->pk, (const char *)mem, (size_t)len);
    }
    w->pk += len;
}

static void walk_flat_full(struct walk *w, const struct mpr_dt_flat *f, uintptr_t base);

/* Blocks [0, n) of run r, whole, the first at mem. */
static void move_blocks(struct walk *w, const struct mpr_dt_run *r, uintptr_t mem, MPI_Count n)
{
    if (r->sub) {
        for (MPI_Count i = 0; i < n; i++, mem += (uintptr_t)r->stride) {
            walk_flat_full(w, r->sub, mem);
        }
        return;
    }
    if (n == 1) {
        move_bytes(w, mem, r->len);
        return;
    }
    if (w->unpack) {
        scatter_blocks((char *)mem, w->pk, r->stride, n, (size_t)r->len);
    } else {
        gather_blocks(w->pk, (const char *)mem, r->stride, n, (size_t)r->len);
    }
    w->pk += n * r->len;
}

static void walk_flat_full(struct walk *w, const struct mpr_dt_flat *f, uintptr_t base)
{
    for (int k = 0; k < f->nruns; k++) {
        const struct mpr_dt_run *r = &f->runs[k];
        move_blocks(w, r, base + (uintptr_t)r->disp, r->count);
    }
}

static MPI_Count walk_flat(struct walk *w, const struct mpr_dt_flat *f, uintptr_t base,
                           MPI_Count off, MPI_Count len);

/* Bytes [skip, skip + n) of one block of r at mem (a part of a block). */
static void move_part(struct walk *w, const struct mpr_dt_run *r, uintptr_t mem, MPI_Count skip,
                      MPI_Count n)
{
    if (r->sub) {
        (void)walk_flat(w, r->sub, mem, skip, n);
    } else {
        move_bytes(w, mem + (uintptr_t)skip, n);
    }
}

/*
 * Bytes [off, off + len) of the packed form of run r of an element at base; returns how many it
 * moved (less than len when the run ends first).
 */
static MPI_Count walk_run(struct walk *w, const struct mpr_dt_run *r, uintptr_t base, MPI_Count off,
                          MPI_Count len)
{
    MPI_Count i = off / r->len, skip = off % r->len, done = 0, full;
    uintptr_t mem = base + (uintptr_t)r->disp + (uintptr_t)(i * r->stride);

    if (skip && i < r->count) {
        done = r->len - skip < len ? r->len - skip : len;
        move_part(w, r, mem, skip, done);
        i++;
        mem += (uintptr_t)r->stride;
    }
    full = (len - done) / r->len;
    if (full > r->count - i) {
        full = r->count - i;
    }
    if (full > 0) {
        move_blocks(w, r, mem, full);
        done += full * r->len;
        i += full;
        mem += (uintptr_t)(full * r->stride);
    }
    if (done < len && i < r->count) {
        move_part(w, r, mem, 0, len - done); /* less than one block is left */
        done = len;
    }
    return done;
}

static MPI_Count walk_flat(struct walk *w, const struct mpr_dt_flat *f, uintptr_t base,
                           MPI_Count off, MPI_Count len)
{
    MPI_Count done = 0;

    for (int k = 0; k < f->nruns && done < len; k++) {
        const struct mpr_dt_run *r = &f->runs[k];
        MPI_Count bytes = r->count * r->len;
        if (off >= bytes) {
            off -= bytes;
            continue;
        }
        done += walk_run(w, r, base, off, len - done);
        off = 0;
    }
    return done;
}

/* count elements of dt as one run: merged into dt's own run when the elements continue it. */
static void top_run(const struct mpr_datatype *dt, MPI_Count count, struct mpr_dt_run *top)
{
    const struct mpr_dt_flat *f = dt->flat;
    const struct mpr_dt_run *r = &f->runs[0];

    *top = (struct mpr_dt_run){0, dt->extent, count, f->packed, dt->flat};
    if (f->nruns != 1 || r->sub) {
        return;
    }
    if (count == 1) {
        *top = *r;
    } else if (r->count == 1) {
        *top = (struct mpr_dt_run){r->disp, dt->extent, count, r->len, NULL};
    } else if (r->count * r->stride == dt->extent) {
        *top = (struct mpr_dt_run){r->disp, r->stride, r->count * count, r->len, NULL};
    }
}

static void walk(const struct mpr_datatype *dt, MPI_Count count, uintptr_t buf, char *pk,
                 MPI_Count offset, MPI_Count len, int unpack)
{
    struct walk w = {pk, unpack};
    struct mpr_dt_run top;

    if (len <= 0) {
        return;
    }
    if (dt->contig) {
        if (unpack) {
            memcpy((char *)mpr_datatype_data((void *)buf, dt) + offset, pk, (size_t)len);
        } else {
            memcpy(pk, (char *)mpr_datatype_data((void *)buf, dt) + offset, (size_t)len);
        }
        return;
    }
    top_run(dt, count, &top);
    (void)walk_run(&w, &top, buf, offset, len);
}

void mpr_dt_pack(const struct mpr_datatype *dt, MPI_Count count, const void *buf, void *out,
                 MPI_Count offset, MPI_Count len)
{
    walk(dt, count, (uintptr_t)buf, out, offset, len, 0);
}

void mpr_dt_unpack(const struct mpr_datatype *dt, MPI_Count count, void *buf, const void *in,
                   MPI_Count offset, MPI_Count len)
{
    walk(dt, count, (uintptr_t)buf, (char *)in, offset, len, 1);
}

void mpr_dt_copy(const struct mpr_datatype *dt, MPI_Count count, void *dst, const void *src)
{
    unsigned char bounce[COPY_CHUNK];
    MPI_Count total = count * dt->packed;

    if (dt->contig) {
        memmove(mpr_datatype_data(dst, dt), mpr_datatype_data(src, dt), (size_t)total);
        return;
    }
    for (MPI_Count off = 0; off < total; off += COPY_CHUNK) {
        MPI_Count n = total - off < COPY_CHUNK ? total - off : COPY_CHUNK;
        mpr_dt_pack(dt, count, src, bounce, off, n);
        mpr_dt_unpack(dt, count, dst, bounce, off, n);
    }
}
