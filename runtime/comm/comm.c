/*
 * Making and freeing communicators. A new communicator is described by the world ranks of its
 * members in rank order (struct mpr_comm.world) and a context id agreed over its parent
 * (comm/context.c); everything else starts fresh: no name, no attributes, no topology, and
 * collective tags from 0 on every member.
 */
#include "comm/comm.h"

#include "coll/coll.h"
#include "comm/attr.h"
#include "comm/context.h"
#include "comm/topo.h"
#include "core/errcode.h"
#include "core/errhandler.h"

#include <stdlib.h>
#include <string.h>

/* A communicator with ctx whose member i is world rank world[i]; takes ownership of world. */
static struct mpr_comm *comm_new(struct mpr_comm *parent, int *world, int n, int me, uint32_t ctx)
{
    struct mpr_comm *c = calloc(1, sizeof(*c));

    if (!c) {
        return NULL;
    }
    c->magic = MPR_COMM_MAGIC;
    c->rank = me;
    c->size = n;
    c->context_id = ctx;
    c->world = world;
    c->world_order = n == MPI_COMM_WORLD->size;
    for (int i = 0; i < n && c->world_order; i++) {
        c->world_order = world[i] == i;
    }
    c->errhandler = parent->errhandler;
    mpr_errhandler_retain(c->errhandler);
    return c;
}

/* Allocate the context (collective over parent), then the object for members. */
static int comm_build(struct mpr_comm *parent, int *world, int n, int me, struct mpr_comm **out)
{
    uint32_t ctx;
    int rc = mpr_context_alloc(parent, me >= 0, &ctx);

    if (rc != 0 || me < 0) {
        free(world);
        *out = NULL;
        return rc;
    }
    *out = comm_new(parent, world, n, me, ctx);
    if (!*out) {
        free(world);
        mpr_context_release(ctx);
        return -MPR_ERR_NOMEM;
    }
    return 0;
}

int mpr_comm_create_ranks(struct mpr_comm *parent, int n, const int *ranks, struct mpr_comm **out)
{
    int *world = malloc((size_t)(n ? n : 1) * sizeof(int));
    int me = -1;

    if (!world) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < n; i++) {
        world[i] = mpr_comm_world_rank(parent, ranks[i]);
        if (ranks[i] == parent->rank) {
            me = i;
        }
    }
    return comm_build(parent, world, n, me, out);
}

/* One process's (color, key) in a split, with its parent rank for the tie-break. */
struct split_entry {
    int color;
    int key;
    int rank;
};

static int split_cmp(const void *a, const void *b)
{
    const struct split_entry *x = a, *y = b;

    if (x->key != y->key) {
        return x->key < y->key ? -1 : 1;
    }
    return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The world ranks of my color's members in new-rank order; *n and *me set. NULL: no memory. */
static int *split_members(struct mpr_comm *parent, const int *pairs, int color, int *n, int *me)
{
    struct split_entry *e = malloc((size_t)parent->size * sizeof(*e));
    int *world = malloc((size_t)parent->size * sizeof(int));
    int m = 0;

    if (!e || !world) {
        free(e);
        free(world);
        return NULL;
    }
    for (int r = 0; r < parent->size; r++) {
        if (pairs[2 * r] == color) {
            e[m++] = (struct split_entry){color, pairs[2 * r + 1], r};
        }
    }
    qsort(e, (size_t)m, sizeof(*e), split_cmp);
    for (int i = 0; i < m; i++) {
        world[i] = mpr_comm_world_rank(parent, e[i].rank);
        if (e[i].rank == parent->rank) {
            *me = i;
        }
    }
    *n = m;
    free(e);
    return world;
}

int mpr_comm_split(struct mpr_comm *parent, int color, int key, struct mpr_comm **out)
{
    int mine[2] = {color, key};
    int *pairs = malloc((size_t)parent->size * 2 * sizeof(int));
    int *world = NULL;
    int n = 0, me = -1, rc;

    if (!pairs) {
        return -MPR_ERR_NOMEM;
    }
    rc = mpr_coll_allgather(mine, 2, MPI_INT, pairs, 2, MPI_INT, parent, NULL);
    if (rc == 0 && color != MPI_UNDEFINED) {
        world = split_members(parent, pairs, color, &n, &me);
        rc = world ? 0 : -MPR_ERR_NOMEM;
    }
    free(pairs);
    if (rc != 0) {
        /* The others go on to the context agreement: join it so nobody hangs, then fail. */
        uint32_t ctx;
        mpr_context_alloc(parent, 0, &ctx);
        return rc;
    }
    return comm_build(parent, world, n, me, out);
}

int mpr_comm_dup(struct mpr_comm *parent, struct mpr_comm **out)
{
    int *world = malloc((size_t)parent->size * sizeof(int));
    struct mpr_comm *c;
    int rc, cb_rc = MPI_SUCCESS;

    if (!world) {
        uint32_t ctx;
        mpr_context_alloc(parent, 0, &ctx);
        return -MPR_ERR_NOMEM;
    }
    for (int r = 0; r < parent->size; r++) {
        world[r] = mpr_comm_world_rank(parent, r);
    }
    rc = comm_build(parent, world, parent->size, parent->rank, &c);
    if (rc != 0) {
        return rc;
    }
    if (parent->topo) {
        c->topo = mpr_topo_dup(parent->topo);
        rc = c->topo ? 0 : -MPR_ERR_NOMEM;
    }
    if (rc == 0) {
        rc = mpr_attr_copy_all(parent, parent->attrs, &c->attrs, &cb_rc);
    }
    if (rc != 0) {
        mpr_comm_free(c);
        return rc == -MPR_ERR_CALLBACK ? cb_rc : rc;
    }
    *out = c;
    return 0;
}

int mpr_comm_free(struct mpr_comm *c)
{
    int cb_rc = MPI_SUCCESS;
    int rc = mpr_attr_delete_all(c, &c->attrs, &cb_rc);

    if (rc != 0) {
        return rc == -MPR_ERR_CALLBACK ? cb_rc : rc;
    }
    mpr_topo_free(c->topo);
    mpr_errhandler_release(c->errhandler);
    mpr_context_release(c->context_id);
    free((void *)c->world);
    c->magic = 0;
    free(c);
    return 0;
}

int mpr_comm_create_group(struct mpr_comm *parent, const int *members, int n, int me, int tag,
                          struct mpr_comm **out)
{
    int *world = malloc((size_t)n * sizeof(int));
    uint32_t ctx;
    int rc;

    if (!world) {
        return -MPR_ERR_NOMEM;
    }
    memcpy(world, members, (size_t)n * sizeof(int));
    rc = mpr_context_alloc_group(parent, world, n, me, tag, &ctx);
    if (rc != 0) {
        free(world);
        return rc;
    }
    *out = comm_new(parent, world, n, me, ctx);
    if (!*out) {
        free(world);
        mpr_context_release(ctx);
        return -MPR_ERR_NOMEM;
    }
    return 0;
}
