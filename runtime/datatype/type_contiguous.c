/* MPI_Type_contiguous: count copies of oldtype back to back (one block of `count` elements). */
#include "datatype/type_build.h"

int mpr_type_contiguous(int count, struct mpr_datatype *old, struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_CONTIGUOUS, 1, 0, 1);
    struct mpr_type_build b;

    mpr_tb_init(&b);
    if (c) {
        c->ints[0] = count;
        c->types[0] = old;
    }
    return mpr_tb_finish(&b, mpr_tb_place(&b, old, 0, count, 1, 0), c, out);
}
