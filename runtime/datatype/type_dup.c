/*
 * MPI_Type_dup: a new handle on the same layout (bounds, markers, flat shape and base type all
 * come out as oldtype's). The name is not copied: it belongs to the handle.
 */
#include "datatype/type_build.h"

int mpr_type_dup(struct mpr_datatype *old, struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_DUP, 0, 0, 1);
    struct mpr_type_build b;

    mpr_tb_init(&b);
    if (c) {
        c->types[0] = old;
    }
    return mpr_tb_finish(&b, mpr_tb_place(&b, old, 0, 1, 1, 0), c, out);
}
