/* bcast.c — MPI_Bcast / MPI_Ibcast over counts {0,1,7,1000,262144}, roots {0, middle, last},
 * several types (a predefined one, a pair type, a strided derived type), plus MPI_Barrier /
 * MPI_Ibarrier between the rounds.
 * Usage: mpt_coll_bcast [big] */
#include "coll.h"

static void check_ints(const int *buf, size_t n, uint64_t salt, int root, const char *what,
                       int count)
{
    for (size_t k = 0; k < n; k++)
        TC_CHECK(buf[k] == (int)ct_val(salt, root, k), "%s count %d root %d: element %zu is %d, "
                 "expected %d", what, count, root, k, buf[k], (int)ct_val(salt, root, k));
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "bcast");
    bool big = ct_has_arg(argc, argv, "big");
    int roots[3], nroots = ct_roots(roots);
    uint64_t salt = 100;
    for (int ci = 0; ci < CT_NCOUNTS; ci++) {
        int count = ct_counts[ci];
        size_t n = (size_t)count;
        for (int ri = 0; ri < nroots; ri++) {
            int root = roots[ri];
            for (int nb = 0; nb < 2; nb++) {
                /* the big count: blocking at root last, nonblocking at root 0 */
                if (count == CT_BIG && !big && ri != (nb ? 0 : nroots - 1))
                    continue;
                const char *what = nb ? "MPI_Ibcast" : "MPI_Bcast";
                MPI_Request req;
                /* MPI_INT, with a guard after the data */
                int *b = ct_malloc((n + 8) * sizeof(int));
                ct_sentinel(b, (n + 8) * sizeof(int));
                if (tc_rank == root)
                    for (size_t k = 0; k < n; k++)
                        b[k] = (int)ct_val(salt, root, k);
                if (nb) {
                    TC_OK(MPI_Ibcast(b, count, MPI_INT, root, MPI_COMM_WORLD, &req));
                    ct_wait(&req);
                } else {
                    TC_OK(MPI_Bcast(b, count, MPI_INT, root, MPI_COMM_WORLD));
                }
                check_ints(b, n, salt, root, what, count);
                TC_CHECK(ct_sentinel_bad(b + n, 8 * sizeof(int)) < 0,
                         "%s count %d root %d: wrote past the end", what, count, root);
                free(b);
                salt++;
                if (count == CT_BIG && !big)
                    continue;
                /* MPI_DOUBLE_INT */
                ct_double_int *d = ct_malloc((n + 1) * sizeof *d);
                for (size_t k = 0; k < n; k++) {
                    d[k].v = tc_rank == root ? (double)(int64_t)ct_val(salt, root, k) : -1.0;
                    d[k].i = tc_rank == root ? (int)k * 3 - root : -1;
                }
                if (nb) {
                    TC_OK(MPI_Ibcast(d, count, MPI_DOUBLE_INT, root, MPI_COMM_WORLD, &req));
                    ct_wait(&req);
                } else {
                    TC_OK(MPI_Bcast(d, count, MPI_DOUBLE_INT, root, MPI_COMM_WORLD));
                }
                for (size_t k = 0; k < n; k++)
                    TC_CHECK(d[k].v == (double)(int64_t)ct_val(salt, root, k) &&
                                 d[k].i == (int)k * 3 - root,
                             "%s MPI_DOUBLE_INT count %d root %d: element %zu wrong", what, count,
                             root, k);
                free(d);
                salt++;
                /* a strided derived type: count ints, every other one of 2*count; the holes keep
                 * their sentinel */
                MPI_Datatype v;
                int *s = ct_malloc((2 * n + 1) * sizeof(int));
                ct_sentinel(s, (2 * n + 1) * sizeof(int));
                if (count > 0) {
                    TC_OK(MPI_Type_vector(count, 1, 2, MPI_INT, &v));
                    TC_OK(MPI_Type_commit(&v));
                } else {
                    v = MPI_INT;
                }
                if (tc_rank == root)
                    for (size_t k = 0; k < n; k++)
                        s[2 * k] = (int)ct_val(salt, root, k);
                int c = count > 0 ? 1 : 0;
                if (nb) {
                    TC_OK(MPI_Ibcast(s, c, v, root, MPI_COMM_WORLD, &req));
                    ct_wait(&req);
                } else {
                    TC_OK(MPI_Bcast(s, c, v, root, MPI_COMM_WORLD));
                }
                for (size_t k = 0; k < n; k++) {
                    TC_CHECK(s[2 * k] == (int)ct_val(salt, root, k),
                             "%s vector count %d root %d: element %zu wrong", what, count, root,
                             k);
                    TC_CHECK(ct_sentinel_bad(&s[2 * k + 1], sizeof(int)) < 0,
                             "%s vector count %d root %d: hole %zu written", what, count, root, k);
                }
                if (count > 0)
                    TC_OK(MPI_Type_free(&v));
                free(s);
                salt++;
            }
            /* barriers between the rounds */
            TC_OK(MPI_Barrier(MPI_COMM_WORLD));
            MPI_Request req;
            TC_OK(MPI_Ibarrier(MPI_COMM_WORLD, &req));
            ct_wait(&req);
        }
    }
    /* point-to-point around a barrier on the same communicator: messages sent before it are
     * received after it (they must not be confused with the barrier's own traffic). */
    if (tc_size > 1) {
        int token = tc_rank;
        MPI_Request sreq = MPI_REQUEST_NULL;
        if (tc_rank != 0)
            TC_OK(MPI_Isend(&token, 1, MPI_INT, 0, 7, MPI_COMM_WORLD, &sreq));
        TC_OK(MPI_Barrier(MPI_COMM_WORLD));
        if (tc_rank == 0)
            for (int r = 1; r < tc_size; r++) {
                int got = -1;
                TC_OK(MPI_Recv(&got, 1, MPI_INT, r, 7, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
                TC_CHECK(got == r, "token from %d is %d", r, got);
            }
        TC_OK(MPI_Wait(&sreq, MPI_STATUS_IGNORE));
    }
    ct_done("bcast+barrier");
    return 0;
}
