// include/mpi.h must also compile as C++: the same checks as the C build, with C++ linkage rules.
#include "header_check.c"
