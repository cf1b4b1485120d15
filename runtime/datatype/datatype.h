/*
 * Datatypes. A datatype describes a layout of typed elements in memory. Predefined types are
 * static objects in type_predefined.c (their addresses are the MPI_INT... handles); derived types
 * are allocated by the type constructors (type_*.c) and reference counted: a derived type holds
 * a reference on every type it was built from, and a pending operation that still has to unpack
 * into a type's layout holds one on that type.
 *
 * `kind` is what reductions check: MPI allows each predefined op only on some kinds (MPI 3.1,
 * section 5.9.2). `scalar` is the C type the reduction kernels in runtime/op/ dispatch on. A
 * derived type reduces as its `base` type when it has one.
 *
 * Every type has a flattened form (`flat`, datatype/flat.h): the byte blocks of one element in
 * type map order, which the pack engine (pack.c) walks. The packed form of an element, also what
 * travels on the wire, is those blocks back to back: `packed` bytes.
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

struct mpr_dt_flat;
struct mpr_dt_contents;

struct mpr_datatype {
    uint64_t magic;
    MPI_Count size;   /* bytes of data in one element, gaps excluded */
    MPI_Aint lb;      /* lower bound */
    MPI_Aint extent;  /* distance between consecutive elements: ub - lb */
    MPI_Aint true_lb; /* bounds of the bytes actually touched, ignoring resizing */
    MPI_Aint true_extent;
    int alignment; /* of the C type, for struct layouts; the largest member's for derived types */
    int combiner;  /* MPI_COMBINER_NAMED for predefined types */
    int committed; /* predefined types are always committed */
    int refcount;  /* predefined types are never freed */
    /*
     * 1 when count elements at buf, for any count, are one block of count * packed bytes
     * starting at buf + true_lb: moved as they are, never packed. All predefined types are.
     */
    int contig;
    /* 1 when one element is one block of `packed` bytes at buf + true_lb (contig types are):
     * a single element moves as it is, like a subarray row. */
    int block1;
    /* Explicit bounds (MPI 3.1 4.1.7): set by MPI_Type_create_resized, inherited by the types
     * built on it; an explicit bound overrides the one the data would give. */
    int lb_marked;
    int ub_marked;
    enum mpr_dt_kind kind;
    enum mpr_dt_scalar scalar;
    MPI_Count packed; /* bytes of one element packed and on the wire (predefined: extent) */
    MPI_Count nelem;  /* predefined (basic) elements in one element: MPI_Get_elements */
    /* The predefined type every basic element is (itself for a predefined type), or NULL when
     * they differ or there are none. A derived type with one reduces as that type. */
    const struct mpr_datatype *base;
    struct mpr_dt_flat *flat;         /* the blocks of one element, in type map order */
    struct mpr_dt_contents *contents; /* constructor arguments; NULL for predefined types */
    /* A contiguous stand-in with extent `packed`, for collectives run on packed copies; NULL
     * for types that are contig themselves. Owned by this type. */
    struct mpr_datatype *twin;
    char name[MPI_MAX_OBJECT_NAME]; /* MPI_Type_set_name may change it, even for predefined ones */
};

/*
 * Bytes one element occupies in a contiguous buffer: its extent. For predefined types this is
 * also what moves on the wire (the pair types with padding, MPI_DOUBLE_INT..., move the padding
 * too: the copy stays one block and both ends of a node share the layout). The collective
 * layer sizes its buffers with it; it only ever sees contig types.
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

/* Whether count elements of dt are one block of bytes that can move without packing. */
static inline int mpr_datatype_direct(const struct mpr_datatype *dt, MPI_Count count)
{
    return dt->contig || (count == 1 && dt->block1);
}

/* Where the data of a direct type starts in a buffer (buf may be MPI_BOTTOM). */
static inline void *mpr_datatype_data(const void *buf, const struct mpr_datatype *dt)
{
    return (void *)((uintptr_t)buf + (uintptr_t)dt->true_lb);
}

#endif
