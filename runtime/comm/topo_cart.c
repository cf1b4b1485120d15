/*
 * Cartesian grids: ranks are laid out row-major over the grid (the last dimension varies
 * fastest), as MPI 3.1 section 7.5.1 requires when no reordering is done.
 */
#include "comm/topo.h"

#include "core/errcode.h"

#include <stdlib.h>
#include <string.h>

/* x mod n in [0, n) for any sign of x. */
static long long wrap(long long x, int n)
{
    long long m = x % n;

    return m < 0 ? m + n : m;
}

int mpr_topo_cart_size(int ndims, const int *dims)
{
    int n = 1;

    for (int i = 0; i < ndims; i++) {
        n *= dims[i];
    }
    return n;
}

int mpr_topo_cart_new(int ndims, const int *dims, const int *periods, int rank,
                      struct mpr_topo **out)
{
    struct mpr_topo *t = calloc(1, sizeof(*t));
    size_t bytes = (size_t)ndims * sizeof(int);

    if (!t) {
        return -MPR_ERR_NOMEM;
    }
    t->kind = MPI_CART;
    t->ndims = ndims;
    if (ndims > 0) {
        t->dims = malloc(bytes);
        t->periods = malloc(bytes);
        t->coords = malloc(bytes);
        if (!t->dims || !t->periods || !t->coords) {
            mpr_topo_free(t);
            return -MPR_ERR_NOMEM;
        }
        memcpy(t->dims, dims, bytes);
        for (int i = 0; i < ndims; i++) {
            t->periods[i] = periods[i] != 0; /* any true value; Cart_get reports 1 */
        }
        mpr_topo_cart_coords(t, rank, t->coords);
    }
    *out = t;
    return 0;
}

int mpr_topo_cart_rank(const struct mpr_topo *t, const int *coords)
{
    int rank = 0;

    for (int i = 0; i < t->ndims; i++) {
        int c = t->periods[i] ? (int)wrap(coords[i], t->dims[i]) : coords[i];
        rank = rank * t->dims[i] + c;
    }
    return rank;
}

void mpr_topo_cart_coords(const struct mpr_topo *t, int rank, int *coords)
{
    for (int i = t->ndims - 1; i >= 0; i--) {
        coords[i] = rank % t->dims[i];
        rank /= t->dims[i];
    }
}

/* The rank at this rank's coordinates moved by `by` along dimension d, or MPI_PROC_NULL. */
static int moved(const struct mpr_topo *t, int d, long long by)
{
    long long c = t->coords[d] + by;
    int rank = 0;

    if (t->periods[d]) {
        c = wrap(c, t->dims[d]);
    } else if (c < 0 || c >= t->dims[d]) {
        return MPI_PROC_NULL;
    }
    for (int i = 0; i < t->ndims; i++) {
        rank = rank * t->dims[i] + (i == d ? (int)c : t->coords[i]);
    }
    return rank;
}

void mpr_topo_cart_shift(const struct mpr_topo *t, int direction, int disp, int *source, int *dest)
{
    /* long long: coords + disp must not overflow for any int disp */
    *source = moved(t, direction, -(long long)disp);
    *dest = moved(t, direction, disp);
}

void mpr_topo_cart_sub_split(const struct mpr_topo *t, const int *remain_dims, int *color, int *key)
{
    *color = 0;
    *key = 0;
    for (int i = 0; i < t->ndims; i++) {
        if (remain_dims[i]) {
            *key = *key * t->dims[i] + t->coords[i];
        } else {
            *color = *color * t->dims[i] + t->coords[i];
        }
    }
}

int mpr_topo_cart_sub_new(const struct mpr_topo *t, const int *remain_dims, struct mpr_topo **out)
{
    int n = 0, rc;
    int *dims = malloc((size_t)(t->ndims ? t->ndims : 1) * sizeof(int));
    int *periods = malloc((size_t)(t->ndims ? t->ndims : 1) * sizeof(int));
    int color, key;

    if (!dims || !periods) {
        free(dims);
        free(periods);
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < t->ndims; i++) {
        if (remain_dims[i]) {
            dims[n] = t->dims[i];
            periods[n++] = t->periods[i];
        }
    }
    /* The key is this rank's row-major position in the kept grid: its rank in the new one. */
    mpr_topo_cart_sub_split(t, remain_dims, &color, &key);
    rc = mpr_topo_cart_new(n, dims, periods, key, out);
    free(dims);
    free(periods);
    return rc;
}
