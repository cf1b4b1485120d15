/* Building derived types (datatype/type_build.h), and their lifetime. */
#include "datatype/type_build.h"

#include "core/errcode.h"

#include <stdlib.h>
#include <string.h>

void mpr_tb_init(struct mpr_type_build *b)
{
    memset(b, 0, sizeof(*b));
    mpr_flat_builder_init(&b->fb);
}

void mpr_tb_account(struct mpr_type_build *b, const struct mpr_datatype *child, MPI_Count n)
{
    if (n <= 0) {
        return;
    }
    b->size += n * child->size;
    b->packed += n * child->packed;
    b->nelem += n * child->nelem;
    if (child->alignment > b->alignment) {
        b->alignment = child->alignment;
    }
    if (child->nelem > 0) {
        if (!b->base_set) {
            b->base = child->base;
            b->base_set = 1;
        } else if (b->base != child->base) {
            b->base = NULL;
        }
    }
}

static MPI_Aint amin(MPI_Aint a, MPI_Aint b)
{
    return a < b ? a : b;
}

static MPI_Aint amax(MPI_Aint a, MPI_Aint b)
{
    return a > b ? a : b;
}

/* Bounds of copies of c at offsets from lo to hi. A copy of an empty type map adds nothing. */
static void add_bounds(struct mpr_type_build *b, const struct mpr_datatype *c, MPI_Aint lo,
                       MPI_Aint hi)
{
    MPI_Aint ub = c->lb + c->extent;

    if (c->size == 0 && !c->lb_marked && !c->ub_marked) {
        return;
    }
    b->lb = b->any ? amin(b->lb, lo + c->lb) : lo + c->lb;
    b->ub = b->any ? amax(b->ub, hi + ub) : hi + ub;
    b->any = 1;
    if (c->lb_marked) {
        b->mlb = b->lb_marked ? amin(b->mlb, lo + c->lb) : lo + c->lb;
        b->lb_marked = 1;
    }
    if (c->ub_marked) {
        b->mub = b->ub_marked ? amax(b->mub, hi + ub) : hi + ub;
        b->ub_marked = 1;
    }
    if (c->size > 0) {
        MPI_Aint tlb = lo + c->true_lb, tub = hi + c->true_lb + c->true_extent;
        b->tlb = b->any_data ? amin(b->tlb, tlb) : tlb;
        b->tub = b->any_data ? amax(b->tub, tub) : tub;
        b->any_data = 1;
    }
}

int mpr_tb_place(struct mpr_type_build *b, const struct mpr_datatype *child, MPI_Aint disp,
                 MPI_Count n, MPI_Count count, MPI_Aint stride)
{
    MPI_Aint o[4], lo, hi;

    if (n <= 0 || count <= 0) {
        return 0;
    }
    mpr_tb_account(b, child, n * count);
    /* Offsets are linear in the block and element indices: the extremes are at the corners. */
    o[0] = disp;
    o[1] = disp + (MPI_Aint)(n - 1) * child->extent;
    o[2] = disp + (MPI_Aint)(count - 1) * stride;
    o[3] = o[2] + (MPI_Aint)(n - 1) * child->extent;
    lo = amin(amin(o[0], o[1]), amin(o[2], o[3]));
    hi = amax(amax(o[0], o[1]), amax(o[2], o[3]));
    add_bounds(b, child, lo, hi);
    return mpr_flat_place(&b->fb, child, disp, n, count, stride);
}

struct mpr_dt_contents *mpr_dt_contents_new(int combiner, int nints, int naddrs, int ntypes)
{
    size_t bytes = sizeof(struct mpr_dt_contents) + (size_t)naddrs * sizeof(MPI_Aint) +
                   (size_t)ntypes * sizeof(struct mpr_datatype *) + (size_t)nints * sizeof(int);
    struct mpr_dt_contents *c = calloc(1, bytes);

    if (c) {
        /* One block: addresses, then type pointers, then ints, so each array stays aligned. */
        c->combiner = combiner;
        c->nints = nints;
        c->naddrs = naddrs;
        c->ntypes = ntypes;
        c->addrs = (MPI_Aint *)(c + 1);
        c->types = (struct mpr_datatype **)(c->addrs + naddrs);
        c->ints = (int *)(c->types + ntypes);
    }
    return c;
}

static void set_bounds(struct mpr_datatype *t, const struct mpr_type_build *b)
{
    MPI_Aint lb = b->lb_marked ? b->mlb : (b->any ? b->lb : 0);
    MPI_Aint ub = b->ub_marked ? b->mub : (b->any ? b->ub : 0);

    if (b->is_struct && !b->ub_marked && b->alignment > 1 && ub > lb) {
        MPI_Aint rem = (ub - lb) % b->alignment;
        if (rem) {
            ub += b->alignment - rem;
        }
    }
    t->lb = lb;
    t->extent = ub - lb;
    t->lb_marked = b->lb_marked;
    t->ub_marked = b->ub_marked;
    t->true_lb = b->any_data ? b->tlb : 0;
    t->true_extent = b->any_data ? b->tub - b->tlb : 0;
}

/* The contiguous stand-in for collectives on packed copies of a type that is not contig. */
static int make_twin(struct mpr_datatype *t)
{
    struct mpr_flat_builder fb;
    struct mpr_datatype *w;
    int rc;

    if (t->contig) {
        return 0;
    }
    w = calloc(1, sizeof(*w));
    if (!w) {
        return -MPR_ERR_NOMEM;
    }
    mpr_flat_builder_init(&fb);
    rc = mpr_flat_place(&fb, MPI_BYTE, 0, t->packed, 1, 0);
    if (rc == 0) {
        rc = mpr_flat_finish(&fb, &w->flat);
    }
    if (rc != 0) {
        mpr_flat_builder_discard(&fb);
        free(w);
        return rc;
    }
    w->magic = MPR_DATATYPE_MAGIC;
    w->size = w->extent = w->true_extent = w->packed = t->packed;
    w->alignment = 1;
    w->combiner = MPI_COMBINER_CONTIGUOUS;
    w->committed = w->refcount = w->contig = w->block1 = 1;
    w->kind = MPR_DT_DERIVED;
    w->nelem = t->nelem;
    w->base = t->base;
    t->twin = w;
    return 0;
}

static void set_fields(struct mpr_datatype *t, const struct mpr_type_build *b, int combiner)
{
    MPI_Aint at;

    t->magic = MPR_DATATYPE_MAGIC;
    t->size = b->size;
    t->packed = b->packed;
    t->nelem = b->nelem;
    t->alignment = b->alignment > 0 ? b->alignment : 1;
    t->base = b->base;
    t->combiner = combiner;
    t->refcount = 1;
    t->kind = MPR_DT_DERIVED;
    t->scalar = MPR_SCALAR_NONE;
    set_bounds(t, b);
    /* One block that starts where the data starts; contig when elements follow back to back. */
    t->block1 = t->packed == 0 || (mpr_flat_one_block(t->flat, &at) && at == t->true_lb);
    t->contig = t->block1 && (t->packed == 0 || t->packed == t->extent);
}

int mpr_tb_finish(struct mpr_type_build *b, int rc, struct mpr_dt_contents *c,
                  struct mpr_datatype **out)
{
    struct mpr_datatype *t = NULL;

    if (rc == 0 && (!c || !(t = calloc(1, sizeof(*t))))) {
        rc = -MPR_ERR_NOMEM;
    }
    if (rc == 0) {
        rc = mpr_flat_finish(&b->fb, &t->flat);
    }
    if (rc == 0) {
        set_fields(t, b, c->combiner);
        rc = make_twin(t);
    }
    if (rc != 0) {
        mpr_flat_builder_discard(&b->fb);
        if (t && t->flat) {
            mpr_flat_release(t->flat);
        }
        free(t);
        free(c);
        return rc;
    }
    for (int i = 0; i < c->ntypes; i++) {
        mpr_type_retain(c->types[i]);
    }
    t->contents = c;
    *out = t;
    return 0;
}

void mpr_type_retain(struct mpr_datatype *t)
{
    if (t->combiner != MPI_COMBINER_NAMED) {
        t->refcount++;
    }
}

void mpr_type_release(struct mpr_datatype *t)
{
    if (t->combiner == MPI_COMBINER_NAMED || --t->refcount > 0) {
        return;
    }
    if (t->contents) {
        for (int i = 0; i < t->contents->ntypes; i++) {
            mpr_type_release(t->contents->types[i]);
        }
        free(t->contents);
    }
    mpr_flat_release(t->flat);
    if (t->twin) {
        mpr_flat_release(t->twin->flat);
        free(t->twin);
    }
    t->magic = 0;
    free(t);
}
