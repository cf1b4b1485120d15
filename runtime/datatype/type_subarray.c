/*
 * MPI_Type_create_subarray: a subsizes box at starts within an array of sizes of oldtype, in
 * C order (the last dimension varies fastest) or Fortran order (the first does). As MPI 3.1
 * 4.1.3 defines it, the type has explicit bounds 0 and the whole array's extent, so consecutive
 * subarray elements step over whole arrays.
 *
 * The flat is built from the fastest dimension out: the two fastest dimensions are one placement
 * (rows of a plane, one strided run), and each slower dimension repeats the layout of the faster
 * ones (spelled out when short, else as one run over the faster ones' flat), so the flat stays a
 * few runs whatever the sizes.
 */
#include "datatype/type_build.h"

#include "core/errcode.h"

#include <stdlib.h>

/* One dimension, numbered from the slowest (level 0) to the fastest (level ndims - 1). */
struct level {
    int size, sub, start;
    MPI_Aint stride; /* bytes between consecutive indices of this dimension */
};

/* The dimensions by level; *whole is the extent of the whole array. */
static struct level *levels(int ndims, const int sizes[], const int subsizes[], const int starts[],
                            int order, MPI_Aint extent, MPI_Aint *whole)
{
    struct level *lv = malloc((size_t)ndims * sizeof(*lv));
    MPI_Aint stride = extent;

    if (!lv) {
        return NULL;
    }
    for (int l = ndims - 1; l >= 0; l--) {
        int d = order == MPI_ORDER_C ? l : ndims - 1 - l;
        lv[l] = (struct level){sizes[d], subsizes[d], starts[d], stride};
        stride *= sizes[d];
    }
    *whole = stride;
    return lv;
}

/* Repeat the layout of the faster levels over levels [0, top), slowest last, into fb. */
static int outer_levels(struct mpr_flat_builder *fb, struct mpr_dt_flat *f, const struct level *lv,
                        int top)
{
    struct mpr_flat_builder next;
    int rc = 0;

    mpr_flat_retain(f);
    for (int l = top - 1; l >= 0 && rc == 0; l--) {
        struct mpr_flat_builder *to = l == 0 ? fb : &next;
        mpr_flat_builder_init(&next);
        rc = mpr_flat_repeat(to, f, (MPI_Aint)lv[l].start * lv[l].stride, lv[l].sub, lv[l].stride);
        mpr_flat_release(f);
        f = NULL;
        if (rc == 0 && l > 0) {
            rc = mpr_flat_finish(&next, &f);
        }
        if (rc != 0) {
            mpr_flat_builder_discard(&next);
        }
    }
    return rc;
}

static int build_flat(struct mpr_flat_builder *fb, const struct level *lv, int ndims,
                      struct mpr_datatype *old)
{
    const struct level *fast = &lv[ndims - 1], *row = &lv[ndims - 2];
    struct mpr_flat_builder plane;
    struct mpr_dt_flat *f;
    MPI_Aint disp = (MPI_Aint)fast->start * fast->stride;
    int rc;

    if (ndims == 1) {
        return mpr_flat_place(fb, old, disp, fast->sub, 1, 0);
    }
    disp += (MPI_Aint)row->start * row->stride;
    if (ndims == 2) {
        return mpr_flat_place(fb, old, disp, fast->sub, row->sub, row->stride);
    }
    mpr_flat_builder_init(&plane);
    rc = mpr_flat_place(&plane, old, disp, fast->sub, row->sub, row->stride);
    if (rc == 0) {
        rc = mpr_flat_finish(&plane, &f);
    }
    if (rc != 0) {
        mpr_flat_builder_discard(&plane);
        return rc;
    }
    rc = outer_levels(fb, f, lv, ndims - 2);
    mpr_flat_release(f);
    return rc;
}

/* Size, bounds (explicit: 0 and the whole array) and true bounds of the box. */
static void box_bounds(struct mpr_type_build *b, const struct level *lv, int ndims, MPI_Aint whole,
                       struct mpr_datatype *old)
{
    MPI_Count n = 1;
    MPI_Aint lo = 0, hi = 0;

    for (int l = 0; l < ndims; l++) {
        MPI_Aint first = (MPI_Aint)lv[l].start * lv[l].stride;
        MPI_Aint last = (MPI_Aint)(lv[l].start + lv[l].sub - 1) * lv[l].stride;
        n *= lv[l].sub;
        lo += first < last ? first : last;
        hi += first < last ? last : first;
    }
    mpr_tb_account(b, old, n);
    b->any = b->lb_marked = b->ub_marked = 1;
    b->mlb = 0;
    b->mub = whole;
    if (n > 0 && old->size > 0) {
        b->any_data = 1;
        b->tlb = lo + old->true_lb;
        b->tub = hi + old->true_lb + old->true_extent;
    }
}

int mpr_type_subarray(int ndims, const int sizes[], const int subsizes[], const int starts[],
                      int order, struct mpr_datatype *old, struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_SUBARRAY, 3 * ndims + 2, 0, 1);
    MPI_Aint whole = 0;
    struct level *lv = levels(ndims, sizes, subsizes, starts, order, old->extent, &whole);
    struct mpr_type_build b;
    int rc = lv ? 0 : -MPR_ERR_NOMEM;

    mpr_tb_init(&b);
    if (rc == 0) {
        box_bounds(&b, lv, ndims, whole, old);
        rc = build_flat(&b.fb, lv, ndims, old);
    }
    if (c) {
        c->ints[0] = ndims;
        for (int d = 0; d < ndims; d++) {
            c->ints[1 + d] = sizes[d];
            c->ints[1 + ndims + d] = subsizes[d];
            c->ints[1 + 2 * ndims + d] = starts[d];
        }
        c->ints[1 + 3 * ndims] = order;
        c->types[0] = old;
    }
    free(lv);
    return mpr_tb_finish(&b, rc, c, out);
}
