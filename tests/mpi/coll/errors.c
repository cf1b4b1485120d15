/* errors.c — bad arguments to collectives under MPI_ERRORS_RETURN: the call returns an error of
 * the right class (MPI_Error_class) on every rank and the communicator stays usable. Every rank
 * passes the same bad argument, so no rank is left waiting. Usage: mpt_coll_errors
 *
 * MPI_IN_PLACE as the recvbuf (MPI_Alltoall, MPI_Allreduce): the standard allows it only as the
 * sendbuf (the recvbuf at the root of the rooted ones), so it is erroneous; it names no class,
 * MPI_ERR_BUFFER and MPI_ERR_ARG are both accepted.
 * The same buffer as sendbuf and recvbuf without MPI_IN_PLACE (MPI 3.1 2.3 / 5.2.1: aliased
 * OUT arguments are not allowed) gives MPI_ERR_BUFFER under mpr only: the peers may not check
 * it, so that case is compiled out for them. */
#include "coll.h"

static const char *cname(int cls)
{
    static char buf[4][32];
    static int k;
    if (cls == MPI_SUCCESS) return "MPI_SUCCESS";
    if (cls == MPI_ERR_BUFFER) return "MPI_ERR_BUFFER";
    if (cls == MPI_ERR_COUNT) return "MPI_ERR_COUNT";
    if (cls == MPI_ERR_TYPE) return "MPI_ERR_TYPE";
    if (cls == MPI_ERR_ROOT) return "MPI_ERR_ROOT";
    if (cls == MPI_ERR_OP) return "MPI_ERR_OP";
    if (cls == MPI_ERR_ARG) return "MPI_ERR_ARG";
    if (cls == MPI_ERR_COMM) return "MPI_ERR_COMM";
    if (cls == MPI_ERR_OTHER) return "MPI_ERR_OTHER";
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "class %d", cls);
    return buf[k];
}

static void expect(int rc, const char *what, int c1, int c2)
{
    int cls = ct_class(rc);
    TC_CHECK(cls == c1 || cls == c2, "%s: %s, expected %s%s%s", what, cname(cls), cname(c1),
             c2 != c1 ? " or " : "", c2 != c1 ? cname(c2) : "");
}
#define EXPECT(call, cls) expect((call), #call, (cls), (cls))
#define EXPECT2(call, c1, c2) expect((call), #call, (c1), (c2))

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "errors");
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
    MPI_Comm w = MPI_COMM_WORLD;
    int P = tc_size;
    int a[64] = {0}, b[64] = {0};
    bool ba[4] = {true, false, true, false}, bb[4];
    MPI_Request req = MPI_REQUEST_NULL;

    /* root out of range */
    EXPECT(MPI_Bcast(a, 1, MPI_INT, P, w), MPI_ERR_ROOT);
    EXPECT(MPI_Bcast(a, 1, MPI_INT, -1, w), MPI_ERR_ROOT);
    EXPECT(MPI_Reduce(a, b, 1, MPI_INT, MPI_SUM, P, w), MPI_ERR_ROOT);
    EXPECT(MPI_Gather(a, 1, MPI_INT, b, 1, MPI_INT, P + 3, w), MPI_ERR_ROOT);
    EXPECT(MPI_Scatter(a, 1, MPI_INT, b, 1, MPI_INT, -2, w), MPI_ERR_ROOT);
    EXPECT(MPI_Ibcast(a, 1, MPI_INT, P, w, &req), MPI_ERR_ROOT);
    EXPECT(MPI_Ireduce(a, b, 1, MPI_INT, MPI_SUM, -1, w, &req), MPI_ERR_ROOT);

    /* invalid op */
    EXPECT(MPI_Allreduce(a, b, 1, MPI_INT, MPI_OP_NULL, w), MPI_ERR_OP);
    EXPECT(MPI_Reduce(a, b, 1, MPI_INT, MPI_OP_NULL, 0, w), MPI_ERR_OP);
    EXPECT(MPI_Iallreduce(a, b, 1, MPI_INT, MPI_OP_NULL, w, &req), MPI_ERR_OP);
    EXPECT(MPI_Reduce_local(a, b, 1, MPI_INT, MPI_OP_NULL), MPI_ERR_OP);

    /* op not defined on the type (MPI 3.1 5.9.2): C_BOOL is logical (LAND/LOR/LXOR only);
     * MAXLOC needs a pair type; BXOR is not defined on floating point */
    EXPECT(MPI_Allreduce(ba, bb, 4, MPI_C_BOOL, MPI_SUM, w), MPI_ERR_OP);
    EXPECT(MPI_Allreduce(a, b, 2, MPI_INT, MPI_MAXLOC, w), MPI_ERR_OP);
    EXPECT(MPI_Scan(a, b, 2, MPI_DOUBLE, MPI_BXOR, w), MPI_ERR_OP);
    EXPECT(MPI_Reduce_local(a, b, 2, MPI_DOUBLE, MPI_BAND), MPI_ERR_OP);

    /* invalid datatype. For a reduction both peers check the op against the type first and
     * return MPI_ERR_OP; the standard sets no precedence, so either class is accepted there. */
    EXPECT2(MPI_Allreduce(a, b, 1, MPI_DATATYPE_NULL, MPI_SUM, w), MPI_ERR_TYPE, MPI_ERR_OP);
    EXPECT(MPI_Bcast(a, 1, MPI_DATATYPE_NULL, 0, w), MPI_ERR_TYPE);
    EXPECT(MPI_Alltoall(a, 1, MPI_DATATYPE_NULL, b, 1, MPI_INT, w), MPI_ERR_TYPE);

    /* negative count */
    EXPECT(MPI_Bcast(a, -5, MPI_INT, 0, w), MPI_ERR_COUNT);
    EXPECT(MPI_Allgather(a, -1, MPI_INT, b, -1, MPI_INT, w), MPI_ERR_COUNT);
#ifndef MPICH_VERSION
    /* MPICH 4.0.2 does not check the count of the reductions: MPI_Allreduce and MPI_Reduce with
     * count -1 crash (or return MPI_SUCCESS on one rank), MPI_Iallreduce returns MPI_ERR_OTHER. */
    EXPECT(MPI_Allreduce(a, b, -1, MPI_INT, MPI_SUM, w), MPI_ERR_COUNT);
    EXPECT(MPI_Reduce(a, b, -1, MPI_INT, MPI_SUM, 0, w), MPI_ERR_COUNT);
    EXPECT(MPI_Iallreduce(a, b, -1, MPI_INT, MPI_SUM, w, &req), MPI_ERR_COUNT);
#endif

    /* MPI_IN_PLACE where the standard forbids it: as the recvbuf */
    EXPECT2(MPI_Alltoall(a, 1, MPI_INT, MPI_IN_PLACE, 1, MPI_INT, w), MPI_ERR_BUFFER, MPI_ERR_ARG);
    EXPECT2(MPI_Allreduce(a, MPI_IN_PLACE, 1, MPI_INT, MPI_SUM, w), MPI_ERR_BUFFER, MPI_ERR_ARG);

#if !defined(OPEN_MPI) && !defined(MPICH_VERSION)
    /* aliased sendbuf and recvbuf without MPI_IN_PLACE: mpr only */
    EXPECT(MPI_Allreduce(a, a, 4, MPI_INT, MPI_SUM, w), MPI_ERR_BUFFER);
#endif

    /* still usable */
    int one = 1, sum = 0;
    TC_OK(MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, w));
    TC_CHECK(sum == P, "MPI_Allreduce after the errors gave %d, expected %d", sum, P);
    ct_done("errors");
    return 0;
}
