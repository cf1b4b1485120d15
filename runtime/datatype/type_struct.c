/*
 * MPI_Type_create_struct: blocks of possibly different types at byte displacements, in the
 * order listed. Its extent is rounded up to a multiple of the largest alignment among the
 * member types (MPI 3.1 4.1.6), so that an array of the struct type matches an array of the C
 * struct it describes, trailing padding included; an explicit upper bound (a resized member)
 * turns the rounding off.
 */
#include "datatype/type_build.h"

#include <string.h>

int mpr_type_struct(int count, const int blocklengths[], const MPI_Aint displs[],
                    struct mpr_datatype *const types[], struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_STRUCT, count + 1, count, count);
    struct mpr_type_build b;
    int rc = 0;

    mpr_tb_init(&b);
    b.is_struct = 1;
    for (int i = 0; i < count && rc == 0; i++) {
        rc = mpr_tb_place(&b, types[i], displs[i], blocklengths[i], 1, 0);
    }
    if (c) {
        c->ints[0] = count;
        memcpy(c->ints + 1, blocklengths, (size_t)count * sizeof(int));
        memcpy(c->addrs, displs, (size_t)count * sizeof(MPI_Aint));
        memcpy(c->types, types, (size_t)count * sizeof(*types));
    }
    return mpr_tb_finish(&b, rc, c, out);
}
