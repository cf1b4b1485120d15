/* alltoall.c — MPI_Alltoall, MPI_Alltoallv, MPI_Alltoallw and their I-forms: counts
 * {0,1,7,1000,262144}, with and without MPI_IN_PLACE (as sendbuf, MPI 3.1 5.8); the v/w-forms
 * with uneven and zero counts and non-monotonic displacements, gaps checked untouched; the
 * w-form also with a different (but type-signature-equal) datatype on the receive side.
 * Usage: mpt_coll_alltoall [big] */
#include "coll.h"

/* element k of the block rank s sends to rank d */
#define V(salt, s, d, k) ((int)ct_val((salt), (s) * 4096 + (d), (k)))

/* counts of the v/w-forms, symmetric in (s, d) so that MPI_IN_PLACE can be used: zero for
 * every third pair, uneven otherwise */
static int vcount(int base, int s, int d)
{
    if (base == 0 || (s + d) % 3 == 1)
        return 0;
    return base + (s + d) % 5 + (s * d) % 3 - (base > 4 ? 4 : 0);
}

static void alltoall(int count, bool inplace, bool nb, int form, uint64_t salt)
{
    static const char *names[2][3] = {{"MPI_Alltoall", "MPI_Alltoallv", "MPI_Alltoallw"},
                                      {"MPI_Ialltoall", "MPI_Ialltoallv", "MPI_Ialltoallw"}};
    const char *what = names[nb][form];
    int P = tc_size, me = tc_rank;
    int *scnt = ct_malloc(P * sizeof(int)), *sdsp = ct_malloc(P * sizeof(int));
    int *rcnt = ct_malloc(P * sizeof(int)), *rdsp = ct_malloc(P * sizeof(int));
    int *sdspb = ct_malloc(P * sizeof(int)), *rdspb = ct_malloc(P * sizeof(int));
    MPI_Datatype *stypes = ct_malloc(P * sizeof(MPI_Datatype));
    MPI_Datatype *rtypes = ct_malloc(P * sizeof(MPI_Datatype));
    MPI_Datatype alt;
    TC_OK(MPI_Type_contiguous(1, MPI_INT, &alt));
    TC_OK(MPI_Type_commit(&alt));
    int sspan = 0, rspan = 0;
    if (form == 0) {
        for (int r = 0; r < P; r++) {
            scnt[r] = rcnt[r] = count;
            sdsp[r] = rdsp[r] = r * count;
        }
        sspan = rspan = P * count;
    } else {
        /* blocks in reverse rank order, a gap of 1 or 2 elements after each, one before all */
        sspan = rspan = 1;
        for (int r = P - 1; r >= 0; r--) {
            scnt[r] = vcount(count, me, r);
            rcnt[r] = vcount(count, r, me);
            sdsp[r] = sspan;
            rdsp[r] = rspan + 1; /* the receive layout differs from the send layout */
            sspan += scnt[r] + 1 + r % 2;
            rspan += rcnt[r] + 2;
        }
        rspan += 1;
    }
    for (int r = 0; r < P; r++) {
        sdspb[r] = sdsp[r] * (int)sizeof(int);
        rdspb[r] = rdsp[r] * (int)sizeof(int);
        stypes[r] = MPI_INT;
        rtypes[r] = r % 2 ? alt : MPI_INT;
    }
    int *send = ct_malloc(((size_t)sspan + 1) * sizeof(int));
    int *recv = ct_malloc(((size_t)rspan + 8) * sizeof(int));
    ct_sentinel(send, ((size_t)sspan + 1) * sizeof(int));
    ct_sentinel(recv, ((size_t)rspan + 8) * sizeof(int));
    const void *sb = send;
    if (inplace) {
        /* the data to send is taken from recvbuf, with the receive counts/displacements/types */
        for (int d = 0; d < P; d++)
            for (int k = 0; k < rcnt[d]; k++)
                recv[rdsp[d] + k] = V(salt, me, d, k);
        sb = MPI_IN_PLACE;
    } else {
        for (int d = 0; d < P; d++)
            for (int k = 0; k < scnt[d]; k++)
                send[sdsp[d] + k] = V(salt, me, d, k);
    }
    MPI_Request req;
    MPI_Comm w = MPI_COMM_WORLD;
    switch (form * 2 + nb) {
    case 0: TC_OK(MPI_Alltoall(sb, count, MPI_INT, recv, count, MPI_INT, w)); break;
    case 1: TC_OK(MPI_Ialltoall(sb, count, MPI_INT, recv, count, MPI_INT, w, &req)); break;
    case 2: TC_OK(MPI_Alltoallv(sb, scnt, sdsp, MPI_INT, recv, rcnt, rdsp, MPI_INT, w)); break;
    case 3:
        TC_OK(MPI_Ialltoallv(sb, scnt, sdsp, MPI_INT, recv, rcnt, rdsp, MPI_INT, w, &req));
        break;
    case 4:
        TC_OK(MPI_Alltoallw(sb, scnt, sdspb, stypes, recv, rcnt, rdspb, rtypes, w));
        break;
    case 5:
        TC_OK(MPI_Ialltoallw(sb, scnt, sdspb, stypes, recv, rcnt, rdspb, rtypes, w, &req));
        break;
    }
    if (nb)
        ct_wait(&req);
    char *mark = ct_malloc((size_t)rspan + 8);
    memset(mark, 0, (size_t)rspan + 8);
    for (int s = 0; s < P; s++) {
        for (int k = 0; k < rcnt[s]; k++)
            TC_CHECK(recv[rdsp[s] + k] == V(salt, s, me, k),
                     "%s count %d%s: block from rank %d, element %d wrong", what, count,
                     inplace ? " in place" : "", s, k);
        memset(mark + rdsp[s], 1, (size_t)rcnt[s]);
    }
    for (int k = 0; k < rspan + 8; k++)
        TC_CHECK(mark[k] || ct_sentinel_bad(recv + k, sizeof(int)) < 0,
                 "%s count %d: element %d outside every block written", what, count, k);
    if (!inplace)
        for (int d = 0; d < P; d++)
            for (int k = 0; k < scnt[d]; k++)
                TC_CHECK(send[sdsp[d] + k] == V(salt, me, d, k), "%s count %d: sendbuf modified",
                         what, count);
    TC_OK(MPI_Type_free(&alt));
    free(mark), free(send), free(recv), free(scnt), free(sdsp), free(rcnt), free(rdsp);
    free(sdspb), free(rdspb), free(stypes), free(rtypes);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "alltoall");
    bool big = ct_has_arg(argc, argv, "big");
    uint64_t salt = 400;
    for (int ci = 0; ci < CT_NCOUNTS; ci++) {
        int count = ct_counts[ci];
        for (int form = 0; form < 3; form++)
            for (int var = 0; var < 4; var++) {
                /* the big count: blocking Alltoall and in-place nonblocking Alltoallv only */
                if (count == CT_BIG && !big && !(form == 0 && var == 0) &&
                    !(form == 1 && var == 3))
                    continue;
#ifdef OPEN_MPI
                /* Open MPI 4.1.4 bugs, seen here, MPICH 4.0.2 right: MPI_Alltoallw on one rank
                 * copies nothing (coll/self); MPI_Ialltoallv with MPI_IN_PLACE and 1 MiB blocks
                 * on 4 or more ranks delivers wrong blocks (libnbc). */
                if ((tc_size == 1 && form == 2 && !(var & 1)) ||
                    (form == 1 && var == 3 && count > 1000))
                    continue;
#endif
                alltoall(count, var & 1, var & 2, form, salt++);
            }
    }
    ct_done("alltoall");
    return 0;
}
