/* mpt.h — tiny helpers shared by the tests/mpi programs. */
#ifndef MPT_H
#define MPT_H

#include <mpi.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int mpt_rank = -1;

/* Print "FAIL rank R: message" to stderr and exit 1. */
static inline void mpt_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL rank %d: ", mpt_rank);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fflush(stdout);
    exit(1);
}

#define MPT_CHECK(cond, ...)                                                                      \
    do {                                                                                          \
        if (!(cond)) mpt_fail(__VA_ARGS__);                                                       \
    } while (0)

/* Call an MPI function that must succeed. */
#define MPT_OK(call)                                                                              \
    do {                                                                                          \
        int mpt_rc_ = (call);                                                                     \
        if (mpt_rc_ != MPI_SUCCESS) mpt_fail("%s returned %d", #call, mpt_rc_);                   \
    } while (0)

/* Write a small text file atomically (write to a temporary name, then rename). */
static inline void mpt_write_file(const char *dir, const char *name, const char *fmt, ...)
{
    char tmp[4096], path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    snprintf(tmp, sizeof tmp, "%s/.%s.tmp", dir, name);
    FILE *f = fopen(tmp, "w");
    if (!f) mpt_fail("cannot create %s", tmp);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    if (fclose(f) != 0) mpt_fail("cannot write %s", tmp);
    if (rename(tmp, path) != 0) mpt_fail("cannot rename %s", tmp);
}

#endif
