/*
 * MPI_Type_contiguous: count copies of oldtype back to back. Its layout is the old type's
 * repeated with no new gaps, so every layer that moves `count * extent` bytes (point-to-point,
 * collectives) carries it unchanged. Other constructors, which make holes, need the pack engine.
 */
#include "datatype/datatype_ops.h"

#include "core/errcode.h"

#include <stdlib.h>

int mpr_type_contiguous(int count, const struct mpr_datatype *old, struct mpr_datatype **out)
{
    struct mpr_datatype *t = calloc(1, sizeof(*t));

    if (!t) {
        return -MPR_ERR_NOMEM;
    }
    t->magic = MPR_DATATYPE_MAGIC;
    t->size = (MPI_Count)count * old->size;
    t->lb = old->lb;
    t->extent = (MPI_Aint)count * old->extent;
    t->true_lb = old->true_lb;
    t->true_extent = count ? (MPI_Aint)(count - 1) * old->extent + old->true_extent : 0;
    t->alignment = old->alignment;
    t->combiner = MPI_COMBINER_CONTIGUOUS;
    t->refcount = 1;
    t->kind = MPR_DT_DERIVED;
    t->scalar = MPR_SCALAR_NONE;
    /* A derived type has no name until MPI_Type_set_name gives it one. */
    *out = t;
    return 0;
}

void mpr_type_release(struct mpr_datatype *t)
{
    if (t->combiner != MPI_COMBINER_NAMED && --t->refcount == 0) {
        t->magic = 0;
        free(t);
    }
}
