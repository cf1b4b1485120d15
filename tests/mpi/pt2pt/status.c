/* status: MPI_Status_set_elements, MPI_Status_set_elements_x, MPI_Status_set_cancelled,
 * MPI_Get_elements_x, MPI_Get_count on a user-built status. Local calls; any size. */
#include "pt.h"

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "status");
    MPI_Status st;
    int c, flag;
    MPI_Count cx;
    memset(&st, 0, sizeof st);
    TC_OK(MPI_Status_set_elements(&st, MPI_DOUBLE, 5));
    TC_OK(MPI_Get_count(&st, MPI_DOUBLE, &c));
    TC_CHECK(c == 5, "set_elements(DOUBLE, 5): Get_count %d", c);
    TC_OK(MPI_Get_elements(&st, MPI_DOUBLE, &c));
    TC_CHECK(c == 5, "set_elements(DOUBLE, 5): Get_elements %d", c);
    TC_OK(MPI_Get_count(&st, MPI_BYTE, &c));
    TC_CHECK(c == 40, "set_elements(DOUBLE, 5): Get_count(BYTE) %d", c);
    TC_OK(MPI_Get_count(&st, MPI_INT, &c));
    TC_CHECK(c == 10, "set_elements(DOUBLE, 5): Get_count(INT) %d", c);
    TC_OK(MPI_Get_elements_x(&st, MPI_DOUBLE, &cx));
    TC_CHECK(cx == 5, "Get_elements_x %lld", (long long)cx);
    TC_OK(MPI_Status_set_elements(&st, MPI_BYTE, 7));
    TC_OK(MPI_Get_count(&st, MPI_INT, &c));
    TC_CHECK(c == MPI_UNDEFINED, "7 bytes as INT: Get_count %d", c);
    TC_OK(MPI_Status_set_elements(&st, MPI_INT, 0));
    TC_OK(MPI_Get_count(&st, MPI_INT, &c));
    TC_CHECK(c == 0, "set_elements(INT, 0): Get_count %d", c);
    /* above INT_MAX bytes: Get_elements_x has the exact number, Get_count says MPI_UNDEFINED */
    const MPI_Count big = ((MPI_Count)1 << 31) + 12345;
    TC_OK(MPI_Status_set_elements_x(&st, MPI_DOUBLE, big));
    TC_OK(MPI_Get_elements_x(&st, MPI_DOUBLE, &cx));
    TC_CHECK(cx == big, "set_elements_x(DOUBLE, 2^31+12345): Get_elements_x %lld", (long long)cx);
    TC_OK(MPI_Get_elements_x(&st, MPI_BYTE, &cx));
    TC_CHECK(cx == big * 8, "set_elements_x: Get_elements_x(BYTE) %lld", (long long)cx);
    TC_OK(MPI_Get_count(&st, MPI_DOUBLE, &c));
    TC_CHECK(c == MPI_UNDEFINED, "2^31+12345 doubles: Get_count %d, expected MPI_UNDEFINED", c);
    TC_OK(MPI_Status_set_cancelled(&st, 1));
    TC_OK(MPI_Test_cancelled(&st, &flag));
    TC_CHECK(flag, "set_cancelled(1): Test_cancelled false");
    TC_OK(MPI_Status_set_cancelled(&st, 0));
    TC_OK(MPI_Test_cancelled(&st, &flag));
    TC_CHECK(!flag, "set_cancelled(0): Test_cancelled true");
    /* a status from a real receive: not cancelled */
    int v = 3, w = 0;
    TC_OK(
        MPI_Sendrecv(&v, 1, MPI_INT, tc_rank, 1, &w, 1, MPI_INT, tc_rank, 1, MPI_COMM_WORLD, &st));
    TC_OK(MPI_Test_cancelled(&st, &flag));
    TC_CHECK(!flag && w == 3, "received status: Test_cancelled %d", flag);
    TC_OK(MPI_Get_elements_x(&st, MPI_INT, &cx));
    TC_CHECK(cx == 1, "received status: Get_elements_x %lld", (long long)cx);
    TC_OK(MPI_Finalize());
    return 0;
}
