/*
 * coll: latency of one collective on MPI_COMM_WORLD, like osu_allreduce, osu_bcast & co.
 *   coll --op NAME [-m MIN:MAX] [-i ITERS] [-x WARMUP] [-h]
 *
 * NAME: barrier, bcast, gather, gatherv, scatter, scatterv, allgather, allgatherv, alltoall,
 * alltoallv, reduce, allreduce, reduce_scatter, reduce_scatter_block, scan, exscan.
 *
 * Size (bytes), as OSU defines it per collective:
 *   bcast                       the broadcast buffer
 *   gather(v), scatter(v),
 *   allgather(v)                one rank's block (root / every rank holds size x ranks)
 *   alltoall(v)                 the block for one peer (each rank sends size x ranks)
 *   reduce, allreduce,
 *   scan, exscan                the whole vector of MPI_FLOAT reduced with MPI_SUM
 *   reduce_scatter(_block)      the whole input vector of MPI_FLOAT; each rank gets about
 *                               size / ranks of it (reduce_scatter: count / ranks, the first
 *                               count % ranks ranks one more; _block: count / ranks each)
 *   barrier                     none: one row, size 0
 * Reductions count whole floats (size / 4) and start at 4 bytes (reduce_scatter_block at the
 * first power of two giving every rank at least one float). The v-variants use equal counts with
 * OSU's contiguous displacements in the timed rounds. Root 0 for rooted collectives, as OSU.
 *
 * Timing: per size, a barrier, WARMUP untimed calls, then ITERS calls timed back to back (no
 * barrier between calls). Each rank's average time per call goes to rank 0 (MPI_Send/MPI_Recv,
 * so the bench needs no collective but the one measured and MPI_Barrier); the value column is
 * the MAX over ranks (conservative; OSU prints the average), followed by the average and the
 * minimum over ranks as extra columns (bench/compare uses only the first).
 *
 * Correctness: once per size, outside the timed loop, one more call with fresh data (different
 * from the timed rounds) into poisoned receive buffers, checked element by element on every
 * rank that receives; the v-variants verify with reversed displacements (block i at slot
 * ranks-1-i), so displacements that are ignored show. A mismatch aborts the job.
 */
#include "common.h"

#include <math.h>

enum op {
    OP_BARRIER, OP_BCAST, OP_GATHER, OP_GATHERV, OP_SCATTER, OP_SCATTERV, OP_ALLGATHER,
    OP_ALLGATHERV, OP_ALLTOALL, OP_ALLTOALLV, OP_REDUCE, OP_ALLREDUCE, OP_REDUCE_SCATTER,
    OP_REDUCE_SCATTER_BLOCK, OP_SCAN, OP_EXSCAN, OP_COUNT
};

static const char *const op_names[OP_COUNT] = {
    "barrier", "bcast", "gather", "gatherv", "scatter", "scatterv", "allgather", "allgatherv",
    "alltoall", "alltoallv", "reduce", "allreduce", "reduce_scatter", "reduce_scatter_block",
    "scan", "exscan",
};

static const char *const op_sizes[OP_COUNT] = {
    [OP_BARRIER] = "no size (one row, size 0)",
    [OP_BCAST] = "size = bytes broadcast from root 0",
    [OP_GATHER] = "size = bytes each rank sends to root 0",
    [OP_GATHERV] = "size = bytes each rank sends to root 0 (equal counts)",
    [OP_SCATTER] = "size = bytes root 0 sends to each rank",
    [OP_SCATTERV] = "size = bytes root 0 sends to each rank (equal counts)",
    [OP_ALLGATHER] = "size = bytes each rank contributes",
    [OP_ALLGATHERV] = "size = bytes each rank contributes (equal counts)",
    [OP_ALLTOALL] = "size = bytes each rank sends to each rank",
    [OP_ALLTOALLV] = "size = bytes each rank sends to each rank (equal counts)",
    [OP_REDUCE] = "size = bytes of the MPI_FLOAT vector, MPI_SUM to root 0",
    [OP_ALLREDUCE] = "size = bytes of the MPI_FLOAT vector, MPI_SUM",
    [OP_REDUCE_SCATTER] = "size = bytes of the whole MPI_FLOAT input vector, MPI_SUM; "
                          "rank i gets count/ranks floats (+1 for i < count%ranks)",
    [OP_REDUCE_SCATTER_BLOCK] = "size = bytes of the whole MPI_FLOAT input vector, MPI_SUM; "
                                "each rank gets count/ranks floats",
    [OP_SCAN] = "size = bytes of the MPI_FLOAT vector, MPI_SUM",
    [OP_EXSCAN] = "size = bytes of the MPI_FLOAT vector, MPI_SUM",
};

static const char *const mpi_names[OP_COUNT] = {
    "MPI_Barrier", "MPI_Bcast", "MPI_Gather", "MPI_Gatherv", "MPI_Scatter", "MPI_Scatterv",
    "MPI_Allgather", "MPI_Allgatherv", "MPI_Alltoall", "MPI_Alltoallv", "MPI_Reduce",
    "MPI_Allreduce", "MPI_Reduce_scatter", "MPI_Reduce_scatter_block", "MPI_Scan", "MPI_Exscan",
};

static int rooted(enum op op)
{
    return op == OP_BCAST || op == OP_GATHER || op == OP_GATHERV || op == OP_SCATTER ||
           op == OP_SCATTERV || op == OP_REDUCE;
}

/*
 * Max, sum and min of every rank's value at rank 0, with point-to-point only (so a runtime whose
 * MPI_Reduce is missing can still time its other collectives).
 */
static void collect(double mine, double *max, double *sum, double *min)
{
    int rank = bench_rank(), np = 0;

    MPI_Comm_size(MPI_COMM_WORLD, &np);
    if (rank != 0) {
        BENCH_MPI(MPI_Send(&mine, 1, MPI_DOUBLE, 0, BENCH_TAG_DATA, MPI_COMM_WORLD));
        return;
    }
    *max = *sum = *min = mine;
    for (int i = 1; i < np; i++) {
        double t;

        BENCH_MPI(MPI_Recv(&t, 1, MPI_DOUBLE, i, BENCH_TAG_DATA, MPI_COMM_WORLD,
                           MPI_STATUS_IGNORE));
        *max = t > *max ? t : *max;
        *min = t < *min ? t : *min;
        *sum += t;
    }
}

static int is_reduction(enum op op)
{
    return op >= OP_REDUCE;
}

struct ctx {
    enum op op;
    int rank, np;
    size_t size;            /* bytes, as defined per collective */
    int count;              /* elements: bytes for byte collectives, floats for reductions */
    unsigned char *sbuf, *rbuf;
    int *counts, *displs;   /* v-variants and reduce_scatter */
};

static void set_layout(struct ctx *c, int reversed)
{
    for (int i = 0; i < c->np; i++) {
        c->counts[i] = c->count;
        c->displs[i] = (reversed ? c->np - 1 - i : i) * c->count;
    }
}

/* reduce_scatter's recvcounts as OSU sets them; displs[i] = offset of rank i's part. */
static void set_rs_counts(struct ctx *c)
{
    int q = c->count / c->np, rem = c->count % c->np, off = 0;

    for (int i = 0; i < c->np; i++) {
        c->counts[i] = q + (i < rem);
        c->displs[i] = off;
        off += c->counts[i];
    }
}

static void run(const struct ctx *c)
{
    void *s = c->sbuf, *r = c->rbuf;
    int n = c->count;
    MPI_Comm w = MPI_COMM_WORLD;

    switch (c->op) {
    case OP_BARRIER: BENCH_MPI(MPI_Barrier(w)); break;
    case OP_BCAST: BENCH_MPI(MPI_Bcast(s, n, MPI_CHAR, 0, w)); break;
    case OP_GATHER: BENCH_MPI(MPI_Gather(s, n, MPI_CHAR, r, n, MPI_CHAR, 0, w)); break;
    case OP_GATHERV:
        BENCH_MPI(MPI_Gatherv(s, n, MPI_CHAR, r, c->counts, c->displs, MPI_CHAR, 0, w));
        break;
    case OP_SCATTER: BENCH_MPI(MPI_Scatter(s, n, MPI_CHAR, r, n, MPI_CHAR, 0, w)); break;
    case OP_SCATTERV:
        BENCH_MPI(MPI_Scatterv(s, c->counts, c->displs, MPI_CHAR, r, n, MPI_CHAR, 0, w));
        break;
    case OP_ALLGATHER: BENCH_MPI(MPI_Allgather(s, n, MPI_CHAR, r, n, MPI_CHAR, w)); break;
    case OP_ALLGATHERV:
        BENCH_MPI(MPI_Allgatherv(s, n, MPI_CHAR, r, c->counts, c->displs, MPI_CHAR, w));
        break;
    case OP_ALLTOALL: BENCH_MPI(MPI_Alltoall(s, n, MPI_CHAR, r, n, MPI_CHAR, w)); break;
    case OP_ALLTOALLV:
        BENCH_MPI(MPI_Alltoallv(s, c->counts, c->displs, MPI_CHAR, r, c->counts, c->displs,
                                MPI_CHAR, w));
        break;
    case OP_REDUCE: BENCH_MPI(MPI_Reduce(s, r, n, MPI_FLOAT, MPI_SUM, 0, w)); break;
    case OP_ALLREDUCE: BENCH_MPI(MPI_Allreduce(s, r, n, MPI_FLOAT, MPI_SUM, w)); break;
    case OP_REDUCE_SCATTER:
        BENCH_MPI(MPI_Reduce_scatter(s, r, c->counts, MPI_FLOAT, MPI_SUM, w));
        break;
    case OP_REDUCE_SCATTER_BLOCK:
        BENCH_MPI(MPI_Reduce_scatter_block(s, r, n / c->np, MPI_FLOAT, MPI_SUM, w));
        break;
    case OP_SCAN: BENCH_MPI(MPI_Scan(s, r, n, MPI_FLOAT, MPI_SUM, w)); break;
    case OP_EXSCAN: BENCH_MPI(MPI_Exscan(s, r, n, MPI_FLOAT, MPI_SUM, w)); break;
    case OP_COUNT: break;
    }
}

/* Timed-round input: patterns (round 0) for byte collectives, 1.0f for reductions. */
static void fill_timed(const struct ctx *c)
{
    size_t bytes = c->size * (size_t)c->np;

    if (is_reduction(c->op)) {
        float *f = (float *)(void *)c->sbuf;

        for (int k = 0; k < c->count; k++) {
            f[k] = 1.0f;
        }
    } else {
        bench_fill(c->sbuf, bytes, bench_seed(c->size, c->rank, 0, 0));
    }
}

/* Verify-round reduction input of `rank`, element k: small integers, so every sum is exact. */
static float vin(const struct ctx *c, int rank, int k)
{
    return (float)((rank + 1) * (int)(((size_t)k + c->size / 4) % 13 + 1));
}

static void fail_float(const struct ctx *c, const char *what, int k, float got, float want)
{
    fprintf(stderr,
            "coll: %s: rank %d: WRONG RESULT for %zu bytes (%d floats): element %d of the %s "
            "is %g, expected %g -- no figure for a wrong answer\n",
            op_names[c->op], c->rank, c->size, c->count, k, what, (double)got, (double)want);
    fflush(stderr);
    MPI_Abort(MPI_COMM_WORLD, 3);
}

/* Check `n` floats of the result starting at element `first` of the vector: sum over ranks
 * lo..hi of vin(). */
static void check_sum(const struct ctx *c, const float *got, int first, int n, int lo, int hi)
{
    int wsum = 0;

    for (int r = lo; r <= hi; r++) {
        wsum += r + 1;
    }
    for (int k = 0; k < n; k++) {
        float want = (float)wsum * (vin(c, 0, first + k));

        if (got[k] != want) {
            fail_float(c, "result", first + k, got[k], want);
        }
    }
}

static void verify(struct ctx *c)
{
    int rank = c->rank, np = c->np, n = c->count;
    size_t sz = c->size, all = sz * (size_t)np;
    int v = c->op == OP_GATHERV || c->op == OP_SCATTERV || c->op == OP_ALLGATHERV ||
            c->op == OP_ALLTOALLV;
    const char *name = op_names[c->op];

    if (v) {
        set_layout(c, 1);
    }
    /* Slot of block i in a v-variant buffer (reversed layout), else i. */
#define SLOT(i) ((size_t)(v ? np - 1 - (i) : (i)))
    if (is_reduction(c->op)) {
        float *s = (float *)(void *)c->sbuf, *r = (float *)(void *)c->rbuf;

        for (int k = 0; k < n; k++) {
            s[k] = vin(c, rank, k);
            r[k] = NAN;
        }
        run(c);
        switch (c->op) {
        case OP_REDUCE:
            if (rank == 0) {
                check_sum(c, r, 0, n, 0, np - 1);
            }
            break;
        case OP_ALLREDUCE: check_sum(c, r, 0, n, 0, np - 1); break;
        case OP_REDUCE_SCATTER: check_sum(c, r, c->displs[rank], c->counts[rank], 0, np - 1); break;
        case OP_REDUCE_SCATTER_BLOCK: check_sum(c, r, rank * (n / np), n / np, 0, np - 1); break;
        case OP_SCAN: check_sum(c, r, 0, n, 0, rank); break;
        case OP_EXSCAN:
            if (rank > 0) {
                check_sum(c, r, 0, n, 0, rank - 1);
            }
            break;
        default: break;
        }
        return;
    }

    memset(c->rbuf, 0, all > 0 ? all : 1);
    switch (c->op) {
    case OP_BARRIER: run(c); break;
    case OP_BCAST:
        if (rank == 0) {
            bench_fill(c->sbuf, sz, bench_seed(sz, 0, 1, 0));
        } else {
            memset(c->sbuf, 0, sz);
        }
        run(c);
        if (rank != 0) {
            bench_check(name, c->sbuf, sz, bench_seed(sz, 0, 1, 0), 0, 0);
        }
        break;
    case OP_GATHER:
    case OP_GATHERV:
        bench_fill(c->sbuf, sz, bench_seed(sz, rank, 1, 0));
        run(c);
        if (rank == 0) {
            for (int i = 0; i < np; i++) {
                bench_check(name, c->rbuf + SLOT(i) * sz, sz, bench_seed(sz, i, 1, 0), i, 0);
            }
        }
        break;
    case OP_SCATTER:
    case OP_SCATTERV:
        if (rank == 0) {
            for (int i = 0; i < np; i++) {
                bench_fill(c->sbuf + SLOT(i) * sz, sz, bench_seed(sz, 0, 1, i));
            }
        }
        run(c);
        bench_check(name, c->rbuf, sz, bench_seed(sz, 0, 1, rank), 0, rank);
        break;
    case OP_ALLGATHER:
    case OP_ALLGATHERV:
        bench_fill(c->sbuf, sz, bench_seed(sz, rank, 1, 0));
        run(c);
        for (int i = 0; i < np; i++) {
            bench_check(name, c->rbuf + SLOT(i) * sz, sz, bench_seed(sz, i, 1, 0), i, 0);
        }
        break;
    case OP_ALLTOALL:
    case OP_ALLTOALLV:
        for (int j = 0; j < np; j++) {
            bench_fill(c->sbuf + SLOT(j) * sz, sz, bench_seed(sz, rank, 1, j));
        }
        run(c);
        for (int i = 0; i < np; i++) {
            bench_check(name, c->rbuf + SLOT(i) * sz, sz, bench_seed(sz, i, 1, rank), i, rank);
        }
        break;
    default: break;
    }
#undef SLOT
    (void)n;
    if (v) {
        set_layout(c, 0);
    }
}

static void usage(FILE *f, struct bench_opts *o)
{
    const char *name = o->name;

    o->name = "coll --op NAME";
    bench_usage(o, f);
    o->name = name;
    fprintf(f, "  --op NAME   the collective (required):");
    for (int i = 0; i < OP_COUNT; i++) {
        fprintf(f, "%s%s", i % 6 == 0 ? "\n                " : " ", op_names[i]);
    }
    fprintf(f, "\n");
}

int main(int argc, char **argv)
{
    struct bench_opts o = {
        .name = "coll",
        .min_size = 1,
        .max_size = 1u << 20,
        .iters_small = 1000,
        .iters_large = 100,
        .warmup_small = 200,
        .warmup_large = 10,
        .window = 0,
    };
    int rank, np, rc, op = -1, help = 0, bad = 0;
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int nrest = 0;

    MPI_Init(&argc, &argv);
    rank = bench_rank();
    MPI_Comm_size(MPI_COMM_WORLD, &np);
    if (rest == NULL) {
        MPI_Abort(MPI_COMM_WORLD, 2);
    }

    /* Take --op NAME / --op=NAME out of argv; the rest goes to the common parser. */
    rest[nrest++] = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = NULL;

        if (!strcmp(a, "--op") || !strcmp(a, "-o")) {
            if (i + 1 >= argc) {
                bad = 1;
                break;
            }
            v = argv[++i];
        } else if (!strncmp(a, "--op=", 5)) {
            v = a + 5;
        } else {
            if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
                help = 1;
            }
            rest[nrest++] = argv[i];
            continue;
        }
        op = -1;
        for (int k = 0; k < OP_COUNT; k++) {
            if (!strcmp(v, op_names[k])) {
                op = k;
            }
        }
        if (op < 0) {
            if (rank == 0) {
                fprintf(stderr, "coll: unknown collective '%s'\n", v);
            }
            bad = 1;
            break;
        }
    }
    if (help || bad || op < 0) {
        if (rank == 0) {
            if (!help && !bad) {
                fprintf(stderr, "coll: --op NAME is required\n");
            }
            usage(help ? stdout : stderr, &o);
        }
        free(rest);
        MPI_Finalize();
        return help ? 0 : 1;
    }
    rc = bench_start(&o, nrest, rest, 1);
    if (rc >= 0) {
        if (rc != 0 && rank == 0) {
            fprintf(stderr, "  --op NAME   the collective (see coll -h)\n");
        }
        free(rest);
        MPI_Finalize();
        return rc;
    }

    /* Size range per collective. */
    if (op == OP_BARRIER) {
        o.min_size = o.max_size = 0;
    } else if (is_reduction(op)) {
        size_t lo = sizeof(float);

        if (op == OP_REDUCE_SCATTER_BLOCK) {
            while (lo < sizeof(float) * (size_t)np) {
                lo *= 2;
            }
        }
        if (o.min_size < lo) {
            o.min_size = lo;
        }
        if (o.max_size < o.min_size) {
            if (rank == 0) {
                fprintf(stderr, "coll: %s needs sizes of at least %zu bytes with %d ranks\n",
                        op_names[op], lo, np);
            }
            free(rest);
            MPI_Finalize();
            return 1;
        }
    }

    /* Buffers: the largest of size x ranks (rooted/all-to-all blocks) and the size itself. */
    if ((size_t)np > (size_t)INT_MAX / (o.max_size > 0 ? o.max_size : 1)) {
        if (rank == 0) {
            fprintf(stderr, "coll: %zu bytes x %d ranks is too large\n", o.max_size, np);
        }
        free(rest);
        MPI_Finalize();
        return 1;
    }
    size_t buflen = o.max_size * (size_t)np;
    struct ctx c = {
        .op = (enum op)op,
        .rank = rank,
        .np = np,
        .sbuf = bench_alloc(buflen),
        .rbuf = bench_alloc(buflen),
        .counts = calloc((size_t)np, sizeof(int)),
        .displs = calloc((size_t)np, sizeof(int)),
    };
    if (c.counts == NULL || c.displs == NULL) {
        MPI_Abort(MPI_COMM_WORLD, 2);
    }

    if (rank == 0) {
        char what[512];

        snprintf(what, sizeof what,
                 "%s on MPI_COMM_WORLD%s, back-to-back calls, average latency per call; %s",
                 mpi_names[op], rooted(op) ? ", root 0" : "", op_sizes[op]);
        bench_header(&o, what, "us, lower is better",
                     "size(bytes) latency(us, max over ranks) avg(us, over ranks) min(us)");
        printf("# value: each rank's average over the timed calls; MAX over ranks, then avg and "
               "min (collected with MPI_Send/MPI_Recv, so only %s and MPI_Barrier are needed)\n",
               mpi_names[op]);
        fflush(stdout);
    }

    for (size_t size = o.min_size;; size = bench_next_size(&o, size)) {
        int iters = bench_iters(&o, size), warmup = bench_warmup(&o, size);
        double t0 = 0.0, t1, mine, tmax = 0.0, tsum = 0.0, tmin = 0.0;

        c.size = size;
        c.count = is_reduction(op) ? (int)(size / sizeof(float)) : (int)size;
        if (op == OP_REDUCE_SCATTER) {
            set_rs_counts(&c);
        } else {
            set_layout(&c, 0);
        }
        fill_timed(&c);
        memset(c.rbuf, 0, size * (size_t)np);

        BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
        for (int i = 0; i < warmup + iters; i++) {
            if (i == warmup) {
                t0 = MPI_Wtime();
            }
            run(&c);
        }
        t1 = MPI_Wtime();
        mine = (t1 - t0) * 1e6 / iters;

        verify(&c);

        collect(mine, &tmax, &tsum, &tmin);
        if (rank == 0) {
            printf("%-10zu %12.2f %12.2f %12.2f\n", size, tmax, tsum / np, tmin);
            fflush(stdout);
        }
        if (bench_next_size(&o, size) == 0) {
            break;
        }
    }
    BENCH_MPI(MPI_Barrier(MPI_COMM_WORLD));
    free(c.sbuf);
    free(c.rbuf);
    free(c.counts);
    free(c.displs);
    free(rest);
    MPI_Finalize();
    return 0;
}
