/*
 * heat2d: steady-state temperature of a square plate whose top edge is held at 100 degrees and
 * whose other edges are held at 0, found by Jacobi iteration: every sweep replaces each point
 * by the average of its four neighbours, until no point changes by more than TOLERANCE.
 * The result is written as a PGM image (heat2d.pgm; any image viewer opens it).
 *
 *   mpcc -O2 -o heat2d heat2d.c -lm && mplaunch -n 4 ./heat2d [n [image.pgm]]
 *
 * The n x n grid is cut into blocks, one per rank, on a 2D Cartesian communicator
 * (MPI_Dims_create picks the block layout, MPI_Cart_shift names the four neighbours;
 * MPI_PROC_NULL beyond the plate's edges makes sends and receives there no-ops). Each rank
 * stores its block with one extra row and column on every side, the halo, which holds copies
 * of the neighbours' edge points. Before each sweep the halos are refreshed: rows are
 * contiguous in memory and go as plain arrays of doubles; columns are strided, and an
 * MPI_Type_vector describes them so that MPI sends them without a copy by hand. Nonblocking
 * Isend/Irecv for all four sides at once, then one Waitall, cannot deadlock.
 *
 * Every point gets exactly the same arithmetic whichever rank owns it, and the stopping test
 * uses MPI_MAX (exact, unlike a floating-point sum), so the final field is bitwise the same on
 * any number of ranks: the checksum printed at the end shows it.
 */
#include <math.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define TOP_TEMPERATURE 100.0
#define TOLERANCE 1e-3
#define MAX_SWEEPS 100000
#define CHECK_EVERY 10 /* sweeps between two global residual checks (an Allreduce each) */

enum { TAG_HALO = 1, TAG_GATHER = 2 };

struct block {
    MPI_Comm cart;
    int n;                  /* interior points per side of the whole plate */
    int dims[2], coords[2]; /* block layout and this rank's place in it (row, column) */
    int row0, col0;         /* first global row and column of this block */
    int rows, cols, ld;     /* block size; ld = cols + 2 is a stored row with its halo */
    int up, down, left, right;
    double *u, *unew;    /* (rows + 2) x (ld) each, halo included */
    MPI_Datatype column; /* one interior column of u or unew */
};

/* First index of block c of p when n points are split as evenly as possible. */
static int block_start(int c, int n, int p)
{
    return (int)((long)c * n / p);
}

static void block_init(struct block *b, int n)
{
    int size, periods[2] = {0, 0};

    MPI_Comm_size(MPI_COMM_WORLD, &size);
    b->n = n;
    b->dims[0] = b->dims[1] = 0;
    MPI_Dims_create(size, 2, b->dims);
    MPI_Cart_create(MPI_COMM_WORLD, 2, b->dims, periods, 1, &b->cart);
    MPI_Cart_get(b->cart, 2, b->dims, periods, b->coords);
    MPI_Cart_shift(b->cart, 0, 1, &b->up, &b->down);
    MPI_Cart_shift(b->cart, 1, 1, &b->left, &b->right);
    b->row0 = block_start(b->coords[0], n, b->dims[0]);
    b->col0 = block_start(b->coords[1], n, b->dims[1]);
    b->rows = block_start(b->coords[0] + 1, n, b->dims[0]) - b->row0;
    b->cols = block_start(b->coords[1] + 1, n, b->dims[1]) - b->col0;
    b->ld = b->cols + 2;

    size_t points = (size_t)(b->rows + 2) * (size_t)b->ld;
    b->u = calloc(points, sizeof(double));
    b->unew = calloc(points, sizeof(double));
    if (b->u == NULL || b->unew == NULL) {
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    /* The plate's edges live in the halos of the blocks on the edge and never change. */
    if (b->up == MPI_PROC_NULL) {
        for (int j = 0; j < b->ld; j++) {
            b->u[j] = b->unew[j] = TOP_TEMPERATURE;
        }
    }
    MPI_Type_vector(b->rows, 1, b->ld, MPI_DOUBLE, &b->column);
    MPI_Type_commit(&b->column);
}

static void block_fini(struct block *b)
{
    MPI_Type_free(&b->column);
    free(b->unew);
    free(b->u);
    MPI_Comm_free(&b->cart);
}

/* Refresh the halo of u from the four neighbours. */
static void exchange_halos(struct block *b)
{
    double *u = b->u;
    int ld = b->ld, rows = b->rows, cols = b->cols;
    MPI_Request req[8];

    MPI_Irecv(&u[1], cols, MPI_DOUBLE, b->up, TAG_HALO, b->cart, &req[0]);
    MPI_Irecv(&u[(rows + 1) * ld + 1], cols, MPI_DOUBLE, b->down, TAG_HALO, b->cart, &req[1]);
    MPI_Irecv(&u[ld], 1, b->column, b->left, TAG_HALO, b->cart, &req[2]);
    MPI_Irecv(&u[ld + cols + 1], 1, b->column, b->right, TAG_HALO, b->cart, &req[3]);
    MPI_Isend(&u[ld + 1], cols, MPI_DOUBLE, b->up, TAG_HALO, b->cart, &req[4]);
    MPI_Isend(&u[rows * ld + 1], cols, MPI_DOUBLE, b->down, TAG_HALO, b->cart, &req[5]);
    MPI_Isend(&u[ld + 1], 1, b->column, b->left, TAG_HALO, b->cart, &req[6]);
    MPI_Isend(&u[ld + cols], 1, b->column, b->right, TAG_HALO, b->cart, &req[7]);
    MPI_Waitall(8, req, MPI_STATUSES_IGNORE);
}

/* One Jacobi sweep from u into unew; returns the largest change of any point of the block. */
static double sweep(struct block *b)
{
    const double *u = b->u;
    double *unew = b->unew, change = 0.0;
    int ld = b->ld;

    for (int i = 1; i <= b->rows; i++) {
        for (int j = 1; j <= b->cols; j++) {
            int k = i * ld + j;
            unew[k] = 0.25 * (u[k - ld] + u[k + ld] + u[k - 1] + u[k + 1]);
            change = fmax(change, fabs(unew[k] - u[k]));
        }
    }
    return change;
}

/* Sweep until the largest change anywhere is below TOLERANCE; returns the number of sweeps. */
static int solve(struct block *b, double *residual)
{
    int sweeps = 0;

    *residual = INFINITY;
    while (sweeps < MAX_SWEEPS && *residual >= TOLERANCE) {
        exchange_halos(b);
        double change = sweep(b);
        double *t = b->u;
        b->u = b->unew;
        b->unew = t;
        sweeps++;
        if (sweeps % CHECK_EVERY == 0) {
            MPI_Allreduce(&change, residual, 1, MPI_DOUBLE, MPI_MAX, b->cart);
        }
    }
    return sweeps;
}

/* Rank 0 of the grid assembles the whole field in `field` (n x n); the others send to it. */
static void gather_field(const struct block *b, double *field)
{
    int rank, size;
    MPI_Datatype block;

    MPI_Comm_rank(b->cart, &rank);
    MPI_Comm_size(b->cart, &size);
    if (rank != 0) {
        MPI_Type_vector(b->rows, b->cols, b->ld, MPI_DOUBLE, &block);
        MPI_Type_commit(&block);
        MPI_Send(&b->u[b->ld + 1], 1, block, 0, TAG_GATHER, b->cart);
        MPI_Type_free(&block);
        return;
    }
    for (int i = 0; i < b->rows; i++) {
        for (int j = 0; j < b->cols; j++) {
            field[(size_t)(b->row0 + i) * b->n + b->col0 + j] = b->u[(i + 1) * b->ld + j + 1];
        }
    }
    /* Each other block goes straight to its place: a vector of rows strided by n. */
    for (int src = 1; src < size; src++) {
        int c[2];
        MPI_Cart_coords(b->cart, src, 2, c);
        int r0 = block_start(c[0], b->n, b->dims[0]), c0 = block_start(c[1], b->n, b->dims[1]);
        int h = block_start(c[0] + 1, b->n, b->dims[0]) - r0;
        int w = block_start(c[1] + 1, b->n, b->dims[1]) - c0;
        MPI_Type_vector(h, w, b->n, MPI_DOUBLE, &block);
        MPI_Type_commit(&block);
        MPI_Recv(&field[(size_t)r0 * b->n + c0], 1, block, src, TAG_GATHER, b->cart,
                 MPI_STATUS_IGNORE);
        MPI_Type_free(&block);
    }
}

/* FNV-1a over the bytes of the field: equal checksums mean bitwise-equal fields. */
static uint64_t checksum(const double *field, size_t count)
{
    const unsigned char *p = (const unsigned char *)field;
    uint64_t h = 14695981039346656037ULL;

    for (size_t i = 0; i < count * sizeof(double); i++) {
        h = (h ^ p[i]) * 1099511628211ULL;
    }
    return h;
}

/* Binary PGM: a short text header, then one byte per point (0 = cold/black, 255 = hottest). */
static int write_pgm(const char *path, const double *field, int n)
{
    FILE *f = fopen(path, "wb");

    if (f == NULL) {
        perror(path);
        return -1;
    }
    fprintf(f, "P5\n%d %d\n255\n", n, n);
    for (size_t k = 0; k < (size_t)n * (size_t)n; k++) {
        fputc((int)lround(field[k] / TOP_TEMPERATURE * 255.0), f);
    }
    return fclose(f) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 64, rank, size, status = 0;
    const char *image = argc > 2 ? argv[2] : "heat2d.pgm";
    struct block b;
    double residual;

    MPI_Init(&argc, &argv);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    if (n < size) { /* every block needs at least one point */
        if (rank == 0) {
            fprintf(stderr, "usage: mplaunch -n N ./heat2d [n [image.pgm]], n >= N\n");
        }
        MPI_Finalize();
        return 2;
    }
    block_init(&b, n);
    MPI_Comm_rank(b.cart, &rank);
    int sweeps = solve(&b, &residual);

    double *field = rank == 0 ? malloc((size_t)n * (size_t)n * sizeof(double)) : NULL;
    if (rank == 0 && field == NULL) {
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    gather_field(&b, field);
    if (rank == 0) {
        printf("heat2d: %d x %d grid on %d ranks (%d x %d blocks)\n", n, n, size, b.dims[0],
               b.dims[1]);
        printf("converged after %d sweeps: largest change in the last one %.6e\n", sweeps,
               residual);
        status = write_pgm(image, field, n) == 0 ? 0 : 1;
        printf("wrote %s; checksum of the field %016llx\n", image,
               (unsigned long long)checksum(field, (size_t)n * (size_t)n));
    }
    free(field);
    block_fini(&b);
    MPI_Finalize();
    return status;
}
