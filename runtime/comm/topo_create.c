/*
 * Communicators with a topology: the members are chosen (every rank knows them from the
 * arguments, except for MPI_Cart_sub, which splits), then the topology is attached. A new
 * communicator, not a duplicate: the standard gives it no attributes of the old one.
 *
 * Reordering is allowed but never done: rank i of the new communicator is rank i of the old one,
 * so MPI_Cart_map and MPI_Graph_map are the identity too.
 */
#include "comm/topo.h"

#include "comm/comm.h"
#include "core/errcode.h"

#include <stdlib.h>

/* Old ranks 0..n-1 as a new communicator; the others get NULL. */
static int first_ranks(struct mpr_comm *parent, int n, struct mpr_comm **out)
{
    int *ranks = malloc((size_t)(n > 0 ? n : 1) * sizeof(int));
    int rc;

    if (!ranks) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < n; i++) {
        ranks[i] = i;
    }
    rc = mpr_comm_create_ranks(parent, n, ranks, out);
    free(ranks);
    return rc;
}

/* Give c (NULL: this rank is not a member) the topology t, or free both on an error. */
static int attach(struct mpr_comm *c, int rc, struct mpr_topo *t, struct mpr_comm **out)
{
    if (rc == 0 && c) {
        c->topo = t;
        *out = c;
        return 0;
    }
    mpr_topo_free(t);
    if (c) {
        mpr_comm_free(c);
    }
    if (rc == 0) {
        *out = NULL;
    }
    return rc;
}

int mpr_topo_cart_create(struct mpr_comm *parent, int ndims, const int *dims, const int *periods,
                         struct mpr_comm **out)
{
    int n = mpr_topo_cart_size(ndims, dims);
    struct mpr_comm *c = NULL;
    struct mpr_topo *t = NULL;
    int rc = first_ranks(parent, n, &c);

    if (rc == 0 && c) {
        rc = mpr_topo_cart_new(ndims, dims, periods, c->rank, &t);
    }
    return attach(c, rc, t, out);
}

int mpr_topo_cart_sub(struct mpr_comm *cart, const int *remain_dims, struct mpr_comm **out)
{
    struct mpr_comm *c = NULL;
    struct mpr_topo *t = NULL;
    int color, key, rc;

    mpr_topo_cart_sub_split(cart->topo, remain_dims, &color, &key);
    rc = mpr_comm_split(cart, color, key, &c);
    if (rc == 0) {
        rc = mpr_topo_cart_sub_new(cart->topo, remain_dims, &t);
    }
    return attach(c, rc, t, out);
}

int mpr_topo_graph_create(struct mpr_comm *parent, int nnodes, const int *index, const int *edges,
                          struct mpr_comm **out)
{
    struct mpr_comm *c = NULL;
    struct mpr_topo *t = NULL;
    int rc = first_ranks(parent, nnodes, &c);

    if (rc == 0 && c) {
        rc = mpr_topo_graph_new(nnodes, index, edges, &t);
    }
    return attach(c, rc, t, out);
}

int mpr_topo_dist_graph_attach(struct mpr_comm *parent, struct mpr_topo *t, struct mpr_comm **out)
{
    struct mpr_comm *c = NULL;
    int rc = first_ranks(parent, parent->size, &c);

    return attach(c, rc, t, out);
}
