/*
 * Building a derived type (type_build.c), shared by the constructors in type_*.c. A constructor
 * places its children (blocks of consecutive elements of an old type at displacements) into a
 * builder, which tracks the flat, size, basic elements, base type and bounds as it goes, then
 * finishes the type with the constructor's arguments as its contents.
 *
 * Bounds follow MPI 3.1 4.1: the lower bound is the least displacement of the data, the upper
 * bound the greatest end, unless some child carries explicit bounds (a resized type, or one
 * built on it): then the explicit ones decide (4.1.7). A child placed at offset d contributes
 * its own lb/ub shifted by d, so padding a child type carries (a struct's alignment, a resized
 * extent) carries into the types built on it. A struct rounds its extent up to a multiple of its
 * largest member alignment (the epsilon of 4.1.6) unless its upper bound is explicit.
 */
#ifndef MPR_TYPE_BUILD_H
#define MPR_TYPE_BUILD_H

#include "datatype/datatype_ops.h"
#include "datatype/flat.h"

struct mpr_type_build {
    struct mpr_flat_builder fb;
    MPI_Count size, packed, nelem;
    int alignment;
    const struct mpr_datatype *base;
    int base_set;    /* base holds the first basic type seen (NULL once two differ) */
    int any;         /* some child with data or explicit bounds was placed */
    MPI_Aint lb, ub; /* the children's bounds, shifted: the bounds without markers */
    int lb_marked, ub_marked;
    MPI_Aint mlb, mub; /* the least explicit lb, the greatest explicit ub */
    int any_data;
    MPI_Aint tlb, tub; /* true bounds: first and one past the last byte of data */
    int is_struct;     /* round the extent to the largest alignment (MPI 3.1 4.1.6) */
};

void mpr_tb_init(struct mpr_type_build *b);
/*
 * Place `count` blocks, block i at disp + i * stride (bytes), each `n` consecutive elements of
 * child. 0 or -MPR_ERR_NOMEM.
 */
int mpr_tb_place(struct mpr_type_build *b, const struct mpr_datatype *child, MPI_Aint disp,
                 MPI_Count n, MPI_Count count, MPI_Aint stride);
/* Count n elements of child in size, basic elements and base type, without placing them. */
void mpr_tb_account(struct mpr_type_build *b, const struct mpr_datatype *child, MPI_Count n);

/*
 * Constructor arguments for MPI_Type_get_contents: arrays to fill, zeroed. NULL when out of
 * memory. The types are not referenced until mpr_tb_finish takes them.
 */
struct mpr_dt_contents *mpr_dt_contents_new(int combiner, int nints, int naddrs, int ntypes);

/*
 * The new type (uncommitted, refcount 1) from what was placed, if rc (the placing's result) is 0.
 * Takes c (freed on failure) and empties b in every case. 0 or -MPR_ERR_NOMEM.
 */
int mpr_tb_finish(struct mpr_type_build *b, int rc, struct mpr_dt_contents *c,
                  struct mpr_datatype **out);

#endif
