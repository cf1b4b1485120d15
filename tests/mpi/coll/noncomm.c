/* noncomm.c — a non-commutative user op (2x2 integer matrix product, MPI_Op_create with
 * commute = 0) on MPI_Reduce (every root), MPI_Allreduce, MPI_Scan, MPI_Exscan,
 * MPI_Reduce_scatter_block and MPI_Reduce_local: the result must be the product in rank order
 * (MPI 3.1 5.9.5: the operation is applied in rank order, a0 op a1 op ... ). Also checks
 * MPI_Op_commutative. Counts {1, 7, 1000} matrices, blocking and nonblocking.
 * Usage: mpt_coll_noncomm */
#include "coll.h"

typedef struct {
    int a, b, c, d;
} mat;

/* inout = in * inout (in comes from the lower ranks) */
static void matmul(void *in, void *inout, int *len, MPI_Datatype *type)
{
    (void)type;
    mat *x = in, *y = inout;
    for (int k = 0; k < *len; k++) {
        mat r = {x[k].a * y[k].a + x[k].b * y[k].c, x[k].a * y[k].b + x[k].b * y[k].d,
                 x[k].c * y[k].a + x[k].d * y[k].c, x[k].c * y[k].b + x[k].d * y[k].d};
        y[k] = r;
    }
}

/* rank r's matrix number k: small entries, determinant +-1 so products stay small
 * (unimodular: [[1,s],[0,1]] or [[0,1],[1,t]] with s, t in 0..2) */
static mat gen(int r, int k)
{
    uint64_t v = ct_val(77, r, (size_t)k);
    int s = (int)(v % 3);
    if ((v >> 8) % 2)
        return (mat){1, s, 0, 1};
    return (mat){0, 1, 1, s};
}

/* product of ranks lo..hi-1, in rank order */
static void product(mat *out, int n, int lo, int hi)
{
    for (int k = 0; k < n; k++) {
        mat m = {1, 0, 0, 1};
        for (int r = lo; r < hi; r++) {
            mat x = m, y = gen(r, k);
            int one = 1;
            matmul(&x, &y, &one, NULL);
            m = y;
        }
        out[k] = m;
    }
}

static void check(const mat *got, const mat *want, int n, const char *what, int root)
{
    for (int k = 0; k < n; k++)
        TC_CHECK(memcmp(&got[k], &want[k], sizeof(mat)) == 0,
                 "%s count %d root %d: matrix %d is [%d %d; %d %d], expected [%d %d; %d %d] (the "
                 "product in rank order)", what, n, root, k, got[k].a, got[k].b, got[k].c,
                 got[k].d, want[k].a, want[k].b, want[k].c, want[k].d);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "noncomm");
    MPI_Op op;
    MPI_Datatype mt;
    int commute = -1;
    TC_OK(MPI_Op_create(matmul, 0, &op));
    TC_OK(MPI_Op_commutative(op, &commute));
    TC_CHECK(commute == 0, "MPI_Op_commutative of a commute=0 op says %d", commute);
    TC_OK(MPI_Op_commutative(MPI_SUM, &commute));
    TC_CHECK(commute == 1, "MPI_Op_commutative(MPI_SUM) says %d", commute);
    TC_OK(MPI_Type_contiguous(4, MPI_INT, &mt));
    TC_OK(MPI_Type_commit(&mt));
    int roots[3], nroots = ct_roots(roots), P = tc_size, me = tc_rank;
    static const int counts[] = {1, 7, 1000};
    MPI_Request req;
    for (int ci = 0; ci < 3; ci++) {
        int n = counts[ci];
        mat *send = ct_malloc((size_t)n * P * sizeof(mat)), *recv = ct_malloc((size_t)n * P * sizeof(mat));
        mat *want = ct_malloc((size_t)n * sizeof(mat));
        for (int k = 0; k < n; k++)
            send[k] = gen(me, k);
        for (int nb = 0; nb < 2; nb++) {
            product(want, n, 0, P);
            for (int ri = 0; ri < nroots; ri++) {
                int root = roots[ri];
                for (int inplace = 0; inplace < 2; inplace++) {
                    const void *sb = send;
                    if (inplace && me == root) {
                        memcpy(recv, send, n * sizeof(mat));
                        sb = MPI_IN_PLACE;
                    }
                    if (nb) {
                        TC_OK(MPI_Ireduce(sb, recv, n, mt, op, root, MPI_COMM_WORLD, &req));
                        ct_wait(&req);
                    } else {
                        TC_OK(MPI_Reduce(sb, recv, n, mt, op, root, MPI_COMM_WORLD));
                    }
                    if (me == root)
                        check(recv, want, n, nb ? "MPI_Ireduce" : "MPI_Reduce", root);
                }
            }
            if (nb) {
                TC_OK(MPI_Iallreduce(send, recv, n, mt, op, MPI_COMM_WORLD, &req));
                ct_wait(&req);
            } else {
                TC_OK(MPI_Allreduce(send, recv, n, mt, op, MPI_COMM_WORLD));
            }
            check(recv, want, n, nb ? "MPI_Iallreduce" : "MPI_Allreduce", -1);
            memcpy(recv, send, n * sizeof(mat));
            TC_OK(MPI_Allreduce(MPI_IN_PLACE, recv, n, mt, op, MPI_COMM_WORLD));
            check(recv, want, n, "MPI_Allreduce in place", -1);
            /* scan: ranks 0..me; exscan: 0..me-1 */
            product(want, n, 0, me + 1);
            if (nb) {
                TC_OK(MPI_Iscan(send, recv, n, mt, op, MPI_COMM_WORLD, &req));
                ct_wait(&req);
            } else {
                TC_OK(MPI_Scan(send, recv, n, mt, op, MPI_COMM_WORLD));
            }
            check(recv, want, n, nb ? "MPI_Iscan" : "MPI_Scan", -1);
            product(want, n, 0, me);
            if (nb) {
                TC_OK(MPI_Iexscan(send, recv, n, mt, op, MPI_COMM_WORLD, &req));
                ct_wait(&req);
            } else {
                TC_OK(MPI_Exscan(send, recv, n, mt, op, MPI_COMM_WORLD));
            }
            if (me > 0)
                check(recv, want, n, nb ? "MPI_Iexscan" : "MPI_Exscan", -1);
            /* reduce_scatter_block: block b of rank r is matrix gen(r, b*n + k) */
            for (int k = 0; k < n * P; k++)
                send[k] = gen(me, k);
            if (nb) {
                TC_OK(MPI_Ireduce_scatter_block(send, recv, n, mt, op, MPI_COMM_WORLD, &req));
                ct_wait(&req);
            } else {
                TC_OK(MPI_Reduce_scatter_block(send, recv, n, mt, op, MPI_COMM_WORLD));
            }
            mat *w2 = ct_malloc((size_t)n * P * sizeof(mat));
            product(w2, n * P, 0, P);
            check(recv, w2 + (size_t)me * n, n,
                  nb ? "MPI_Ireduce_scatter_block" : "MPI_Reduce_scatter_block", -1);
            free(w2);
        }
        /* MPI_Reduce_local with a user op: inout = in op inout */
        mat x = gen(0, 1), y = gen(1, 1), z = gen(0, 1);
        int one = 1;
        matmul(&z, &y, &one, NULL); /* y = x*y reference */
        mat y2 = gen(1, 1);
        TC_OK(MPI_Reduce_local(&x, &y2, 1, mt, op));
        check(&y2, &y, 1, "MPI_Reduce_local", -1);
        free(send), free(recv), free(want);
    }
    TC_OK(MPI_Type_free(&mt));
    TC_OK(MPI_Op_free(&op));
    TC_CHECK(op == MPI_OP_NULL, "MPI_Op_free did not set the handle to MPI_OP_NULL");
    ct_done("non-commutative op");
    return 0;
}
