/* tt.h — what the transport conformance programs (tests/transport) share, on top of the
 * point-to-point helpers of pt.h (failure core, seeded data streams, status checks; found through
 * the include path). Plain MPI C API only: every program also builds with another MPI's mpicc.
 *
 * Every program pairs each rank with every rank, itself included, in ring steps s = 0 .. n-1
 * (send to rank + s, receive from rank - s). So one rank alone exercises the self transport, and a
 * mixed job (shm to some peers, the fabric to others) runs self, shm and fabric pairs at once.
 * On a mismatch a program prints "FAIL <prog> rank R: reason" and calls MPI_Abort; on success
 * rank 0 prints one line "PASS <prog> n=N: details". */
#ifndef TT_H
#define TT_H

#include "pt.h"

/* The eager/rendezvous boundary to test around: MPR_EAGER_LIMIT if set, else mpr's default.
 * (Other MPIs have other limits; the fixed sizes each program also uses cover theirs.) */
static inline int tt_eager_limit(void)
{
    const char *s = getenv("MPR_EAGER_LIMIT");
    long v = s ? strtol(s, NULL, 0) : 0;
    return v > 0 && v <= (1 << 24) ? (int)v : 65536;
}

/* Ring step s: the rank this one sends to, and the one it receives from. */
static inline int tt_to(int s)
{
    return (tc_rank + s) % tc_size;
}
static inline int tt_from(int s)
{
    return (tc_rank - s + tc_size) % tc_size;
}

/* argv[i] as a count >= 1, else def. */
static inline long tt_arg(int argc, char **argv, int i, long def)
{
    if (argc <= i)
        return def;
    char *end = NULL;
    long v = strtol(argv[i], &end, 0);
    if (!end || *end || v < 1)
        tc_fail("argument %d: '%s' is not a count >= 1", i, argv[i]);
    return v;
}

/* The seed of message i of round `round` from rank src to rank dst. */
static inline uint64_t tt_seed(int round, int src, int dst, long i)
{
    return ((uint64_t)round << 56) ^ ((uint64_t)src << 44) ^ ((uint64_t)dst << 32) ^ (uint64_t)i;
}

/* Receive-side data check of a message made by pt_fill(seed). */
static inline void tt_verify(const void *buf, size_t len, uint64_t seed, const char *what)
{
    long long bad = pt_verify(buf, len, seed);
    TC_CHECK(bad < 0, "%s: byte %lld of %zu differs (overtaken, misplaced or corrupt)", what, bad,
             len);
}

/* A buffer kept from round to round. First touching fresh pages (a page fault each 4 KiB) costs
 * more than moving the bytes in some VMs, so the programs allocate once and reuse. */
struct tt_buf {
    unsigned char *p;
    size_t cap;
};

static inline unsigned char *tt_buf_get(struct tt_buf *b, size_t n)
{
    if (n > b->cap) {
        free(b->p);
        b->p = pt_malloc(n);
        b->cap = n;
    }
    return b->p;
}

/* Ends the program: a barrier, rank 0's PASS line, MPI_Finalize. */
#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static void
tt_pass(const char *fmt, ...)
{
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    if (tc_rank == 0) {
        va_list ap;
        printf("PASS %s n=%d: ", tc_prog, tc_size);
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
        printf("\n");
        fflush(stdout);
    }
    TC_OK(MPI_Finalize());
}

#endif
