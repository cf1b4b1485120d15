/* reduce.c — MPI_Reduce / MPI_Ireduce / MPI_Reduce_local (mode "reduce") and MPI_Allreduce /
 * MPI_Iallreduce (mode "allreduce") over every type/op pair of coll.h, counts {0,1,7,1000} and
 * 262144 for the "big" pairs, roots {0, middle, last}, with and without MPI_IN_PLACE.
 * Every rank computes the serial reference itself. Usage: mpt_coll_reduce reduce|allreduce [big] */
#include "coll.h"

static bool all_big;

static void one_reduce(const ct_pair *p, int count, int root, bool inplace, bool nb, uint64_t salt)
{
    size_t n = (size_t)count, guard = 16 * p->size, bytes = n * p->size;
    char *send = ct_malloc(bytes), *recv = ct_malloc(bytes + guard);
    char *ref = ct_malloc(bytes), *tmp = ct_malloc(bytes);
    MPI_Request req;
    ct_gen(p, send, n, salt, tc_rank, 0);
    ct_sentinel(recv, bytes + guard);
    const void *sb = send;
    void *rb = tc_rank == root ? recv : NULL;
    if (inplace && tc_rank == root) {
        memcpy(recv, send, bytes);
        sb = MPI_IN_PLACE;
    }
#ifdef MPICH_VERSION
    /* MPICH 4.0.2 bug (pmodels/mpich#6540, fixed in 4.1.2): blocking MPI_Reduce with MPI_IN_PLACE
     * at a root other than 0 crashes above 2 KiB. Use the nonblocking form there instead. */
    if (inplace && root != 0 && !nb)
        nb = true;
#endif
    if (nb) {
        TC_OK(MPI_Ireduce(sb, rb, count, p->type, p->op, root, MPI_COMM_WORLD, &req));
        ct_wait(&req);
    } else {
        TC_OK(MPI_Reduce(sb, rb, count, p->type, p->op, root, MPI_COMM_WORLD));
    }
    const char *what = nb ? "MPI_Ireduce" : "MPI_Reduce";
    if (tc_rank == root) {
        if (ct_reference(p, ref, tmp, n, salt, 0, tc_size, 0)) {
            long k = ct_diff(p, recv, ref, n);
            TC_CHECK(k < 0, "%s %s count %d root %d%s: element %ld wrong", what, p->name, count,
                     root, inplace ? " in place" : "", k);
        }
        long k = ct_sentinel_bad(recv + bytes, guard);
        TC_CHECK(k < 0, "%s %s count %d root %d: wrote past the end (byte %ld)", what, p->name,
                 count, root, k);
    }
    if (!(inplace && tc_rank == root) && n <= 1000) {
        ct_gen(p, tmp, n, salt, tc_rank, 0);
        TC_CHECK(memcmp(tmp, send, bytes) == 0, "%s %s count %d: sendbuf modified", what, p->name,
                 count);
    }
    free(send), free(recv), free(ref), free(tmp);
}

static void one_allreduce(const ct_pair *p, int count, bool inplace, bool nb, uint64_t salt)
{
    size_t n = (size_t)count, guard = 16 * p->size, bytes = n * p->size;
    char *send = ct_malloc(bytes), *recv = ct_malloc(bytes + guard);
    char *ref = ct_malloc(bytes), *tmp = ct_malloc(bytes);
    MPI_Request req;
    ct_gen(p, send, n, salt, tc_rank, 0);
    ct_sentinel(recv, bytes + guard);
    const void *sb = send;
    if (inplace) {
        memcpy(recv, send, bytes);
        sb = MPI_IN_PLACE;
    }
    if (nb) {
        TC_OK(MPI_Iallreduce(sb, recv, count, p->type, p->op, MPI_COMM_WORLD, &req));
        ct_wait(&req);
    } else {
        TC_OK(MPI_Allreduce(sb, recv, count, p->type, p->op, MPI_COMM_WORLD));
    }
    const char *what = nb ? "MPI_Iallreduce" : "MPI_Allreduce";
    if (ct_reference(p, ref, tmp, n, salt, 0, tc_size, 0)) {
        long k = ct_diff(p, recv, ref, n);
        TC_CHECK(k < 0, "%s %s count %d%s: element %ld wrong", what, p->name, count,
                 inplace ? " in place" : "", k);
    }
    long k = ct_sentinel_bad(recv + bytes, guard);
    TC_CHECK(k < 0, "%s %s count %d: wrote past the end (byte %ld)", what, p->name, count, k);
    if (!inplace && n <= 1000) {
        ct_gen(p, tmp, n, salt, tc_rank, 0);
        TC_CHECK(memcmp(tmp, send, bytes) == 0, "%s %s count %d: sendbuf modified", what, p->name,
                 count);
    }
    free(send), free(recv), free(ref), free(tmp);
}

/* MPI_Reduce_local: inoutbuf = inbuf op inoutbuf (local, no communication). */
static void one_local(const ct_pair *p, int count, uint64_t salt)
{
    size_t n = (size_t)count, bytes = n * p->size;
    char *in = ct_malloc(bytes), *io = ct_malloc(bytes), *ref = ct_malloc(bytes);
    ct_gen(p, in, n, salt, 0, 0);
    ct_gen(p, io, n, salt, 1, 0);
    ct_gen(p, ref, n, salt, 1, 0);
    p->combine(in, ref, n);
    TC_OK(MPI_Reduce_local(in, io, count, p->type, p->op));
    long k = ct_diff(p, io, ref, n);
    TC_CHECK(k < 0, "MPI_Reduce_local %s count %d: element %ld wrong", p->name, count, k);
    free(in), free(io), free(ref);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "reduce");
    bool all = argc > 1 && strcmp(argv[1], "allreduce") == 0;
    all_big = ct_has_arg(argc, argv, "big");
    int roots[3], nroots = ct_roots(roots);
    uint64_t salt = 1;
    for (int pi = 0; pi < CT_NPAIRS; pi++) {
        const ct_pair *p = &ct_pairs[pi];
        for (int ci = 0; ci < CT_NCOUNTS; ci++) {
            int count = ct_counts[ci];
            if (count == CT_BIG && !p->big && !all_big)
                continue;
            /* the big count: one (root, variant) per pair unless "big" */
            bool one = count == CT_BIG && !all_big;
            if (!all) {
                one_local(p, count, salt++);
                for (int ri = 0; ri < nroots; ri++)
                    for (int v = 0; v < 4; v++)
                        if (!one || (ri == pi % nroots && v == pi % 4))
                            one_reduce(p, count, roots[ri], v & 1, v >> 1, salt++);
            } else {
                for (int v = 0; v < 4; v++)
                    if (!one || v == pi % 4)
                        one_allreduce(p, count, v & 1, v >> 1, salt++);
            }
        }
    }
    ct_done(all ? "allreduce" : "reduce");
    return 0;
}
