/*
 * common.h: shared option parsing, buffers, data patterns and output for the OSU-style
 * point-to-point benchmarks (latency, bw, bibw, mr).
 *
 * Pure MPI API code plus C11/POSIX, so bench/compare can build the same source with mpr's mpcc,
 * Open MPI's mpicc and MPICH's mpicc.
 *
 * Common flags:
 *   -m MIN:MAX   message sizes in bytes, powers of two from MIN to MAX (also "-m MAX", "-m MIN:");
 *                suffixes K, M, G (x1024)
 *   -i ITERS     timed iterations per size (default: OSU-like, fewer above 8 KiB)
 *   -x WARMUP    untimed iterations per size before timing
 *   -W WINDOW    messages in flight per iteration (window benches only)
 *   -h           print usage and exit
 *
 * Output (rank 0 only): '#' header lines naming the benchmark, the value and its unit
 * ("# unit: us, lower is better"), then one "<bytes> <value>" row per size, 2 decimals.
 *
 * Correctness: once per size, outside the timed loop, the benchmark runs one more round with
 * fresh data patterns (different from the timed rounds, so stale data cannot pass) into poisoned
 * receive buffers and checks every received byte; a mismatch aborts the job with a message, so a
 * fast wrong answer never produces a figure.
 */
#ifndef MPR_BENCH_COMMON_H
#define MPR_BENCH_COMMON_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <mpi.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BENCH_LARGE_MESSAGE 8192          /* above this, the "large" iteration counts apply */
#define BENCH_VERIFY_CAP (16u << 20)      /* bytes of distinct slices used by a verify round */
#define BENCH_TAG_DATA 100
#define BENCH_TAG_ACK 101

struct bench_opts {
    const char *name;       /* benchmark name, for usage and header */
    size_t min_size;
    size_t max_size;
    int iters_small, iters_large;
    int warmup_small, warmup_large;
    int window;             /* 0: benchmark has no window */
};

static inline int bench_iters(const struct bench_opts *o, size_t size)
{
    return size > BENCH_LARGE_MESSAGE ? o->iters_large : o->iters_small;
}

static inline int bench_warmup(const struct bench_opts *o, size_t size)
{
    return size > BENCH_LARGE_MESSAGE ? o->warmup_large : o->warmup_small;
}

/* Next size in the sweep: 0 -> 1 -> 2 -> 4 ...; returns 0 when the sweep is done. */
static inline size_t bench_next_size(const struct bench_opts *o, size_t size)
{
    if (size == 0) {
        return o->max_size >= 1 ? 1 : 0;
    }
    if (size > o->max_size / 2) {
        return 0;
    }
    return size * 2;
}

static inline int bench_rank(void)
{
    int r = 0;

    MPI_Comm_rank(MPI_COMM_WORLD, &r);
    return r;
}

/* Parse "123", "4K", "1M", "1G" (x1024). Returns 0 on success. */
static inline int bench_parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v;

    if (*s == '\0' || !isdigit((unsigned char)*s)) {
        return -1;
    }
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno != 0) {
        return -1;
    }
    switch (*end) {
    case 'k': case 'K': v <<= 10; end++; break;
    case 'm': case 'M': v <<= 20; end++; break;
    case 'g': case 'G': v <<= 30; end++; break;
    default: break;
    }
    if (*end == 'b' || *end == 'B') {
        end++;
    }
    if (*end != '\0' || v > (unsigned long long)INT_MAX) {
        return -1;
    }
    *out = (size_t)v;
    return 0;
}

static inline int bench_parse_int(const char *s, int min, int *out)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < min || v > INT_MAX) {
        return -1;
    }
    *out = (int)v;
    return 0;
}

static inline void bench_usage(const struct bench_opts *o, FILE *f)
{
    fprintf(f,
            "usage: %s [-m MIN:MAX] [-i ITERS] [-x WARMUP]%s [-h]\n"
            "  -m MIN:MAX  message sizes in bytes, powers of two from MIN to MAX\n"
            "              (default %zu:%zu; also -m MAX or -m MIN:; suffixes K, M, G)\n"
            "  -i ITERS    timed iterations per size (default %d, %d above %d bytes)\n"
            "  -x WARMUP   untimed warmup iterations per size (default %d, %d above %d bytes)\n",
            o->name, o->window ? " [-W WINDOW]" : "", o->min_size, o->max_size, o->iters_small,
            o->iters_large, BENCH_LARGE_MESSAGE, o->warmup_small, o->warmup_large,
            BENCH_LARGE_MESSAGE);
    if (o->window) {
        fprintf(f, "  -W WINDOW   messages in flight per iteration (default %d)\n", o->window);
    }
    fprintf(f, "  -h          print this help and exit\n");
}

/*
 * Parse the common flags (every rank parses the same argv, so all agree). Returns -1 to continue;
 * otherwise the exit status the program should finalize and exit with (0 after -h).
 */
static inline int bench_parse(struct bench_opts *o, int argc, char **argv)
{
    int root = bench_rank() == 0;
    int iters = -1, warmup = -1;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = NULL;

        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            if (root) {
                bench_usage(o, stdout);
            }
            return 0;
        }
        if (a[0] == '-' && a[1] != '\0' && strchr("mixW", a[1]) != NULL &&
            (a[1] != 'W' || o->window)) {
            v = a[2] != '\0' ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
        }
        if (v == NULL) {
            if (root) {
                fprintf(stderr, "%s: bad or incomplete option '%s'\n", o->name, a);
                bench_usage(o, stderr);
            }
            return 1;
        }
        int bad = 0;
        switch (a[1]) {
        case 'm': {
            const char *colon = strchr(v, ':');
            size_t lo = o->min_size, hi = o->max_size;

            if (colon == NULL) {
                bad = bench_parse_size(v, &hi);
            } else {
                char minbuf[64];
                size_t n = (size_t)(colon - v);

                if (n >= sizeof minbuf) {
                    bad = 1;
                    break;
                }
                memcpy(minbuf, v, n);
                minbuf[n] = '\0';
                bad = (n > 0 && bench_parse_size(minbuf, &lo)) ||
                      (colon[1] != '\0' && bench_parse_size(colon + 1, &hi));
            }
            if (!bad && lo > hi) {
                bad = 1;
            }
            if (!bad) {
                o->min_size = lo;
                o->max_size = hi;
            }
            break;
        }
        case 'i': bad = bench_parse_int(v, 1, &iters); break;
        case 'x': bad = bench_parse_int(v, 0, &warmup); break;
        case 'W': bad = bench_parse_int(v, 1, &o->window); break;
        default: bad = 1; break;
        }
        if (bad) {
            if (root) {
                fprintf(stderr, "%s: bad value '%s' for %.2s\n", o->name, v, a);
                bench_usage(o, stderr);
            }
            return 1;
        }
    }
    if (iters > 0) {
        o->iters_small = o->iters_large = iters;
    }
    if (warmup >= 0) {
        o->warmup_small = o->warmup_large = warmup;
    }
    return -1;
}

/* Require at least `need` ranks; returns 0 if fine, else prints (rank 0) and returns 1. */
static inline int bench_need_ranks(const struct bench_opts *o, int need)
{
    int n = 0;

    MPI_Comm_size(MPI_COMM_WORLD, &n);
    if (n < need) {
        if (bench_rank() == 0) {
            fprintf(stderr, "%s: needs at least %d ranks, got %d\n", o->name, need, n);
        }
        return 1;
    }
    return 0;
}

/*
 * Common start after MPI_Init: errors return to the caller (so BENCH_MPI can say what failed),
 * parse options, check the rank count. Returns -1 to go on, else the status to exit with after
 * MPI_Finalize (0 after -h).
 */
static inline int bench_start(struct bench_opts *o, int argc, char **argv, int need_ranks)
{
    int rc;

    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    rc = bench_parse(o, argc, argv);
    if (rc < 0 && bench_need_ranks(o, need_ranks) != 0) {
        rc = 1;
    }
    return rc;
}

/* Page-aligned buffer of at least len bytes (at least one page), touched. Aborts on failure. */
static inline unsigned char *bench_alloc(size_t len)
{
    long page = sysconf(_SC_PAGESIZE);
    void *p = NULL;

    if (page <= 0) {
        page = 4096;
    }
    len = (len + (size_t)page - 1) / (size_t)page * (size_t)page;
    if (len == 0) {
        len = (size_t)page;
    }
    if (posix_memalign(&p, (size_t)page, len) != 0) {
        fprintf(stderr, "bench: cannot allocate %zu bytes\n", len);
        MPI_Abort(MPI_COMM_WORLD, 2);
        return NULL;
    }
    memset(p, 0, len);
    return p;
}

/* Byte i of the pattern with the given seed: position-dependent so shifts and stale data show. */
static inline unsigned char bench_pattern_byte(size_t i, uint32_t seed)
{
    uint32_t x = (uint32_t)i * 2654435761u + seed * 0x85ebca6bu + 0x9e3779b9u;

    x ^= x >> 15;
    x *= 0x2c1b3c6du;
    x ^= x >> 13;
    return (unsigned char)(x >> 8);
}

static inline void bench_fill(unsigned char *buf, size_t len, uint32_t seed)
{
    for (size_t i = 0; i < len; i++) {
        buf[i] = bench_pattern_byte(i, seed);
    }
}

/* Seed of a pattern: distinct per size, sending rank, round (0 = timed, 1.. = verify), message. */
static inline uint32_t bench_seed(size_t size, int sender, int round, int msg)
{
    return (uint32_t)size * 31u + (uint32_t)sender * 1000003u + (uint32_t)round * 7919u +
           (uint32_t)msg * 104729u;
}

/* Check a received message against its pattern; aborts the job with a message if wrong. */
static inline void bench_check(const char *name, const unsigned char *buf, size_t len,
                               uint32_t seed, int from, int msg)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char want = bench_pattern_byte(i, seed);

        if (buf[i] != want) {
            size_t bad = 0;

            for (size_t j = i; j < len; j++) {
                bad += buf[j] != bench_pattern_byte(j, seed);
            }
            fprintf(stderr,
                    "%s: rank %d: WRONG DATA in a %zu-byte message #%d from rank %d: byte %zu is "
                    "0x%02x, expected 0x%02x (%zu bad bytes) -- no figure for a wrong answer\n",
                    name, bench_rank(), len, msg, from, i, buf[i], want, bad);
            fflush(stderr);
            MPI_Abort(MPI_COMM_WORLD, 3);
        }
    }
}

/*
 * Messages per verify round for `size` with buffers of `buflen` bytes: the whole window if its
 * distinct slices fit, else as many as fit (at least 1).
 */
static inline int bench_verify_count(size_t size, size_t buflen, int window)
{
    size_t fit = size == 0 ? (size_t)window : buflen / size;

    if (fit < 1) {
        fit = 1;
    }
    return fit < (size_t)window ? (int)fit : window;
}

/* Bytes to allocate per buffer for a window bench: the largest message, or verify slices. */
static inline size_t bench_window_buflen(const struct bench_opts *o)
{
    size_t want = o->max_size * (size_t)o->window;

    if (want > BENCH_VERIFY_CAP) {
        want = BENCH_VERIFY_CAP;
    }
    return want > o->max_size ? want : o->max_size;
}

static inline void bench_check_mpi(int rc, const char *what)
{
    if (rc != MPI_SUCCESS) {
        char msg[MPI_MAX_ERROR_STRING];
        int len = 0;

        if (MPI_Error_string(rc, msg, &len) != MPI_SUCCESS) {
            snprintf(msg, sizeof msg, "error %d", rc);
        }
        fprintf(stderr, "bench: rank %d: %s failed: %s\n", bench_rank(), what, msg);
        fflush(stderr);
        MPI_Abort(MPI_COMM_WORLD, 4);
    }
}

#define BENCH_MPI(call) bench_check_mpi((call), #call)

/* Header lines every benchmark prints (rank 0). */
static inline void bench_header(const struct bench_opts *o, const char *what, const char *unit,
                                const char *columns)
{
    int n = 0;

    MPI_Comm_size(MPI_COMM_WORLD, &n);
    printf("# mpr-bench %s: %s\n", o->name, what);
    printf("# unit: %s\n", unit);
    printf("# ranks: %d, sizes: %zu:%zu bytes, iterations: %d (%d above %d bytes), "
           "warmup: %d (%d above %d bytes)",
           n, o->min_size, o->max_size, o->iters_small, o->iters_large, BENCH_LARGE_MESSAGE,
           o->warmup_small, o->warmup_large, BENCH_LARGE_MESSAGE);
    if (o->window) {
        printf(", window: %d", o->window);
    }
    printf("\n# %s\n", columns);
    fflush(stdout);
}

#endif
