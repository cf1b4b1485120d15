/*
 * General graphs (MPI_Graph_create): every rank holds the whole graph in the standard's
 * compressed form, index[i] the end of node i's neighbours in edges. Self loops and repeated
 * edges are allowed (MPI 3.1 section 7.5.3) and kept as given.
 */
#include "comm/topo.h"

#include "core/errcode.h"

#include <stdlib.h>
#include <string.h>

int mpr_topo_graph_new(int nnodes, const int *index, const int *edges, struct mpr_topo **out)
{
    struct mpr_topo *t = calloc(1, sizeof(*t));
    int nedges = nnodes > 0 ? index[nnodes - 1] : 0;

    if (!t) {
        return -MPR_ERR_NOMEM;
    }
    t->kind = MPI_GRAPH;
    t->nnodes = nnodes;
    if (nnodes > 0) {
        t->index = malloc((size_t)nnodes * sizeof(int));
        t->edges = malloc((size_t)(nedges ? nedges : 1) * sizeof(int));
        if (!t->index || !t->edges) {
            mpr_topo_free(t);
            return -MPR_ERR_NOMEM;
        }
        memcpy(t->index, index, (size_t)nnodes * sizeof(int));
        if (nedges > 0) {
            memcpy(t->edges, edges, (size_t)nedges * sizeof(int));
        }
    }
    *out = t;
    return 0;
}

int mpr_topo_graph_degree(const struct mpr_topo *t, int rank)
{
    return t->index[rank] - (rank > 0 ? t->index[rank - 1] : 0);
}

const int *mpr_topo_graph_adj(const struct mpr_topo *t, int rank)
{
    return t->edges + (rank > 0 ? t->index[rank - 1] : 0);
}
