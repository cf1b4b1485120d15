/* huge: one message of more than 2 GiB: count 2^28 + 7 of MPI_DOUBLE (count fits an int,
 * count x size does not), rank 0 -> rank 1, checked byte by byte against the sender's stream;
 * Get_count gives the count, Get_elements_x the elements, Get_count(MPI_BYTE) MPI_UNDEFINED. */
#include "pt.h"

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "huge");
    pt_need_size(2);
    const int count = (1 << 28) + 7;
    const size_t bytes = (size_t)count * sizeof(double);
    if (tc_rank == 0) {
        double *b = pt_malloc(bytes);
        pt_fill(b, bytes, 2024);
        TC_OK(MPI_Send(b, count, MPI_DOUBLE, 1, 1, MPI_COMM_WORLD));
        free(b);
    } else if (tc_rank == 1) {
        double *b = pt_malloc(bytes);
        MPI_Status st;
        memset(b, 0, bytes);
        TC_OK(MPI_Recv(b, count, MPI_DOUBLE, 0, 1, MPI_COMM_WORLD, &st));
        pt_check_status(&st, 0, 1, MPI_DOUBLE, count, "2^28+7 doubles");
        MPI_Count ex = 0;
        TC_OK(MPI_Get_elements_x(&st, MPI_DOUBLE, &ex));
        TC_CHECK(ex == count, "Get_elements_x %lld", (long long)ex);
        TC_OK(MPI_Get_elements_x(&st, MPI_BYTE, &ex));
        TC_CHECK(ex == (MPI_Count)bytes, "Get_elements_x(MPI_BYTE) %lld", (long long)ex);
        int c = 0;
        TC_OK(MPI_Get_count(&st, MPI_BYTE, &c));
        TC_CHECK(c == MPI_UNDEFINED, "Get_count(MPI_BYTE) of %zu bytes: %d, expected MPI_UNDEFINED",
                 bytes, c);
        long long bad = pt_verify(b, bytes, 2024);
        TC_CHECK(bad < 0, "byte %lld of %zu differs", bad, bytes);
        free(b);
    }
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
