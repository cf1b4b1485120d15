/*
 * The flattened form of a datatype, and the pack engine that walks it.
 *
 * One element of a type is a list of runs, in type map order. A run is `count` blocks, block i
 * at `disp + i * stride` from the element's origin; a block is either `len` contiguous bytes
 * (sub == NULL, a leaf run) or one element of another flat (`sub`, whose packed size is `len`).
 * The packed form of an element is its runs' blocks back to back.
 *
 * Building merges as it goes (type_flatten.c): blocks that continue each other become one block,
 * equally spaced blocks of one length become one strided run, and a repeated multi-run layout
 * becomes one run over a shared sub-flat instead of a copy per repetition. So a vector is one
 * run, a 2-D subarray one run, a struct of a few fields a few runs, whatever the counts.
 *
 * Flats are immutable once built and reference counted (a run holds a reference on its sub).
 * Predefined types have static one-block flats that are never freed.
 */
#ifndef MPR_FLAT_H
#define MPR_FLAT_H

#include "datatype/datatype.h"

#include <mpi.h>
#include <stddef.h>

struct mpr_dt_run {
    MPI_Aint disp;           /* of block 0, from the element's origin */
    MPI_Aint stride;         /* between blocks; 0 when count == 1 */
    MPI_Count count;         /* blocks, >= 1 */
    MPI_Count len;           /* packed bytes of one block, >= 1 */
    struct mpr_dt_flat *sub; /* NULL: a block is len bytes; else one element of sub */
};

struct mpr_dt_flat {
    int refs; /* static flats of predefined types start at 1 and are never released */
    int nruns;
    MPI_Count packed; /* sum of count * len over the runs */
    struct mpr_dt_run *runs;
};

/* ---- building (type_flatten.c) ---- */

/* A flat under construction: runs appended in type map order, merged on the way. */
struct mpr_flat_builder {
    struct mpr_dt_run *runs;
    int nruns, cap;
    MPI_Count packed;
};

void mpr_flat_builder_init(struct mpr_flat_builder *fb);
/* Free what a builder holds when it is abandoned (after an error). */
void mpr_flat_builder_discard(struct mpr_flat_builder *fb);
/*
 * Append `count` blocks, block i at disp + i * stride, each block `n` consecutive elements of
 * `child` (child->extent apart). 0 or -MPR_ERR_NOMEM.
 */
int mpr_flat_place(struct mpr_flat_builder *fb, const struct mpr_datatype *child, MPI_Aint disp,
                   MPI_Count n, MPI_Count count, MPI_Aint stride);
/* Append `count` copies of f, copy i at disp + i * stride. 0 or -MPR_ERR_NOMEM. */
int mpr_flat_repeat(struct mpr_flat_builder *fb, struct mpr_dt_flat *f, MPI_Aint disp,
                    MPI_Count count, MPI_Aint stride);
/* The finished flat (refs 1); the builder is empty afterwards. 0 or -MPR_ERR_NOMEM. */
int mpr_flat_finish(struct mpr_flat_builder *fb, struct mpr_dt_flat **out);

void mpr_flat_retain(struct mpr_dt_flat *f);
void mpr_flat_release(struct mpr_dt_flat *f);

/* Whether f is a single block of bytes; *disp is where it starts. */
int mpr_flat_one_block(const struct mpr_dt_flat *f, MPI_Aint *disp);

/* ---- packing (pack.c) ---- */

/*
 * Copy bytes [offset, offset + len) of the packed form of `count` elements of dt laid out at
 * buf (buf may be MPI_BOTTOM for absolute displacements) into out, or back from in. The range
 * must lie within count * dt->packed. Partial ranges let a truncated receive unpack exactly
 * what arrived and a large transfer go in pieces.
 */
void mpr_dt_pack(const struct mpr_datatype *dt, MPI_Count count, const void *buf, void *out,
                 MPI_Count offset, MPI_Count len);
void mpr_dt_unpack(const struct mpr_datatype *dt, MPI_Count count, void *buf, const void *in,
                   MPI_Count offset, MPI_Count len);
/*
 * Copy the data (only the bytes of the type map) of count elements of dt from src to dst, both
 * laid out as dt describes: gaps in dst are left alone.
 */
void mpr_dt_copy(const struct mpr_datatype *dt, MPI_Count count, void *dst, const void *src);

#endif
