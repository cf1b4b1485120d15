/*
 * MPI_Type_create_resized: oldtype's data with explicit bounds lb and lb + extent (MPI 3.1
 * 4.1.7). The explicit bounds carry into every type built on this one. A resize that makes the
 * elements abut keeps the type contig: an array of resized doubles moves as one block.
 */
#include "datatype/type_build.h"

int mpr_type_resized(struct mpr_datatype *old, MPI_Aint lb, MPI_Aint extent,
                     struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_RESIZED, 0, 2, 1);
    struct mpr_type_build b;
    int rc;

    mpr_tb_init(&b);
    rc = mpr_tb_place(&b, old, 0, 1, 1, 0);
    b.any = b.lb_marked = b.ub_marked = 1;
    b.mlb = lb;
    b.mub = lb + extent;
    if (c) {
        c->addrs[0] = lb;
        c->addrs[1] = extent;
        c->types[0] = old;
    }
    return mpr_tb_finish(&b, rc, c, out);
}
