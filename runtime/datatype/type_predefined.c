/*
 * The predefined datatypes: one static object per MPI_<TYPE> handle of mpi.h. Sizes and
 * alignments come from the C compiler, so the table holds on every ABI the library builds for.
 * Each is its own base type and one basic element, with a static one-block flat (refs 0: never
 * counted) of extent bytes, so derived types place predefined and derived children alike.
 */
#include "datatype/datatype.h"
#include "datatype/flat.h"
#include "datatype/pair_types.h"

#include <complex.h>
#include <limits.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

/* The integer scalar of a C integer type of the given size and signedness. */
#define INT_SCALAR(size, is_signed)                                                                \
    ((size) == 1   ? ((is_signed) ? MPR_SCALAR_INT8 : MPR_SCALAR_UINT8)                            \
     : (size) == 2 ? ((is_signed) ? MPR_SCALAR_INT16 : MPR_SCALAR_UINT16)                          \
     : (size) == 4 ? ((is_signed) ? MPR_SCALAR_INT32 : MPR_SCALAR_UINT32)                          \
                   : ((is_signed) ? MPR_SCALAR_INT64 : MPR_SCALAR_UINT64))

/* The static flat of a predefined type: one block of `bytes` at displacement 0. */
#define LEAF_FLAT(var, bytes)                                                                      \
    static struct mpr_dt_run var##_run = {0, 0, 1, (bytes), NULL};                                 \
    static struct mpr_dt_flat var##_flat = {0, 1, (bytes), &var##_run}

/* A type made of one C object of type `ctype`: size, extent and true extent are all its size. */
#define SCALAR_TYPE(var, mpiname, ctype, dtkind, dtscalar)                                         \
    LEAF_FLAT(var, sizeof(ctype));                                                                 \
    struct mpr_datatype var = {                                                                    \
        .magic = MPR_DATATYPE_MAGIC,                                                               \
        .size = sizeof(ctype),                                                                     \
        .extent = sizeof(ctype),                                                                   \
        .true_extent = sizeof(ctype),                                                              \
        .alignment = alignof(ctype),                                                               \
        .combiner = MPI_COMBINER_NAMED,                                                            \
        .committed = 1,                                                                            \
        .refcount = 1,                                                                             \
        .contig = 1,                                                                               \
        .block1 = 1,                                                                               \
        .kind = dtkind,                                                                            \
        .scalar = dtscalar,                                                                        \
        .packed = sizeof(ctype),                                                                   \
        .nelem = 1,                                                                                \
        .base = &var,                                                                              \
        .flat = &var##_flat,                                                                       \
        .name = mpiname,                                                                           \
    }

#define INT_TYPE(var, mpiname, ctype, is_signed)                                                   \
    SCALAR_TYPE(var, mpiname, ctype, MPR_DT_INTEGER, INT_SCALAR(sizeof(ctype), is_signed))

/*
 * A value + index pair laid out as the C struct `pairtype` { v; i; }: the data is the two
 * members (size), the extent includes the struct's trailing padding, as MPI 3.1 section 5.9.4
 * requires for arrays of pairs.
 */
#define PAIR_TYPE(var, mpiname, pairtype, dtscalar)                                                \
    LEAF_FLAT(var, sizeof(pairtype));                                                              \
    struct mpr_datatype var = {                                                                    \
        .magic = MPR_DATATYPE_MAGIC,                                                               \
        .size = sizeof(((pairtype *)0)->v) + sizeof(((pairtype *)0)->i),                           \
        .extent = sizeof(pairtype),                                                                \
        .true_extent = offsetof(pairtype, i) + sizeof(((pairtype *)0)->i),                         \
        .alignment = alignof(pairtype),                                                            \
        .combiner = MPI_COMBINER_NAMED,                                                            \
        .committed = 1,                                                                            \
        .refcount = 1,                                                                             \
        .contig = 1,                                                                               \
        .block1 = 1,                                                                               \
        .kind = MPR_DT_PAIR,                                                                       \
        .scalar = dtscalar,                                                                        \
        .packed = sizeof(pairtype),                                                                \
        .nelem = 1,                                                                                \
        .base = &var,                                                                              \
        .flat = &var##_flat,                                                                       \
        .name = mpiname,                                                                           \
    }

/* C types. */
SCALAR_TYPE(mpr_mpi_char, "MPI_CHAR", char, MPR_DT_TEXT, INT_SCALAR(1, CHAR_MIN < 0));
INT_TYPE(mpr_mpi_short, "MPI_SHORT", short, 1);
INT_TYPE(mpr_mpi_int, "MPI_INT", int, 1);
INT_TYPE(mpr_mpi_long, "MPI_LONG", long, 1);
INT_TYPE(mpr_mpi_long_long_int, "MPI_LONG_LONG_INT", long long, 1);
INT_TYPE(mpr_mpi_signed_char, "MPI_SIGNED_CHAR", signed char, 1);
INT_TYPE(mpr_mpi_unsigned_char, "MPI_UNSIGNED_CHAR", unsigned char, 0);
INT_TYPE(mpr_mpi_unsigned_short, "MPI_UNSIGNED_SHORT", unsigned short, 0);
INT_TYPE(mpr_mpi_unsigned, "MPI_UNSIGNED", unsigned, 0);
INT_TYPE(mpr_mpi_unsigned_long, "MPI_UNSIGNED_LONG", unsigned long, 0);
INT_TYPE(mpr_mpi_unsigned_long_long, "MPI_UNSIGNED_LONG_LONG", unsigned long long, 0);
SCALAR_TYPE(mpr_mpi_float, "MPI_FLOAT", float, MPR_DT_FLOATING, MPR_SCALAR_FLOAT);
SCALAR_TYPE(mpr_mpi_double, "MPI_DOUBLE", double, MPR_DT_FLOATING, MPR_SCALAR_DOUBLE);
SCALAR_TYPE(mpr_mpi_long_double, "MPI_LONG_DOUBLE", long double, MPR_DT_FLOATING,
            MPR_SCALAR_LONG_DOUBLE);
SCALAR_TYPE(mpr_mpi_wchar, "MPI_WCHAR", wchar_t, MPR_DT_TEXT, MPR_SCALAR_NONE);
SCALAR_TYPE(mpr_mpi_c_bool, "MPI_C_BOOL", bool, MPR_DT_LOGICAL, MPR_SCALAR_BOOL);
INT_TYPE(mpr_mpi_int8_t, "MPI_INT8_T", int8_t, 1);
INT_TYPE(mpr_mpi_int16_t, "MPI_INT16_T", int16_t, 1);
INT_TYPE(mpr_mpi_int32_t, "MPI_INT32_T", int32_t, 1);
INT_TYPE(mpr_mpi_int64_t, "MPI_INT64_T", int64_t, 1);
INT_TYPE(mpr_mpi_uint8_t, "MPI_UINT8_T", uint8_t, 0);
INT_TYPE(mpr_mpi_uint16_t, "MPI_UINT16_T", uint16_t, 0);
INT_TYPE(mpr_mpi_uint32_t, "MPI_UINT32_T", uint32_t, 0);
INT_TYPE(mpr_mpi_uint64_t, "MPI_UINT64_T", uint64_t, 0);
INT_TYPE(mpr_mpi_aint, "MPI_AINT", MPI_Aint, 1);
INT_TYPE(mpr_mpi_count, "MPI_COUNT", MPI_Count, 1);
INT_TYPE(mpr_mpi_offset, "MPI_OFFSET", MPI_Offset, 1);
SCALAR_TYPE(mpr_mpi_c_float_complex, "MPI_C_FLOAT_COMPLEX", float _Complex, MPR_DT_COMPLEX,
            MPR_SCALAR_FLOAT_COMPLEX);
SCALAR_TYPE(mpr_mpi_c_double_complex, "MPI_C_DOUBLE_COMPLEX", double _Complex, MPR_DT_COMPLEX,
            MPR_SCALAR_DOUBLE_COMPLEX);
SCALAR_TYPE(mpr_mpi_c_long_double_complex, "MPI_C_LONG_DOUBLE_COMPLEX", long double _Complex,
            MPR_DT_COMPLEX, MPR_SCALAR_LONG_DOUBLE_COMPLEX);
SCALAR_TYPE(mpr_mpi_byte, "MPI_BYTE", unsigned char, MPR_DT_BYTE, MPR_SCALAR_UINT8);
SCALAR_TYPE(mpr_mpi_packed, "MPI_PACKED", unsigned char, MPR_DT_PACKED, MPR_SCALAR_NONE);

/* Pairs for MPI_MAXLOC and MPI_MINLOC. */
PAIR_TYPE(mpr_mpi_float_int, "MPI_FLOAT_INT", struct float_int, MPR_SCALAR_FLOAT_INT);
PAIR_TYPE(mpr_mpi_double_int, "MPI_DOUBLE_INT", struct double_int, MPR_SCALAR_DOUBLE_INT);
PAIR_TYPE(mpr_mpi_long_int, "MPI_LONG_INT", struct long_int, MPR_SCALAR_LONG_INT);
PAIR_TYPE(mpr_mpi_2int, "MPI_2INT", struct int_int, MPR_SCALAR_INT_INT);
PAIR_TYPE(mpr_mpi_short_int, "MPI_SHORT_INT", struct short_int, MPR_SCALAR_SHORT_INT);
PAIR_TYPE(mpr_mpi_long_double_int, "MPI_LONG_DOUBLE_INT", struct long_double_int,
          MPR_SCALAR_LONG_DOUBLE_INT);

/*
 * Fortran types as C sees them: INTEGER and LOGICAL are C int, REAL is float, DOUBLE PRECISION
 * is double (the gfortran defaults). A LOGICAL is true when nonzero.
 */
SCALAR_TYPE(mpr_mpi_character, "MPI_CHARACTER", char, MPR_DT_TEXT, INT_SCALAR(1, CHAR_MIN < 0));
INT_TYPE(mpr_mpi_integer, "MPI_INTEGER", int, 1);
SCALAR_TYPE(mpr_mpi_real, "MPI_REAL", float, MPR_DT_FLOATING, MPR_SCALAR_FLOAT);
SCALAR_TYPE(mpr_mpi_double_precision, "MPI_DOUBLE_PRECISION", double, MPR_DT_FLOATING,
            MPR_SCALAR_DOUBLE);
SCALAR_TYPE(mpr_mpi_logical, "MPI_LOGICAL", int, MPR_DT_LOGICAL, INT_SCALAR(sizeof(int), 1));
SCALAR_TYPE(mpr_mpi_complex, "MPI_COMPLEX", float _Complex, MPR_DT_COMPLEX,
            MPR_SCALAR_FLOAT_COMPLEX);
SCALAR_TYPE(mpr_mpi_double_complex, "MPI_DOUBLE_COMPLEX", double _Complex, MPR_DT_COMPLEX,
            MPR_SCALAR_DOUBLE_COMPLEX);
PAIR_TYPE(mpr_mpi_2integer, "MPI_2INTEGER", struct int_int, MPR_SCALAR_INT_INT);
PAIR_TYPE(mpr_mpi_2real, "MPI_2REAL", struct float_float, MPR_SCALAR_FLOAT_FLOAT);
PAIR_TYPE(mpr_mpi_2double_precision, "MPI_2DOUBLE_PRECISION", struct double_double,
          MPR_SCALAR_DOUBLE_DOUBLE);
INT_TYPE(mpr_mpi_integer1, "MPI_INTEGER1", int8_t, 1);
INT_TYPE(mpr_mpi_integer2, "MPI_INTEGER2", int16_t, 1);
INT_TYPE(mpr_mpi_integer4, "MPI_INTEGER4", int32_t, 1);
INT_TYPE(mpr_mpi_integer8, "MPI_INTEGER8", int64_t, 1);
SCALAR_TYPE(mpr_mpi_real4, "MPI_REAL4", float, MPR_DT_FLOATING, MPR_SCALAR_FLOAT);
SCALAR_TYPE(mpr_mpi_real8, "MPI_REAL8", double, MPR_DT_FLOATING, MPR_SCALAR_DOUBLE);
SCALAR_TYPE(mpr_mpi_complex8, "MPI_COMPLEX8", float _Complex, MPR_DT_COMPLEX,
            MPR_SCALAR_FLOAT_COMPLEX);
SCALAR_TYPE(mpr_mpi_complex16, "MPI_COMPLEX16", double _Complex, MPR_DT_COMPLEX,
            MPR_SCALAR_DOUBLE_COMPLEX);

/* C++ types: bool and std::complex<T> have the layout of C's bool and T _Complex. */
SCALAR_TYPE(mpr_mpi_cxx_bool, "MPI_CXX_BOOL", bool, MPR_DT_LOGICAL, MPR_SCALAR_BOOL);
SCALAR_TYPE(mpr_mpi_cxx_float_complex, "MPI_CXX_FLOAT_COMPLEX", float _Complex, MPR_DT_COMPLEX,
            MPR_SCALAR_FLOAT_COMPLEX);
SCALAR_TYPE(mpr_mpi_cxx_double_complex, "MPI_CXX_DOUBLE_COMPLEX", double _Complex, MPR_DT_COMPLEX,
            MPR_SCALAR_DOUBLE_COMPLEX);
SCALAR_TYPE(mpr_mpi_cxx_long_double_complex, "MPI_CXX_LONG_DOUBLE_COMPLEX", long double _Complex,
            MPR_DT_COMPLEX, MPR_SCALAR_LONG_DOUBLE_COMPLEX);
