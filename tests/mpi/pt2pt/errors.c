/* errors: argument checks of the point-to-point calls under MPI_ERRORS_RETURN (error CLASS via
 * MPI_Error_class), and with "fatal" as argument: an invalid rank in MPI_Send under the default
 * MPI_ERRORS_ARE_FATAL (the job must end with a non-zero status; see fatal.sh). n >= 2. */
#include "pt.h"

static void expect(int rc, int cls, const char *what)
{
    TC_CHECK(pt_class(rc) == cls, "%s: error class %d, expected %d", what, pt_class(rc), cls);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "errors");
    pt_need_size(2);
    if (argc > 1 && strcmp(argv[1], "fatal") == 0) {
        int x = 0;
        if (tc_rank == 0)
            MPI_Send(&x, 1, MPI_INT, tc_size + 3, 0, MPI_COMM_WORLD);
        TC_OK(MPI_Barrier(MPI_COMM_WORLD)); /* the others wait for the abort */
        tc_fail("MPI_Send to rank %d returned under MPI_ERRORS_ARE_FATAL", tc_size + 3);
    }
    pt_errors_return();
    int buf[4] = {0}, flag;
    MPI_Request rq = MPI_REQUEST_NULL;
    MPI_Status st;
    const int ub = pt_tag_ub(), peer = (tc_rank + 1) % tc_size;
    MPI_Comm W = MPI_COMM_WORLD;

    expect(MPI_Send(buf, 1, MPI_INT, tc_size, 0, W), MPI_ERR_RANK, "Send to rank size");
    expect(MPI_Send(buf, 1, MPI_INT, -5, 0, W), MPI_ERR_RANK, "Send to rank -5");
    expect(MPI_Send(buf, 1, MPI_INT, MPI_ANY_SOURCE, 0, W), MPI_ERR_RANK, "Send to MPI_ANY_SOURCE");
    expect(MPI_Isend(buf, 1, MPI_INT, tc_size + 1, 0, W, &rq), MPI_ERR_RANK,
           "Isend to rank size+1");
    expect(MPI_Recv(buf, 1, MPI_INT, tc_size, 0, W, &st), MPI_ERR_RANK, "Recv from rank size");
    expect(MPI_Irecv(buf, 1, MPI_INT, -7, 0, W, &rq), MPI_ERR_RANK, "Irecv from rank -7");
    expect(MPI_Ssend(buf, 1, MPI_INT, tc_size, 0, W), MPI_ERR_RANK, "Ssend to rank size");
    expect(MPI_Probe(tc_size, 0, W, &st), MPI_ERR_RANK, "Probe of rank size");
    expect(MPI_Iprobe(tc_size, 0, W, &flag, &st), MPI_ERR_RANK, "Iprobe of rank size");

    expect(MPI_Send(buf, -1, MPI_INT, peer, 0, W), MPI_ERR_COUNT, "Send count -1");
    expect(MPI_Recv(buf, -1, MPI_INT, peer, 0, W, &st), MPI_ERR_COUNT, "Recv count -1");
    expect(MPI_Isend(buf, -3, MPI_INT, peer, 0, W, &rq), MPI_ERR_COUNT, "Isend count -3");

    expect(MPI_Send(buf, 1, MPI_DATATYPE_NULL, peer, 0, W), MPI_ERR_TYPE, "Send MPI_DATATYPE_NULL");
    expect(MPI_Recv(buf, 1, MPI_DATATYPE_NULL, peer, 0, W, &st), MPI_ERR_TYPE,
           "Recv MPI_DATATYPE_NULL");

    /* MPI_COMM_NULL: reported through MPI_COMM_WORLD's handler... the standard raises errors with
     * no communicator on MPI_COMM_SELF (MPI 3.1 8.3): set ERRORS_RETURN there too */
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_RETURN));
    expect(MPI_Send(buf, 1, MPI_INT, peer, 0, MPI_COMM_NULL), MPI_ERR_COMM, "Send MPI_COMM_NULL");
    expect(MPI_Recv(buf, 1, MPI_INT, peer, 0, MPI_COMM_NULL, &st), MPI_ERR_COMM,
           "Recv MPI_COMM_NULL");
    expect(MPI_Irecv(buf, 1, MPI_INT, peer, 0, MPI_COMM_NULL, &rq), MPI_ERR_COMM,
           "Irecv MPI_COMM_NULL");

    expect(MPI_Send(NULL, 4, MPI_INT, peer, 0, W), MPI_ERR_BUFFER, "Send NULL buffer count 4");
    expect(MPI_Recv(NULL, 4, MPI_INT, peer, 0, W, &st), MPI_ERR_BUFFER, "Recv NULL buffer count 4");

    expect(MPI_Send(buf, 1, MPI_INT, peer, -1, W), MPI_ERR_TAG, "Send tag -1");
    expect(MPI_Send(buf, 1, MPI_INT, peer, MPI_ANY_TAG, W), MPI_ERR_TAG, "Send MPI_ANY_TAG");
    if (ub < 2147483647)
        expect(MPI_Send(buf, 1, MPI_INT, peer, ub + 1, W), MPI_ERR_TAG, "Send tag MPI_TAG_UB+1");
    expect(MPI_Isend(buf, 1, MPI_INT, peer, -9, W, &rq), MPI_ERR_TAG, "Isend tag -9");
    expect(MPI_Recv(buf, 1, MPI_INT, peer, -2, W, &st), MPI_ERR_TAG, "Recv tag -2");

    /* the valid extremes work: tag MPI_TAG_UB, and MPI_ANY_TAG on a receive */
    int v = tc_rank, w = -1;
    TC_OK(MPI_Sendrecv(&v, 1, MPI_INT, peer, ub, &w, 1, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, W,
                       &st));
    pt_check_status(&st, (tc_rank + tc_size - 1) % tc_size, ub, MPI_INT, 1, "tag MPI_TAG_UB");
    TC_CHECK(w == (tc_rank + tc_size - 1) % tc_size, "tag MPI_TAG_UB: value %d", w);

    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    TC_OK(MPI_Finalize());
    return 0;
}
