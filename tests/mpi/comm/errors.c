/* errors: error classes of the communicator calls under MPI_ERRORS_RETURN, and the error
 * handler a new communicator inherits. Needs 2 ranks. */
#include "../check.h"

static void expect(int rc, int cls, const char *what)
{
    int got = -1;
    TC_CHECK(rc != MPI_SUCCESS, "%s: succeeded", what);
    TC_OK(MPI_Error_class(rc, &got));
    TC_CHECK(got == cls, "%s: class %d, expected %d", what, got, cls);
}

int main(int argc, char **argv)
{
    MPI_Comm c, world = MPI_COMM_WORLD, null = MPI_COMM_NULL;
    MPI_Errhandler eh;
    int key = 12345, flag;
    void *val;

    tc_init(&argc, &argv, "comm-errors");
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
    expect(MPI_Comm_free(&world), MPI_ERR_COMM, "free MPI_COMM_WORLD");
    expect(MPI_Comm_free(&null), MPI_ERR_COMM, "free MPI_COMM_NULL");
    expect(MPI_Comm_dup(MPI_COMM_NULL, &c), MPI_ERR_COMM, "dup MPI_COMM_NULL");
    expect(MPI_Comm_split(MPI_COMM_WORLD, -5, 0, &c), MPI_ERR_ARG, "split with color -5");
    expect(MPI_Comm_create(MPI_COMM_WORLD, MPI_GROUP_NULL, &c), MPI_ERR_GROUP,
           "create with MPI_GROUP_NULL");
#ifndef OPEN_MPI /* Open MPI 4.1 answers MPI_ERR_OTHER; the standard's class is MPI_ERR_KEYVAL */
    expect(MPI_Comm_get_attr(MPI_COMM_WORLD, key, &val, &flag), MPI_ERR_KEYVAL,
           "get_attr with an unknown key");
    expect(MPI_Comm_set_attr(MPI_COMM_WORLD, MPI_TAG_UB, &key), MPI_ERR_KEYVAL,
           "set_attr on MPI_TAG_UB");
    expect(MPI_Comm_free_keyval(&key), MPI_ERR_KEYVAL, "free_keyval of an unknown key");
#else
    (void)val;
    (void)flag;
#endif
    /* a new communicator inherits the error handler */
    TC_OK(MPI_Comm_dup(MPI_COMM_WORLD, &c));
    TC_OK(MPI_Comm_get_errhandler(c, &eh));
    TC_CHECK(eh == MPI_ERRORS_RETURN, "dup did not inherit MPI_ERRORS_RETURN");
    TC_OK(MPI_Errhandler_free(&eh));
    expect(MPI_Send(&key, 1, MPI_INT, tc_size + 3, 0, c), MPI_ERR_RANK, "send to a bad rank");
    TC_OK(MPI_Comm_free(&c));
    TC_OK(MPI_Finalize());
    if (tc_rank == 0)
        printf("comm errors ok\n");
    return 0;
}
