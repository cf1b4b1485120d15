/*
 * Building flats (datatype/flat.h): runs are appended in type map order and merged with the run
 * before them whenever the two describe one run:
 *   - two single blocks that continue each other become one longer block;
 *   - equally spaced blocks of one length become one strided run (an indexed type whose blocks
 *     happen to be evenly spaced packs like a vector);
 *   - a strided run whose stride equals its block length is one block.
 * A merge may enable another with the run before, so merging cascades backwards.
 * Repeating a layout that is not one leaf run makes one run over a shared sub-flat when spelling
 * the copies out would take more than EXPAND_MAX runs, so flats stay small for any count.
 */
#include "datatype/flat.h"

#include "core/errcode.h"

#include <stdlib.h>
#include <string.h>

/* Copies of a layout are spelled out as runs up to this many runs; beyond, a sub-flat run. */
#define EXPAND_MAX 16

void mpr_flat_builder_init(struct mpr_flat_builder *fb)
{
    memset(fb, 0, sizeof(*fb));
}

void mpr_flat_builder_discard(struct mpr_flat_builder *fb)
{
    for (int i = 0; i < fb->nruns; i++) {
        if (fb->runs[i].sub) {
            mpr_flat_release(fb->runs[i].sub);
        }
    }
    free(fb->runs);
    mpr_flat_builder_init(fb);
}

/* refs == 0 marks the static flats of predefined types: never counted, never freed. */
void mpr_flat_retain(struct mpr_dt_flat *f)
{
    if (f->refs > 0) {
        f->refs++;
    }
}

void mpr_flat_release(struct mpr_dt_flat *f)
{
    if (f->refs == 0 || --f->refs > 0) {
        return;
    }
    for (int i = 0; i < f->nruns; i++) {
        if (f->runs[i].sub) {
            mpr_flat_release(f->runs[i].sub);
        }
    }
    free(f);
}

int mpr_flat_one_block(const struct mpr_dt_flat *f, MPI_Aint *disp)
{
    if (f->nruns != 1 || f->runs[0].sub || f->runs[0].count != 1) {
        return 0;
    }
    *disp = f->runs[0].disp;
    return 1;
}

/* The canonical form: one block has stride 0; leaf blocks that touch are one block. */
static void normalize(struct mpr_dt_run *r)
{
    if (r->count > 1 && !r->sub && r->stride == r->len) {
        r->len *= r->count;
        r->count = 1;
    }
    if (r->count == 1) {
        r->stride = 0;
    }
}

/*
 * The one run that is `a` followed by `b` in packed order, if there is one. A merged pair of
 * sub runs keeps a's reference on the sub; the caller drops b's.
 */
static int combine(const struct mpr_dt_run *a, const struct mpr_dt_run *b, struct mpr_dt_run *out)
{
    if (a->sub != b->sub) {
        return 0;
    }
    if (!a->sub && a->count == 1 && b->count == 1 && a->disp + a->len == b->disp) {
        *out = *a;
        out->len += b->len;
        return 1;
    }
    if (a->len != b->len) {
        return 0;
    }
    *out = *a;
    if (a->count == 1 && b->count == 1) {
        out->stride = b->disp - a->disp;
        out->count = 2;
    } else if (a->count == 1) {
        /* one block, then b's run starting one of b's strides later */
        if (b->disp - a->disp != b->stride) {
            return 0;
        }
        out->stride = b->stride;
        out->count = 1 + b->count;
    } else if (b->disp == a->disp + a->count * a->stride &&
               (b->count == 1 || b->stride == a->stride)) {
        out->count = a->count + b->count;
    } else {
        return 0;
    }
    normalize(out);
    return 1;
}

/* Append r (which holds a reference on r->sub, if any), merging backwards. */
static int push(struct mpr_flat_builder *fb, struct mpr_dt_run r)
{
    struct mpr_dt_run c;

    if (r.count <= 0 || r.len <= 0) {
        if (r.sub) {
            mpr_flat_release(r.sub);
        }
        return 0;
    }
    normalize(&r);
    fb->packed += r.count * r.len;
    while (fb->nruns > 0 && combine(&fb->runs[fb->nruns - 1], &r, &c)) {
        if (r.sub) {
            mpr_flat_release(r.sub);
        }
        r = c;
        fb->nruns--;
    }
    if (fb->nruns == fb->cap) {
        int cap = fb->cap ? 2 * fb->cap : 4;
        struct mpr_dt_run *grown = realloc(fb->runs, (size_t)cap * sizeof(*grown));
        if (!grown) {
            if (r.sub) {
                mpr_flat_release(r.sub);
            }
            return -MPR_ERR_NOMEM;
        }
        fb->runs = grown;
        fb->cap = cap;
    }
    fb->runs[fb->nruns++] = r;
    return 0;
}

static struct mpr_dt_flat *flat_alloc(int nruns)
{
    struct mpr_dt_flat *f = malloc(sizeof(*f) + (size_t)nruns * sizeof(struct mpr_dt_run));

    if (f) {
        f->refs = 1;
        f->nruns = nruns;
        f->packed = 0;
        f->runs = (struct mpr_dt_run *)(f + 1);
    }
    return f;
}

int mpr_flat_finish(struct mpr_flat_builder *fb, struct mpr_dt_flat **out)
{
    struct mpr_dt_flat *f = flat_alloc(fb->nruns);

    if (!f) {
        return -MPR_ERR_NOMEM;
    }
    if (fb->nruns) {
        memcpy(f->runs, fb->runs, (size_t)fb->nruns * sizeof(*fb->runs));
    }
    f->packed = fb->packed;
    free(fb->runs);
    mpr_flat_builder_init(fb);
    *out = f;
    return 0;
}

/* A run over `count` copies of one leaf run r, copy i at disp + i * stride. */
static int repeat_leaf(struct mpr_flat_builder *fb, const struct mpr_dt_run *r, MPI_Aint disp,
                       MPI_Count count, MPI_Aint stride)
{
    struct mpr_dt_run x = *r;
    struct mpr_dt_flat *f;

    x.disp += disp;
    if (r->count == 1 || count == 1) {
        if (r->count == 1) {
            x.stride = stride;
            x.count = count;
        }
        return push(fb, x);
    }
    if (r->count * r->stride == stride) {
        x.count = r->count * count; /* the copies continue the run's own stride */
        return push(fb, x);
    }
    if (count <= EXPAND_MAX) {
        int rc = 0;
        for (MPI_Count i = 0; i < count && rc == 0; i++, x.disp += stride) {
            rc = push(fb, x);
        }
        return rc;
    }
    f = flat_alloc(1);
    if (!f) {
        return -MPR_ERR_NOMEM;
    }
    f->runs[0] = *r;
    f->packed = r->count * r->len;
    return push(fb, (struct mpr_dt_run){disp, stride, count, f->packed, f});
}

int mpr_flat_repeat(struct mpr_flat_builder *fb, struct mpr_dt_flat *f, MPI_Aint disp,
                    MPI_Count count, MPI_Aint stride)
{
    int rc = 0;

    if (count <= 0 || f->nruns == 0 || f->packed == 0) {
        return 0;
    }
    if (f->nruns == 1 && !f->runs[0].sub) {
        return repeat_leaf(fb, &f->runs[0], disp, count, stride);
    }
    if (count * f->nruns > EXPAND_MAX) {
        mpr_flat_retain(f);
        return push(fb, (struct mpr_dt_run){disp, stride, count, f->packed, f});
    }
    for (MPI_Count i = 0; i < count && rc == 0; i++) {
        for (int k = 0; k < f->nruns && rc == 0; k++) {
            struct mpr_dt_run x = f->runs[k];
            x.disp += disp + i * stride;
            if (x.sub) {
                mpr_flat_retain(x.sub);
            }
            rc = push(fb, x);
        }
    }
    return rc;
}

/* The leaf run of n consecutive copies of child's one leaf run, if that is one run. */
static int block_as_leaf(const struct mpr_datatype *child, MPI_Count n, struct mpr_dt_run *out)
{
    const struct mpr_dt_flat *cf = child->flat;
    const struct mpr_dt_run *r = &cf->runs[0];

    if (cf->nruns != 1 || r->sub) {
        return 0;
    }
    *out = *r;
    if (r->count == 1) {
        out->stride = child->extent;
        out->count = n;
    } else if (r->count * r->stride == child->extent) {
        out->count = r->count * n;
    } else {
        return 0;
    }
    normalize(out);
    return 1;
}

int mpr_flat_place(struct mpr_flat_builder *fb, const struct mpr_datatype *child, MPI_Aint disp,
                   MPI_Count n, MPI_Count count, MPI_Aint stride)
{
    struct mpr_flat_builder block;
    struct mpr_dt_flat *bf;
    struct mpr_dt_run leaf;
    int rc;

    if (n <= 0 || count <= 0 || child->packed == 0) {
        return 0;
    }
    if (n == 1) {
        return mpr_flat_repeat(fb, child->flat, disp, count, stride);
    }
    if (block_as_leaf(child, n, &leaf)) {
        return repeat_leaf(fb, &leaf, disp, count, stride);
    }
    if (count == 1) {
        return mpr_flat_repeat(fb, child->flat, disp, n, child->extent);
    }
    mpr_flat_builder_init(&block);
    rc = mpr_flat_repeat(&block, child->flat, 0, n, child->extent);
    if (rc == 0) {
        rc = mpr_flat_finish(&block, &bf);
    }
    if (rc != 0) {
        mpr_flat_builder_discard(&block);
        return rc;
    }
    rc = mpr_flat_repeat(fb, bf, disp, count, stride);
    mpr_flat_release(bf);
    return rc;
}
