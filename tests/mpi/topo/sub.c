/* sub.c — MPI_Cart_sub (MPI 3.1 section 7.5.7): the rows and the columns of a 2D grid, a plane
 * of a 3D grid, every dimension kept, none kept, and a sub-grid of a sub-grid. On each result an
 * MPI_Allreduce of the world ranks is checked against the members computed here, and the new
 * topology (dims, periods, coordinates, shifts) against the kept dimensions of the old one.
 * Any number of ranks. Usage: mpt_topo_sub */
#include "topotest.h"

#define MAXD 3

/* Split cart by remain and check the result; returns it (the caller frees it). */
static MPI_Comm check_sub(MPI_Comm cart, const int *remain, const char *what)
{
    int nd, dims[MAXD], periods[MAXD], coords[MAXD], kd[MAXD], kp[MAXD], kc[MAXD], nk = 0;
    int size, rank, n = 1, key = 0, sum = -1, want = 0, sd = -1, sdims[MAXD], sper[MAXD],
                    scoords[MAXD], status = -1;
    MPI_Comm sub;

    TC_OK(MPI_Cartdim_get(cart, &nd));
    TC_OK(MPI_Cart_get(cart, MAXD, dims, periods, coords));
    for (int i = 0; i < nd; i++) {
        if (remain[i]) {
            kd[nk] = dims[i], kp[nk] = periods[i], kc[nk++] = coords[i];
            n *= dims[i];
            key = key * dims[i] + coords[i];
        }
    }
    TC_OK(MPI_Cart_sub(cart, remain, &sub));
    TC_CHECK(sub != MPI_COMM_NULL, "%s: no communicator", what);
    TC_OK(MPI_Comm_size(sub, &size));
    TC_OK(MPI_Comm_rank(sub, &rank));
    TC_CHECK(size == n && rank == key, "%s: size %d rank %d, expected %d %d", what, size, rank, n,
             key);
    TC_OK(MPI_Topo_test(sub, &status));
    TC_CHECK(status == MPI_CART, "%s: Topo_test %d", what, status);
    TC_OK(MPI_Cartdim_get(sub, &sd));
    TC_CHECK(sd == nk, "%s: %d dims, expected %d", what, sd, nk);
    TC_OK(MPI_Cart_get(sub, MAXD, sdims, sper, scoords));
    for (int i = 0; i < nk; i++)
        TC_CHECK(sdims[i] == kd[i] && !sper[i] == !kp[i] && scoords[i] == kc[i],
                 "%s: dim %d is %d/%d at %d, expected %d/%d at %d", what, i, sdims[i], sper[i],
                 scoords[i], kd[i], kp[i], kc[i]);
    /* the members are the ranks of cart that agree in the dropped coordinates */
    for (int q = 0; q < n; q++) {
        int c[MAXD], r;
        for (int i = nd - 1, rest = q; i >= 0; i--) {
            if (remain[i]) {
                c[i] = rest % dims[i];
                rest /= dims[i];
            } else {
                c[i] = coords[i];
            }
        }
        TC_OK(MPI_Cart_rank(cart, c, &r));
        want += r;
    }
    TC_OK(MPI_Comm_rank(cart, &rank));
    TC_OK(MPI_Allreduce(&rank, &sum, 1, MPI_INT, MPI_SUM, sub));
    TC_CHECK(sum == want, "%s: allreduce of the members' ranks %d, expected %d", what, sum, want);
    return sub;
}

int main(int argc, char **argv)
{
    int d2[2] = {0, 0}, d3[3] = {0, 0, 0}, p2[2] = {1, 0}, p3[3] = {0, 1, 1};
    MPI_Comm g2, g3, rows, cols, plane, line, point, all;

    tc_init(&argc, &argv, "sub");
    TC_OK(MPI_Dims_create(tc_size, 2, d2));
    TC_OK(MPI_Dims_create(tc_size, 3, d3));
    TC_OK(MPI_Cart_create(MPI_COMM_WORLD, 2, d2, p2, 0, &g2));
    TC_OK(MPI_Cart_create(MPI_COMM_WORLD, 3, d3, p3, 0, &g3));

    rows = check_sub(g2, (int[]){0, 1}, "rows");
    cols = check_sub(g2, (int[]){1, 0}, "columns");
    plane = check_sub(g3, (int[]){1, 0, 1}, "plane");
    point = check_sub(g3, (int[]){0, 0, 0}, "nothing kept");
    all = check_sub(g3, (int[]){1, 1, 1}, "everything kept");
    line = check_sub(plane, (int[]){0, 1}, "a line of the plane");

    /* shifts in the sub-grid follow the kept dimension's periodicity */
    int src, dst, c;
    TC_OK(MPI_Comm_rank(rows, &c));
    TC_OK(MPI_Cart_shift(rows, 0, 1, &src, &dst));
    TC_CHECK(dst == (c + 1 < d2[1] ? c + 1 : MPI_PROC_NULL), "rows: shift dest %d", dst);
    TC_OK(MPI_Comm_rank(cols, &c));
    TC_OK(MPI_Cart_shift(cols, 0, 1, &src, &dst));
    TC_CHECK(src == tt_mod(c - 1, d2[0]), "columns: shift source %d", src);

    tt_free(&line);
    tt_free(&all);
    tt_free(&point);
    tt_free(&plane);
    tt_free(&cols);
    tt_free(&rows);
    tt_free(&g3);
    tt_free(&g2);
    tt_done("MPI_Cart_sub");
    return 0;
}
