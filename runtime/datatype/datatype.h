/*
 * Datatypes. A datatype describes a layout of typed elements in memory. Predefined types are
 * static objects in type_predefined.c (their addresses are the MPI_INT... handles); derived types
 * will be allocated and reference counted by the type constructors.
 *
 * `kind` is what reductions check: MPI allows each predefined op only on some kinds (MPI 3.1,
 * section 5.9.2). `scalar` is the C type the reduction kernels in runtime/op/ dispatch on.
 */
#ifndef MPR_DATATYPE_H
#define MPR_DATATYPE_H

#include <mpi.h>
#include <stdint.h>

/* "MPRdtyp1": catches stale or foreign handles. */
#define MPR_DATATYPE_MAGIC 0x4d50526474797031ull

enum mpr_dt_kind {
    MPR_DT_INTEGER,  /* C and Fortran integers: arithmetic, min/max and bitwise ops */
    MPR_DT_FLOATING, /* float, double, long double, REAL...: arithmetic and min/max */
    MPR_DT_COMPLEX,  /* C and Fortran complex: sum and prod only */
    MPR_DT_LOGICAL,  /* C_BOOL, LOGICAL, CXX_BOOL: logical ops only */
    MPR_DT_BYTE,     /* MPI_BYTE: bitwise ops only */
    MPR_DT_PAIR,     /* value + index pairs: MPI_MAXLOC and MPI_MINLOC only */
    MPR_DT_TEXT,     /* MPI_CHAR, MPI_WCHAR, MPI_CHARACTER: no reductions */
    MPR_DT_PACKED,   /* MPI_PACKED: no reductions */
    MPR_DT_DERIVED,  /* built by a type constructor: reductions look at its base type */
    MPR_DT_KIND_MAX
};

/* The C type of one element (of the value for pair types), for the reduction kernels. */
enum mpr_dt_scalar {
    MPR_SCALAR_NONE, /* no arithmetic meaning (packed, wchar, derived) */
    MPR_SCALAR_INT8,
    MPR_SCALAR_INT16,
    MPR_SCALAR_INT32,
    MPR_SCALAR_INT64,
    MPR_SCALAR_UINT8,
    MPR_SCALAR_UINT16,
    MPR_SCALAR_UINT32,
    MPR_SCALAR_UINT64,
    MPR_SCALAR_FLOAT,
    MPR_SCALAR_DOUBLE,
    MPR_SCALAR_LONG_DOUBLE,
    MPR_SCALAR_FLOAT_COMPLEX,
    MPR_SCALAR_DOUBLE_COMPLEX,
    MPR_SCALAR_LONG_DOUBLE_COMPLEX,
    MPR_SCALAR_BOOL,
    MPR_SCALAR_FLOAT_INT,       /* MPI_FLOAT_INT: struct { float; int; } */
    MPR_SCALAR_DOUBLE_INT,      /* MPI_DOUBLE_INT */
    MPR_SCALAR_LONG_INT,        /* MPI_LONG_INT */
    MPR_SCALAR_INT_INT,         /* MPI_2INT, MPI_2INTEGER */
    MPR_SCALAR_SHORT_INT,       /* MPI_SHORT_INT */
    MPR_SCALAR_LONG_DOUBLE_INT, /* MPI_LONG_DOUBLE_INT */
    MPR_SCALAR_FLOAT_FLOAT,     /* MPI_2REAL */
    MPR_SCALAR_DOUBLE_DOUBLE,   /* MPI_2DOUBLE_PRECISION */
    MPR_SCALAR_MAX
};

struct mpr_datatype {
    uint64_t magic;
    MPI_Count size;   /* bytes of data in one element, gaps excluded */
    MPI_Aint lb;      /* lower bound */
    MPI_Aint extent;  /* distance between consecutive elements: ub - lb */
    MPI_Aint true_lb; /* bounds of the bytes actually touched, ignoring resizing */
    MPI_Aint true_extent;
    int alignment; /* of the C type, for struct layouts */
    int combiner;  /* MPI_COMBINER_NAMED for predefined types */
    int committed; /* predefined types are always committed */
    int refcount;  /* predefined types are never freed */
    enum mpr_dt_kind kind;
    enum mpr_dt_scalar scalar;
    char name[MPI_MAX_OBJECT_NAME]; /* MPI_Type_set_name may change it, even for predefined ones */
};

/*
 * Bytes one element of a predefined type occupies in a contiguous buffer and on the wire: its
 * extent. It differs from `size` only for the pair types whose C struct has padding
 * (MPI_DOUBLE_INT, MPI_SHORT_INT, ...); moving the padding too keeps the copy one block, and both
 * ends of a node share the layout. Status counts are kept in these bytes. Derived types will
 * pack their data instead.
 */
static inline MPI_Count mpr_datatype_span(const struct mpr_datatype *dt)
{
    return dt->extent;
}

/* Datatype validity for argument checks: non-NULL and a live datatype object. */
static inline int mpr_datatype_ok(const struct mpr_datatype *dt)
{
    return dt != NULL && dt->magic == MPR_DATATYPE_MAGIC;
}

#endif
