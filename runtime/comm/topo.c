/*
 * Topologies as objects: copy and free (for MPI_Comm_dup and MPI_Comm_free), and the one view of
 * a rank's neighbourhood that the neighbourhood collectives and their argument checks share.
 */
#include "comm/topo.h"

#include <stdlib.h>
#include <string.h>

/* MPI_UNWEIGHTED and MPI_WEIGHTS_EMPTY are the addresses of these; their values mean nothing. */
int mpr_mpi_unweighted;
int mpr_mpi_weights_empty;

/* A copy of n ints; NULL for an empty or absent array. *failed is set when malloc fails. */
static int *copy_ints(const int *a, int n, int *failed)
{
    int *c;

    if (!a || n <= 0) {
        return NULL;
    }
    c = malloc((size_t)n * sizeof(*c));
    if (!c) {
        *failed = 1;
        return NULL;
    }
    memcpy(c, a, (size_t)n * sizeof(*c));
    return c;
}

struct mpr_topo *mpr_topo_dup(const struct mpr_topo *t)
{
    struct mpr_topo *d = malloc(sizeof(*d));
    int failed = 0, nedges = t->nnodes > 0 && t->index ? t->index[t->nnodes - 1] : 0;

    if (!d) {
        return NULL;
    }
    *d = *t;
    d->dims = copy_ints(t->dims, t->ndims, &failed);
    d->periods = copy_ints(t->periods, t->ndims, &failed);
    d->coords = copy_ints(t->coords, t->ndims, &failed);
    d->index = copy_ints(t->index, t->nnodes, &failed);
    d->edges = copy_ints(t->edges, nedges, &failed);
    d->sources = copy_ints(t->sources, t->indegree, &failed);
    d->sourceweights = copy_ints(t->sourceweights, t->indegree, &failed);
    d->destinations = copy_ints(t->destinations, t->outdegree, &failed);
    d->destweights = copy_ints(t->destweights, t->outdegree, &failed);
    if (failed) {
        mpr_topo_free(d);
        d = NULL;
    }
    return d;
}

void mpr_topo_free(struct mpr_topo *t)
{
    if (!t) {
        return;
    }
    free(t->dims);
    free(t->periods);
    free(t->coords);
    free(t->index);
    free(t->edges);
    free(t->sources);
    free(t->sourceweights);
    free(t->destinations);
    free(t->destweights);
    free(t);
}

void mpr_topo_degrees(const struct mpr_topo *t, int rank, int *indegree, int *outdegree)
{
    switch (t->kind) {
    case MPI_CART:
        *indegree = *outdegree = 2 * t->ndims;
        break;
    case MPI_GRAPH:
        *indegree = *outdegree = mpr_topo_graph_degree(t, rank);
        break;
    default:
        *indegree = t->indegree;
        *outdegree = t->outdegree;
    }
}

void mpr_topo_neighbors(const struct mpr_topo *t, int rank, int *in, int *out)
{
    int n;

    switch (t->kind) {
    case MPI_CART:
        /* Cartesian neighbourhoods are only asked for about this rank (t->coords). */
        for (int d = 0; d < t->ndims; d++) {
            mpr_topo_cart_shift(t, d, 1, &in[2 * d], &in[2 * d + 1]);
            out[2 * d] = in[2 * d];
            out[2 * d + 1] = in[2 * d + 1];
        }
        break;
    case MPI_GRAPH:
        n = mpr_topo_graph_degree(t, rank);
        if (n > 0) {
            memcpy(in, mpr_topo_graph_adj(t, rank), (size_t)n * sizeof(*in));
            memcpy(out, in, (size_t)n * sizeof(*out));
        }
        break;
    default:
        if (t->indegree > 0) {
            memcpy(in, t->sources, (size_t)t->indegree * sizeof(*in));
        }
        if (t->outdegree > 0) {
            memcpy(out, t->destinations, (size_t)t->outdegree * sizeof(*out));
        }
    }
}

int mpr_topo_map(int rank, int nnodes)
{
    return rank < nnodes ? rank : MPI_UNDEFINED;
}
