/*
 * MPI_Type_indexed, MPI_Type_create_hindexed, MPI_Type_create_indexed_block and
 * MPI_Type_create_hindexed_block: blocks of oldtype elements at listed displacements (in
 * elements of oldtype, or in bytes for the h- forms), in the order listed: that order, not the
 * addresses, is the packed order. Evenly spaced blocks of one length merge into one strided run.
 */
#include "datatype/type_build.h"

#include <string.h>

/* Block i: bls[i] elements (bl when bls is NULL) at idispls[i] elements or adispls[i] bytes. */
struct blocks {
    int count;
    const int *bls;
    int bl;
    const int *idispls;
    const MPI_Aint *adispls;
};

static int indexed(const struct blocks *k, struct mpr_dt_contents *c, struct mpr_datatype *old,
                   struct mpr_datatype **out)
{
    struct mpr_type_build b;
    int rc = 0;

    mpr_tb_init(&b);
    for (int i = 0; i < k->count && rc == 0; i++) {
        MPI_Aint d = k->idispls ? (MPI_Aint)k->idispls[i] * old->extent : k->adispls[i];
        rc = mpr_tb_place(&b, old, d, k->bls ? k->bls[i] : k->bl, 1, 0);
    }
    if (c) {
        c->types[0] = old;
    }
    return mpr_tb_finish(&b, rc, c, out);
}

int mpr_type_indexed(int count, const int blocklengths[], const int displs[],
                     struct mpr_datatype *old, struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_INDEXED, 2 * count + 1, 0, 1);
    struct blocks k = {count, blocklengths, 0, displs, NULL};

    if (c) {
        c->ints[0] = count;
        memcpy(c->ints + 1, blocklengths, (size_t)count * sizeof(int));
        memcpy(c->ints + 1 + count, displs, (size_t)count * sizeof(int));
    }
    return indexed(&k, c, old, out);
}

int mpr_type_hindexed(int count, const int blocklengths[], const MPI_Aint displs[],
                      struct mpr_datatype *old, struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_HINDEXED, count + 1, count, 1);
    struct blocks k = {count, blocklengths, 0, NULL, displs};

    if (c) {
        c->ints[0] = count;
        memcpy(c->ints + 1, blocklengths, (size_t)count * sizeof(int));
        memcpy(c->addrs, displs, (size_t)count * sizeof(MPI_Aint));
    }
    return indexed(&k, c, old, out);
}

int mpr_type_indexed_block(int count, int blocklength, const int displs[], struct mpr_datatype *old,
                           struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_INDEXED_BLOCK, count + 2, 0, 1);
    struct blocks k = {count, NULL, blocklength, displs, NULL};

    if (c) {
        c->ints[0] = count;
        c->ints[1] = blocklength;
        memcpy(c->ints + 2, displs, (size_t)count * sizeof(int));
    }
    return indexed(&k, c, old, out);
}

int mpr_type_hindexed_block(int count, int blocklength, const MPI_Aint displs[],
                            struct mpr_datatype *old, struct mpr_datatype **out)
{
    struct mpr_dt_contents *c = mpr_dt_contents_new(MPI_COMBINER_HINDEXED_BLOCK, 2, count, 1);
    struct blocks k = {count, NULL, blocklength, NULL, displs};

    if (c) {
        c->ints[0] = count;
        c->ints[1] = blocklength;
        memcpy(c->addrs, displs, (size_t)count * sizeof(MPI_Aint));
    }
    return indexed(&k, c, old, out);
}
