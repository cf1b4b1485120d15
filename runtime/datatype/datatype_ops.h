/*
 * Datatype constructors, lifetime and queries, as runtime/api/ calls them. Arguments are checked
 * there; these return 0 or a negative MPR_ERR_* (-MPR_ERR_NOMEM) and set *out only on success.
 * New types are uncommitted with a reference count of 1.
 */
#ifndef MPR_DATATYPE_OPS_H
#define MPR_DATATYPE_OPS_H

#include "datatype/datatype.h"

/* What MPI_Type_get_envelope / MPI_Type_get_contents return: the constructor's arguments. */
struct mpr_dt_contents {
    int combiner;
    int nints, naddrs, ntypes;
    int *ints;
    MPI_Aint *addrs;
    struct mpr_datatype **types; /* each holds a reference */
};

int mpr_type_contiguous(int count, struct mpr_datatype *old, struct mpr_datatype **out);
int mpr_type_vector(int count, int blocklength, int stride, struct mpr_datatype *old,
                    struct mpr_datatype **out);
int mpr_type_hvector(int count, int blocklength, MPI_Aint stride, struct mpr_datatype *old,
                     struct mpr_datatype **out);
int mpr_type_indexed(int count, const int blocklengths[], const int displs[],
                     struct mpr_datatype *old, struct mpr_datatype **out);
int mpr_type_hindexed(int count, const int blocklengths[], const MPI_Aint displs[],
                      struct mpr_datatype *old, struct mpr_datatype **out);
int mpr_type_indexed_block(int count, int blocklength, const int displs[], struct mpr_datatype *old,
                           struct mpr_datatype **out);
int mpr_type_hindexed_block(int count, int blocklength, const MPI_Aint displs[],
                            struct mpr_datatype *old, struct mpr_datatype **out);
int mpr_type_struct(int count, const int blocklengths[], const MPI_Aint displs[],
                    struct mpr_datatype *const types[], struct mpr_datatype **out);
/* Sizes, subsizes and starts as checked by the API: subsizes >= 1, starts within sizes. */
int mpr_type_subarray(int ndims, const int sizes[], const int subsizes[], const int starts[],
                      int order, struct mpr_datatype *old, struct mpr_datatype **out);
int mpr_type_resized(struct mpr_datatype *old, MPI_Aint lb, MPI_Aint extent,
                     struct mpr_datatype **out);
int mpr_type_dup(struct mpr_datatype *old, struct mpr_datatype **out);

/* References: a type is freed when the last one is dropped. No-ops on predefined types. */
void mpr_type_retain(struct mpr_datatype *t);
void mpr_type_release(struct mpr_datatype *t);

/*
 * Basic elements in the first `bytes` bytes of the packed form of count elements of t (as many
 * as fit): MPI_Get_elements. -1 when the bytes end inside a basic element.
 */
MPI_Count mpr_type_elements(const struct mpr_datatype *t, MPI_Count bytes);
/* The inverse (MPI_Status_set_elements): bytes of the packed form that hold n basic elements. */
MPI_Count mpr_type_elements_bytes(const struct mpr_datatype *t, MPI_Count n);

#endif
