/* repro.c — MPI_Allreduce (and MPI_Iallreduce) of doubles that do not sum exactly (random values
 * of mixed magnitude from a fixed seed): the result must be bitwise identical on every rank
 * (gathered to rank 0 and compared with memcmp) and bitwise identical across two repetitions in
 * the same run. MPI 3.1 5.9.1 only advises this ("advice to implementors"); mpr promises it.
 * Counts {1, 7, 1000, 262144}. Usage: mpt_coll_repro */
#include "coll.h"
#include <math.h>

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "repro");
    static const int counts[] = {1, 7, 1000, 262144};
    for (int ci = 0; ci < 4; ci++) {
        int n = counts[ci];
        double *in = ct_malloc((size_t)n * sizeof(double));
        double *r1 = ct_malloc((size_t)n * sizeof(double)), *r2 = ct_malloc((size_t)n * sizeof(double));
        for (int k = 0; k < n; k++) {
            uint64_t v = ct_val(0xfeed, tc_rank, (size_t)k);
            /* mantissa from the mixer, exponent in [-20, 20), random sign */
            in[k] = ldexp((double)(v >> 11) / 9007199254740992.0, (int)(v % 40) - 20) *
                    ((v >> 7) & 1 ? -1.0 : 1.0);
        }
        for (int form = 0; form < 3; form++) {
            MPI_Request req;
            const char *what = form == 0 ? "MPI_Allreduce" : form == 1 ? "MPI_Iallreduce"
                                                                      : "MPI_Allreduce in place";
            for (int rep = 0; rep < 2; rep++) {
                double *r = rep ? r2 : r1;
                if (form == 0) {
                    TC_OK(MPI_Allreduce(in, r, n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD));
                } else if (form == 1) {
                    TC_OK(MPI_Iallreduce(in, r, n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD, &req));
                    ct_wait(&req);
                } else {
                    memcpy(r, in, (size_t)n * sizeof(double));
                    TC_OK(MPI_Allreduce(MPI_IN_PLACE, r, n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD));
                }
            }
            TC_CHECK(memcmp(r1, r2, (size_t)n * sizeof(double)) == 0,
                     "%s count %d: two repetitions differ", what, n);
            /* all ranks equal: gather to rank 0 and compare */
            double *all = tc_rank == 0 ? ct_malloc((size_t)n * tc_size * sizeof(double)) : NULL;
            TC_OK(MPI_Gather(r1, n, MPI_DOUBLE, all, n, MPI_DOUBLE, 0, MPI_COMM_WORLD));
            if (tc_rank == 0) {
                for (int r = 1; r < tc_size; r++)
                    TC_CHECK(memcmp(all, all + (size_t)r * n, (size_t)n * sizeof(double)) == 0,
                             "%s count %d: the result on rank %d differs from rank 0's", what, n,
                             r);
                free(all);
            }
        }
        free(in), free(r1), free(r2);
    }
    ct_done("bitwise reproducible allreduce");
    return 0;
}
