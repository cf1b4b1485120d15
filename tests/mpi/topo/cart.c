/* cart.c — Cartesian topologies (MPI 3.1 section 7.5.1, 7.5.2, 7.5.4, 7.5.5): MPI_Dims_create on
 * the standard's examples, MPI_Cart_create on grids of 0 to 3 dimensions, periodic or not, also
 * with fewer grid slots than ranks (the rest get MPI_COMM_NULL); MPI_Cart_get, MPI_Cartdim_get,
 * MPI_Cart_rank and MPI_Cart_coords against row-major arithmetic written out here; MPI_Cart_shift
 * with displacements of any size (MPI_PROC_NULL off a non-periodic edge), checked both against
 * arithmetic and by sending along the shift; MPI_Cart_map; MPI_Comm_dup keeps the topology; the
 * mpi4py cookbook's near-square periodic grid with its UP/DOWN/LEFT/RIGHT neighbours.
 * Any number of ranks. Usage: mpt_topo_cart */
#include "topotest.h"

#include <limits.h>
#include <math.h>

#define MAXD 4

struct grid {
    int nd;
    int dims[MAXD];
    int periods[MAXD];
};

static int grid_size(const struct grid *g)
{
    int n = 1;
    for (int i = 0; i < g->nd; i++)
        n *= g->dims[i];
    return n;
}

/* Row-major rank of c (periodic dimensions wrap), or MPI_PROC_NULL off the grid. */
static int ref_rank(const struct grid *g, const int *c)
{
    int r = 0;
    for (int i = 0; i < g->nd; i++) {
        int x = c[i];
        if (g->periods[i])
            x = tt_mod(x, g->dims[i]);
        else if (x < 0 || x >= g->dims[i])
            return MPI_PROC_NULL;
        r = r * g->dims[i] + x;
    }
    return r;
}

static void ref_coords(const struct grid *g, int r, int *c)
{
    for (int i = g->nd - 1; i >= 0; i--) {
        c[i] = r % g->dims[i];
        r /= g->dims[i];
    }
}

/* The neighbour at disp along d from the rank at c, by the definition. */
static int ref_shift(const struct grid *g, const int *c, int d, long long disp)
{
    int m[MAXD];
    long long x = c[d] + disp;
    memcpy(m, c, sizeof m);
    if (g->periods[d])
        x = tt_mod(x, g->dims[d]);
    else if (x < 0 || x >= g->dims[d])
        return MPI_PROC_NULL;
    m[d] = (int)x;
    return ref_rank(g, m);
}

static void check_queries(MPI_Comm cart, const struct grid *g, int rank)
{
    int nd = -1, dims[MAXD], periods[MAXD], coords[MAXD], c2[MAXD], r, status = -1;

    TC_OK(MPI_Topo_test(cart, &status));
    TC_CHECK(status == MPI_CART, "Topo_test: %d, expected MPI_CART", status);
    TC_OK(MPI_Cartdim_get(cart, &nd));
    TC_CHECK(nd == g->nd, "Cartdim_get: %d, expected %d", nd, g->nd);
    TC_OK(MPI_Cart_get(cart, MAXD, dims, periods, coords));
    ref_coords(g, rank, c2);
    for (int i = 0; i < g->nd; i++) {
        TC_CHECK(dims[i] == g->dims[i], "Cart_get: dims[%d] = %d", i, dims[i]);
        TC_CHECK(!periods[i] == !g->periods[i], "Cart_get: periods[%d] = %d", i, periods[i]);
        TC_CHECK(coords[i] == c2[i], "Cart_get: coords[%d] = %d, expected %d", i, coords[i], c2[i]);
    }
    for (int q = 0; q < grid_size(g); q++) {
        ref_coords(g, q, c2);
        TC_OK(MPI_Cart_coords(cart, q, MAXD, coords));
        TC_CHECK(memcmp(coords, c2, (size_t)g->nd * sizeof(int)) == 0,
                 "Cart_coords(%d) differs from row-major", q);
        TC_OK(MPI_Cart_rank(cart, coords, &r));
        TC_CHECK(r == q, "Cart_rank(Cart_coords(%d)) = %d", q, r);
        for (int i = 0; i < g->nd; i++) /* periodic coordinates wrap, several laps either way */
            if (g->periods[i])
                coords[i] += (q % 2 ? -3 : 2) * g->dims[i];
        TC_OK(MPI_Cart_rank(cart, coords, &r));
        TC_CHECK(r == q, "Cart_rank of wrapped coordinates of %d = %d", q, r);
    }
}

static void check_shifts(MPI_Comm cart, const struct grid *g, int rank)
{
    static const int disps[] = {0, 1, -1, 2, -2, 3, -5, 7, 100003, INT_MAX, INT_MIN};
    int c[MAXD], src, dst, got, ndisps = (int)(sizeof disps / sizeof disps[0]);
#ifdef OPEN_MPI
    ndisps -= 2; /* Open MPI 4.1 overflows on coordinate + INT_MAX */
#endif

    ref_coords(g, rank, c);
    for (int d = 0; d < g->nd; d++) {
        for (int k = 0; k < ndisps; k++) {
            TC_OK(MPI_Cart_shift(cart, d, disps[k], &src, &dst));
            TC_CHECK(dst == ref_shift(g, c, d, disps[k]), "Cart_shift(%d, %d): dest %d", d,
                     disps[k], dst);
            TC_CHECK(src == ref_shift(g, c, d, -(long long)disps[k]),
                     "Cart_shift(%d, %d): source %d", d, disps[k], src);
        }
        /* the shift agrees across ranks: what goes to dest comes from source */
        TC_OK(MPI_Cart_shift(cart, d, 1, &src, &dst));
        got = -7;
        TC_OK(MPI_Sendrecv(&rank, 1, MPI_INT, dst, d, &got, 1, MPI_INT, src, d, cart,
                           MPI_STATUS_IGNORE));
        TC_CHECK(got == (src == MPI_PROC_NULL ? -7 : src), "shift %d: got %d from %d", d, got, src);
    }
}

/* Create g over MPI_COMM_WORLD and check everything on it; ranks beyond the grid get NULL. */
static void check_grid(const struct grid *g)
{
    int n = grid_size(g), size = -1, rank = -1, sum = 0, one = 1, status = -1;
    MPI_Comm cart, dup;

    TC_OK(MPI_Cart_create(MPI_COMM_WORLD, g->nd, g->dims, g->periods, 0, &cart));
    if (tc_rank >= n) {
        TC_CHECK(cart == MPI_COMM_NULL, "rank %d is beyond the %d-node grid but got a comm",
                 tc_rank, n);
        return;
    }
    TC_CHECK(cart != MPI_COMM_NULL, "no communicator for a rank inside the grid");
    TC_OK(MPI_Comm_size(cart, &size));
    TC_OK(MPI_Comm_rank(cart, &rank));
    TC_CHECK(size == n && rank == tc_rank, "size %d rank %d, expected %d %d", size, rank, n,
             tc_rank);
    check_queries(cart, g, rank);
    check_shifts(cart, g, rank);
    TC_OK(MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, cart));
    TC_CHECK(sum == n, "allreduce on the grid: %d", sum);
    TC_OK(MPI_Comm_dup(cart, &dup));
    check_queries(dup, g, rank);
    tt_free(&cart);
    TC_OK(MPI_Topo_test(dup, &status)); /* the copy outlives the original */
    TC_CHECK(status == MPI_CART, "dup: Topo_test %d", status);
    tt_free(&dup);
}

static void check_dims_create(void)
{
    int d[3], d2[2] = {0, 0};

    d[0] = d[1] = 0;
    TC_OK(MPI_Dims_create(6, 2, d));
    TC_CHECK(d[0] == 3 && d[1] == 2, "Dims_create(6, 2): %d x %d", d[0], d[1]);
    d[0] = d[1] = 0;
    TC_OK(MPI_Dims_create(7, 2, d));
    TC_CHECK(d[0] == 7 && d[1] == 1, "Dims_create(7, 2): %d x %d", d[0], d[1]);
    d[0] = 0, d[1] = 3, d[2] = 0;
    TC_OK(MPI_Dims_create(6, 3, d));
    TC_CHECK(d[0] == 2 && d[1] == 3 && d[2] == 1, "Dims_create(6, 3, {0,3,0}): %d %d %d", d[0],
             d[1], d[2]);
    TC_OK(MPI_Dims_create(tc_size, 2, d2));
    TC_CHECK(d2[0] * d2[1] == tc_size && d2[0] >= d2[1], "Dims_create(%d, 2): %d x %d", tc_size,
             d2[0], d2[1]);
}

static void check_map(const struct grid *g)
{
    int nr = -5;

    TC_OK(MPI_Cart_map(MPI_COMM_WORLD, g->nd, g->dims, g->periods, &nr));
    tt_check_map(nr, grid_size(g), "Cart_map");
}

/* The mpi4py cookbook's grid: rows = floor(sqrt(size)), cols = size / rows, periodic, reorder. */
static void cookbook(void)
{
    enum { UP, DOWN, LEFT, RIGHT };
    int rows = (int)floor(sqrt((double)tc_size)), cols, member, members = 0;
    int dims[2], periods[2] = {1, 1}, coords[2], nb[4], want[4], rank;
    MPI_Comm cart;

    cols = tc_size / rows;
    while (rows * cols > tc_size)
        cols--;
    dims[0] = rows, dims[1] = cols;
    TC_OK(MPI_Cart_create(MPI_COMM_WORLD, 2, dims, periods, 1, &cart));
    member = cart != MPI_COMM_NULL;
    TC_OK(MPI_Allreduce(&member, &members, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD));
    TC_CHECK(members == rows * cols, "cookbook: %d members of a %d x %d grid", members, rows, cols);
    if (!member)
        return;
    TC_OK(MPI_Comm_rank(cart, &rank));
    TC_OK(MPI_Cart_coords(cart, rank, 2, coords));
    TC_OK(MPI_Cart_shift(cart, 0, 1, &nb[UP], &nb[DOWN]));
    TC_OK(MPI_Cart_shift(cart, 1, 1, &nb[LEFT], &nb[RIGHT]));
    want[UP] = tt_mod(coords[0] - 1, rows) * cols + coords[1];
    want[DOWN] = tt_mod(coords[0] + 1, rows) * cols + coords[1];
    want[LEFT] = coords[0] * cols + tt_mod(coords[1] - 1, cols);
    want[RIGHT] = coords[0] * cols + tt_mod(coords[1] + 1, cols);
    TC_CHECK(coords[0] * cols + coords[1] == rank, "cookbook: rank %d at (%d, %d)", rank, coords[0],
             coords[1]);
    for (int k = 0; k < 4; k++)
        TC_CHECK(nb[k] == want[k], "cookbook: neighbour %d is %d, expected %d", k, nb[k], want[k]);
    tt_free(&cart);
}

int main(int argc, char **argv)
{
    int P, two[2] = {0, 0}, three[3] = {0, 0, 0};

    tc_init(&argc, &argv, "cart");
    P = tc_size;
    check_dims_create();
    TC_OK(MPI_Dims_create(P, 2, two));
    TC_OK(MPI_Dims_create(P, 3, three));
    const struct grid grids[] = {
        {1, {P}, {1}},
        {1, {P}, {0}},
        {2, {two[0], two[1]}, {1, 1}},
        {2, {two[0], two[1]}, {1, 0}},
        {3, {three[0], three[1], three[2]}, {0, 1, 0}},
        {4, {1, P, 1, 1}, {1, 0, 0, 1}},
        {1, {P > 1 ? P - 1 : 1}, {1}},       /* fewer slots than ranks */
        {2, {1, P > 2 ? P / 2 : 1}, {0, 1}}, /* fewer slots, a dimension of size 1 */
        {3, {P >= 4 ? 2 : 1, 1, P >= 4 ? P / 2 - 1 : 1}, {1, 1, 0}},
        {0, {0}, {0}}, /* zero dimensions: one rank */
    };
    for (size_t k = 0; k < sizeof grids / sizeof grids[0]; k++) {
        check_grid(&grids[k]);
        check_map(&grids[k]);
    }
    cookbook();
    tt_done("Cartesian topologies");
    return 0;
}
