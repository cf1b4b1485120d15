/*
 * MPI_Type_vector and MPI_Type_create_hvector: count blocks of blocklength elements, the blocks
 * a stride apart (in elements of oldtype for vector, in bytes for hvector). One placement: the
 * flat is one strided run for any count when oldtype is one block.
 */
#include "datatype/type_build.h"

static int vector(int count, int blocklength, MPI_Aint stride_bytes, struct mpr_dt_contents *c,
                  struct mpr_datatype *old, struct mpr_datatype **out)
{
    struct mpr_type_build b;

    mpr_tb_init(&b);
    if (c) {
        c->ints[0] = count;
        c->ints[1] = blocklength;
        c->types[0] = old;
    }
    return mpr_tb_finish(&b, mpr_tb_place(&b, old, 0, blocklength, count, stride_bytes), c, out);
}

int mpr_type_vector(int count, int blocklength, int stride, struct mpr_datatype *old,
                    struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_VECTOR, 3, 0, 1);

    if (c) {
        c->ints[2] = stride;
    }
    return vector(count, blocklength, (MPI_Aint)stride * old->extent, c, old, out);
}

int mpr_type_hvector(int count, int blocklength, MPI_Aint stride, struct mpr_datatype *old,
                     struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_HVECTOR, 2, 1, 1);

    if (c) {
        c->addrs[0] = stride;
    }
    return vector(count, blocklength, stride, c, old, out);
}
