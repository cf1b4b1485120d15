/*
 * The C layouts of the value + index pair types (MPI_FLOAT_INT, MPI_DOUBLE_INT, ...): the
 * predefined type table takes their sizes and extents from these, and the MAXLOC/MINLOC kernels
 * walk arrays of them, so both see one definition.
 */
#ifndef MPR_PAIR_TYPES_H
#define MPR_PAIR_TYPES_H

struct float_int {
    float v;
    int i;
};
struct double_int {
    double v;
    int i;
};
struct long_int {
    long v;
    int i;
};
struct int_int {
    int v;
    int i;
};
struct short_int {
    short v;
    int i;
};
struct long_double_int {
    long double v;
    int i;
};
struct float_float {
    float v;
    float i;
};
struct double_double {
    double v;
    double i;
};

#endif
