/*
 * MPI_Get_elements on a receive that may have stopped anywhere: how many basic elements the
 * first `bytes` bytes of the packed form hold. Whole elements of the type count nelem each; the
 * rest is one element's prefix, counted through the constructor's children in type map order
 * (every constructor lays out a sequence of elements of its old types), down to the basic
 * element where it ends. Ending inside a basic element gives -1 (MPI_UNDEFINED).
 */
#include "datatype/datatype_ops.h"

/* Basic elements in the first `bytes` (0 <= bytes < t->packed) of one element of t; or -1. */
static MPI_Count prefix(const struct mpr_datatype *t, MPI_Count bytes)
{
    const struct mpr_dt_contents *c = t->contents;
    MPI_Count n = 0;

    if (bytes == 0) {
        return 0;
    }
    if (!c) {
        return -1; /* inside a predefined element */
    }
    for (int i = 0; i < c->ntypes; i++) {
        const struct mpr_datatype *k = c->types[i];
        /* A struct lists a block length per type; the others repeat their one old type. */
        MPI_Count reps = c->combiner == MPI_COMBINER_STRUCT
                             ? c->ints[1 + i]
                             : (k->packed ? t->packed / k->packed : 0);
        MPI_Count whole;
        if (k->packed == 0 || reps <= 0) {
            continue;
        }
        whole = bytes / k->packed;
        if (whole >= reps) {
            n += reps * k->nelem;
            bytes -= reps * k->packed;
            continue;
        }
        n += whole * k->nelem;
        bytes -= whole * k->packed;
        if (bytes == 0) {
            return n;
        }
        whole = prefix(k, bytes);
        return whole < 0 ? -1 : n + whole;
    }
    return bytes == 0 ? n : -1;
}

MPI_Count mpr_type_elements(const struct mpr_datatype *t, MPI_Count bytes)
{
    MPI_Count whole, rest;

    if (t->packed == 0) {
        return 0;
    }
    whole = bytes / t->packed;
    rest = prefix(t, bytes % t->packed);
    return rest < 0 ? -1 : whole * t->nelem + rest;
}

/* Bytes of the first `n` basic elements (0 <= n < t->nelem) of one element of t. */
static MPI_Count prefix_bytes(const struct mpr_datatype *t, MPI_Count n)
{
    const struct mpr_dt_contents *c = t->contents;
    MPI_Count bytes = 0;

    if (n == 0 || !c) {
        /* a predefined element is basic (pair types: the pair counts as a whole) */
        return n == 0 ? 0 : t->packed * n / (t->nelem ? t->nelem : 1);
    }
    for (int i = 0; i < c->ntypes && n > 0; i++) {
        const struct mpr_datatype *k = c->types[i];
        MPI_Count reps = c->combiner == MPI_COMBINER_STRUCT
                             ? c->ints[1 + i]
                             : (k->packed ? t->packed / k->packed : 0);
        MPI_Count whole;
        if (k->nelem == 0 || reps <= 0) {
            continue;
        }
        if (n >= reps * k->nelem) {
            n -= reps * k->nelem;
            bytes += reps * k->packed;
            continue;
        }
        whole = n / k->nelem;
        return bytes + whole * k->packed + prefix_bytes(k, n - whole * k->nelem);
    }
    return bytes;
}

MPI_Count mpr_type_elements_bytes(const struct mpr_datatype *t, MPI_Count n)
{
    if (t->nelem == 0) {
        return 0;
    }
    return n / t->nelem * t->packed + prefix_bytes(t, n % t->nelem);
}
