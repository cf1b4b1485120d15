/* elements.c — counting what arrived in a derived type (MPI 3.1 4.1.11): MPI_Get_count and
 * MPI_Get_elements(_x) after receives of whole and partial elements of a struct type
 * (MPI_UNDEFINED for a count that is not whole, the basic elements that did arrive for
 * Get_elements), and truncation into a derived type: MPI_ERR_TRUNCATE with what fitted
 * unpacked and the rest of the buffer untouched; MPI_Status_set_elements. Rank 0 sends to
 * rank 1; the others watch. */
#include "dt.h"

struct idd {
    int i;
    double d[2];
};

static MPI_Datatype idd_type(void)
{
    int bl[2] = {1, 2};
    MPI_Aint d[2] = {offsetof(struct idd, i), offsetof(struct idd, d)};
    MPI_Datatype ts[2] = {MPI_INT, MPI_DOUBLE}, t;
    TC_OK(MPI_Type_create_struct(2, bl, d, ts, &t));
    TC_OK(MPI_Type_commit(&t));
    return t;
}

/* Send `ints` ints and `dbls` doubles as the basic elements of a partial idd sequence. */
static void send_basic(int nfull, int tail_elems, int tag)
{
    /* nfull whole (int, double, double), then tail_elems more of the sequence */
    int total = 3 * nfull + tail_elems, pos = 0, size = 0, s;
    char *buf;
    for (int k = 0; k < total; k++) {
        TC_OK(MPI_Pack_size(1, k % 3 == 0 ? MPI_INT : MPI_DOUBLE, MPI_COMM_WORLD, &s));
        size += s;
    }
    buf = dt_malloc((size_t)size);
    for (int k = 0; k < total; k++) {
        int iv = dt_val(200, 0, k);
        double dv = dt_val(201, 0, k);
        if (k % 3 == 0)
            TC_OK(MPI_Pack(&iv, 1, MPI_INT, buf, size, &pos, MPI_COMM_WORLD));
        else
            TC_OK(MPI_Pack(&dv, 1, MPI_DOUBLE, buf, size, &pos, MPI_COMM_WORLD));
    }
    TC_OK(MPI_Send(buf, pos, MPI_PACKED, 1, tag, MPI_COMM_WORLD));
    free(buf);
}

static void partial(void)
{
    MPI_Datatype t = idd_type();
    struct idd r[4];
    MPI_Status st;
    int cnt, el;
    MPI_Count elx;
    static const int tails[4] = {0, 1, 2, 3};

    for (int c = 0; c < 4; c++) {
        if (tc_rank == 0) {
            send_basic(2, tails[c], 10 + c);
        } else if (tc_rank == 1) {
            memset(r, 0, sizeof(r));
            r[2].i = DT_HOLE;
            r[2].d[0] = r[2].d[1] = DT_HOLE;
            TC_OK(MPI_Recv(r, 4, t, 0, 10 + c, MPI_COMM_WORLD, &st));
            TC_OK(MPI_Get_count(&st, t, &cnt));
            TC_OK(MPI_Get_elements(&st, t, &el));
            TC_OK(MPI_Get_elements_x(&st, t, &elx));
            int whole = tails[c] == 0 || tails[c] == 3;
            TC_CHECK(cnt == (whole ? 2 + tails[c] / 3 : MPI_UNDEFINED), "tail %d: Get_count %d",
                     tails[c], cnt);
            TC_CHECK(el == 6 + tails[c] && elx == 6 + tails[c], "tail %d: Get_elements %d",
                     tails[c], el);
            for (int k = 0; k < 2; k++)
                TC_CHECK(r[k].i == dt_val(200, 0, 3 * k) &&
                             r[k].d[0] == dt_val(201, 0, 3 * k + 1) &&
                             r[k].d[1] == dt_val(201, 0, 3 * k + 2),
                         "tail %d: element %d", tails[c], k);
            /* the partial third element: what arrived is there, the rest is untouched */
            TC_CHECK(r[2].i == (tails[c] >= 1 ? dt_val(200, 0, 6) : DT_HOLE) &&
                         r[2].d[0] == (tails[c] >= 2 ? dt_val(201, 0, 7) : DT_HOLE) &&
                         r[2].d[1] == (tails[c] >= 3 ? dt_val(201, 0, 8) : DT_HOLE),
                     "tail %d: partial element", tails[c]);
            /* counted in a type the elements do not fill: half a double */
            TC_OK(MPI_Get_elements(&st, MPI_INT, &el));
            TC_OK(MPI_Get_count(&st, MPI_DOUBLE, &cnt));
            TC_CHECK(cnt == MPI_UNDEFINED || tails[c] != 1, "tail %d: Get_count in doubles %d",
                     tails[c], cnt);
        }
    }
    TC_OK(MPI_Type_free(&t));
}

/* A message longer than the derived receive buffer: what fits arrives, the rest is left. */
static void truncation(void)
{
    MPI_Datatype v;
    int a[40], b[41], el;
    MPI_Status st;

    TC_OK(MPI_Type_vector(10, 1, 2, MPI_INT, &v)); /* 10 ints over 19 */
    TC_OK(MPI_Type_commit(&v));
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
    for (int big = 0; big < 2; big++) {
        if (tc_rank == 0) {
            for (int k = 0; k < 40; k++)
                a[k] = dt_val(210 + big, 0, k);
            TC_OK(MPI_Send(a, big ? 40 : 15, MPI_INT, 1, 20 + big, MPI_COMM_WORLD));
        } else if (tc_rank == 1) {
            for (int k = 0; k < 41; k++)
                b[k] = DT_HOLE;
            int rc = MPI_Recv(b, 1, v, 0, 20 + big, MPI_COMM_WORLD, &st);
            dt_expect(rc, MPI_ERR_TRUNCATE, "a message longer than the vector");
            TC_OK(MPI_Get_elements(&st, v, &el));
#ifdef MPR_VERSION_MAJOR /* Open MPI 4.1 and MPICH 4.0 count the whole message */
            TC_CHECK(el == 10, "truncated: Get_elements %d, want 10", el);
#endif
#ifndef MPICH_VERSION /* MPICH 4.0 leaves the buffer alone when it truncates */
            for (int k = 0; k < 41; k++) {
                int want = k % 2 == 0 && k < 20 ? dt_val(210 + big, 0, k / 2) : DT_HOLE;
                TC_CHECK(b[k] == want, "truncated receive: b[%d] is %d, want %d", k, b[k], want);
            }
#endif
        }
    }
    /* nonblocking: the error comes with the completion */
    if (tc_rank == 0) {
        TC_OK(MPI_Send(a, 12, MPI_INT, 1, 22, MPI_COMM_WORLD));
    } else if (tc_rank == 1) {
        MPI_Request rq;
        for (int k = 0; k < 41; k++)
            b[k] = DT_HOLE;
        TC_OK(MPI_Irecv(b, 1, v, 0, 22, MPI_COMM_WORLD, &rq));
        dt_expect(MPI_Wait(&rq, &st), MPI_ERR_TRUNCATE, "Irecv of 12 ints into a 10-int vector");
#ifndef MPICH_VERSION
        for (int k = 0; k < 41; k++)
            TC_CHECK(b[k] == (k % 2 == 0 && k < 20 ? dt_val(211, 0, k / 2) : DT_HOLE),
                     "truncated Irecv: b[%d]", k);
#endif
    }
    TC_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_ARE_FATAL));
    TC_OK(MPI_Type_free(&v));
}

/* MPI_Status_set_elements (for generalized requests and layered libraries): Get_elements gives
 * back what was set, Get_count whole elements or MPI_UNDEFINED. */
static void set_elements(void)
{
    MPI_Datatype t = idd_type();
    MPI_Status st;
    int n = -1;
    for (int e = 0; e <= 7; e++) {
        TC_OK(MPI_Status_set_elements(&st, t, e));
        TC_OK(MPI_Get_elements(&st, t, &n));
        TC_CHECK(n == e, "set_elements(%d) then get_elements gave %d", e, n);
        TC_OK(MPI_Get_count(&st, t, &n));
        TC_CHECK(n == (e % 3 ? MPI_UNDEFINED : e / 3), "set_elements(%d): get_count gave %d", e,
                 n);
    }
    TC_OK(MPI_Status_set_elements(&st, MPI_DOUBLE, 5));
    TC_OK(MPI_Get_count(&st, MPI_DOUBLE, &n));
    TC_CHECK(n == 5, "set_elements(MPI_DOUBLE, 5): get_count gave %d", n);
    TC_OK(MPI_Type_free(&t));
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "dtype-elements");
    TC_CHECK(tc_size >= 2, "needs 2 ranks");
    partial();
    truncation();
    set_elements();
    dt_done();
    return 0;
}
