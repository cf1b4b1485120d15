/* Object names for the MPI_*_set_name / MPI_*_get_name functions of every chapter. */
#ifndef MPR_API_NAME_H
#define MPR_API_NAME_H

#include <mpi.h>
#include <string.h>

/*
 * Copy `src` into `dst`, a buffer of MPI_MAX_OBJECT_NAME bytes, truncating as the standard allows
 * for names that are too long. Returns the length stored, without the terminating NUL.
 */
static inline size_t mpr_api_copy_name(char *dst, const char *src)
{
    const char *nul = memchr(src, '\0', MPI_MAX_OBJECT_NAME - 1);
    size_t len = nul != NULL ? (size_t)(nul - src) : MPI_MAX_OBJECT_NAME - 1;

    memmove(dst, src, len);
    dst[len] = '\0';
    return len;
}

#endif
