/* zero: zero-length messages between every pair of ranks, itself included (a message of more
 * than 2 GiB is in huge.c). For each pair:
 *  - count 0 with a NULL buffer (MPI_BYTE), count 0 of MPI_INT received into a 16-int buffer,
 *    and 5 elements of a zero-size derived type: status source, tag, count 0, nothing written;
 *  - a sequence of 0 B and 1 B messages on one tag with rendezvous ones (E+1 B) among them,
 *    received with MPI_ANY_TAG: sizes and bytes in send order;
 *  - Ssend of 0 B (receive posted first), Sendrecv of 0 B;
 *  - Probe, Iprobe and Mprobe/Mrecv of a 0 B message: count 0;
 *  - 1 B into a receive of count 0: MPI_ERR_TRUNCATE under MPI_ERRORS_RETURN.
 * Then every rank sends one 0 B message to every rank, which receives them with
 * MPI_ANY_SOURCE/MPI_ANY_TAG: each source exactly once, with its tag. */
#include "tt.h"

enum { T_NULL = 1, T_INT, T_ZTYPE, T_SEQ, T_SSEND, T_SENDRECV, T_PROBE, T_TRUNC, T_ANY = 100 };
enum { NSEQ = 24, GUARD = 0x5a };

static int eager;

/* Size of message i of the 0/1 B sequence: mostly 0 and 1, a rendezvous one every 7th. */
static int seq_size(int i)
{
    return i % 7 == 3 ? eager + 1 : i % 2;
}

static void check_untouched(const unsigned char *b, size_t n, const char *what)
{
    for (size_t i = 0; i < n; i++)
        TC_CHECK(b[i] == GUARD, "%s: byte %zu of the receive buffer was written", what, i);
}

/* Sends of one ring step: Isends that complete at the end of the step. */
static void send_step(int to, MPI_Datatype ztype, unsigned char *sb, MPI_Request *rq, int *nrq)
{
    int k = 0;
    TC_OK(MPI_Isend(NULL, 0, MPI_BYTE, to, T_NULL, MPI_COMM_WORLD, &rq[k++]));
    TC_OK(MPI_Isend(sb, 0, MPI_INT, to, T_INT, MPI_COMM_WORLD, &rq[k++]));
    TC_OK(MPI_Isend(sb, 5, ztype, to, T_ZTYPE, MPI_COMM_WORLD, &rq[k++]));
    for (int i = 0, off = 0; i < NSEQ; off += seq_size(i), i++) {
        pt_fill(sb + off, (size_t)seq_size(i), tt_seed(1, tc_rank, to, i));
        TC_OK(MPI_Isend(sb + off, seq_size(i), MPI_BYTE, to, T_SEQ, MPI_COMM_WORLD, &rq[k++]));
    }
    TC_OK(MPI_Isend(NULL, 0, MPI_BYTE, to, T_PROBE, MPI_COMM_WORLD, &rq[k++]));
    TC_OK(MPI_Isend(NULL, 0, MPI_BYTE, to, T_PROBE, MPI_COMM_WORLD, &rq[k++]));
    TC_OK(MPI_Isend(NULL, 0, MPI_BYTE, to, T_PROBE, MPI_COMM_WORLD, &rq[k++]));
    TC_OK(MPI_Isend(sb, 1, MPI_BYTE, to, T_TRUNC, MPI_COMM_WORLD, &rq[k++]));
    *nrq = k;
}

static void recv_step(int from, MPI_Datatype ztype, unsigned char *rb)
{
    MPI_Status st;
    char what[96];
    TC_OK(MPI_Recv(NULL, 0, MPI_BYTE, from, T_NULL, MPI_COMM_WORLD, &st));
    pt_check_status(&st, from, T_NULL, MPI_BYTE, 0, "0 B into NULL");

    memset(rb, GUARD, 16 * sizeof(int));
    TC_OK(MPI_Recv(rb, 16, MPI_INT, from, T_INT, MPI_COMM_WORLD, &st));
    pt_check_status(&st, from, T_INT, MPI_INT, 0, "0 ints into 16");
    check_untouched(rb, 16 * sizeof(int), "0 ints into 16");

    TC_OK(MPI_Recv(rb, 5, ztype, from, T_ZTYPE, MPI_COMM_WORLD, &st));
    pt_check_status(&st, from, T_ZTYPE, MPI_BYTE, 0, "5 elements of a zero-size type");
    check_untouched(rb, 16 * sizeof(int), "5 elements of a zero-size type");

    for (int i = 0; i < NSEQ; i++) {
        int n = seq_size(i);
        memset(rb, GUARD, (size_t)eager + 2);
        TC_OK(MPI_Recv(rb, eager + 1, MPI_BYTE, from, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
        snprintf(what, sizeof what, "0/1 B sequence: message %d (%d B) from %d", i, n, from);
        pt_check_status(&st, from, T_SEQ, MPI_BYTE, n, what);
        tt_verify(rb, (size_t)n, tt_seed(1, from, tc_rank, i), what);
        check_untouched(rb + n, (size_t)(eager + 2 - n), what);
    }

    int flag = 0;
    MPI_Message msg;
    TC_OK(MPI_Probe(from, T_PROBE, MPI_COMM_WORLD, &st));
    pt_check_status(&st, from, T_PROBE, MPI_BYTE, 0, "Probe of 0 B");
    do {
        TC_OK(MPI_Iprobe(from, T_PROBE, MPI_COMM_WORLD, &flag, &st));
    } while (!flag);
    pt_check_status(&st, from, T_PROBE, MPI_BYTE, 0, "Iprobe of 0 B");
    TC_OK(MPI_Recv(NULL, 0, MPI_BYTE, from, T_PROBE, MPI_COMM_WORLD, &st));
    TC_OK(MPI_Mprobe(from, T_PROBE, MPI_COMM_WORLD, &msg, &st));
    pt_check_status(&st, from, T_PROBE, MPI_BYTE, 0, "Mprobe of 0 B");
    TC_OK(MPI_Mrecv(NULL, 0, MPI_BYTE, &msg, &st));
    pt_check_status(&st, from, T_PROBE, MPI_BYTE, 0, "Mrecv of 0 B");
    do {
        TC_OK(MPI_Improbe(from, T_PROBE, MPI_COMM_WORLD, &flag, &msg, &st));
    } while (!flag);
    TC_OK(MPI_Mrecv(NULL, 0, MPI_BYTE, &msg, &st));
    pt_check_status(&st, from, T_PROBE, MPI_BYTE, 0, "Improbe + Mrecv of 0 B");

    rb[0] = GUARD;
    int rc = MPI_Recv(rb, 0, MPI_BYTE, from, T_TRUNC, MPI_COMM_WORLD, &st);
    TC_CHECK(pt_class(rc) == MPI_ERR_TRUNCATE,
             "1 B into a receive of count 0: error class %d, expected MPI_ERR_TRUNCATE",
             pt_class(rc));
    TC_CHECK(st.MPI_SOURCE == from && st.MPI_TAG == T_TRUNC,
             "1 B into count 0: status source %d tag %d", st.MPI_SOURCE, st.MPI_TAG);
    check_untouched(rb, 1, "1 B into count 0");
}

/* Ssend and Sendrecv of 0 B: both sides take part, receive posted first. */
static void sync_step(int to, int from)
{
    MPI_Request rq;
    MPI_Status st;
    TC_OK(MPI_Irecv(NULL, 0, MPI_BYTE, from, T_SSEND, MPI_COMM_WORLD, &rq));
    TC_OK(MPI_Ssend(NULL, 0, MPI_BYTE, to, T_SSEND, MPI_COMM_WORLD));
    TC_OK(MPI_Wait(&rq, &st));
    pt_check_status(&st, from, T_SSEND, MPI_BYTE, 0, "Ssend of 0 B");
    TC_OK(MPI_Sendrecv(NULL, 0, MPI_BYTE, to, T_SENDRECV, NULL, 0, MPI_BYTE, from, T_SENDRECV,
                       MPI_COMM_WORLD, &st));
    pt_check_status(&st, from, T_SENDRECV, MPI_BYTE, 0, "Sendrecv of 0 B");
}

static void any_source(void)
{
    MPI_Request *rq = pt_malloc(sizeof *rq * (size_t)tc_size);
    char *seen = calloc((size_t)tc_size, 1);
    for (int s = 0; s < tc_size; s++)
        TC_OK(MPI_Isend(NULL, 0, MPI_BYTE, tt_to(s), T_ANY + tc_rank, MPI_COMM_WORLD, &rq[s]));
    for (int k = 0; k < tc_size; k++) {
        MPI_Status st;
        TC_OK(MPI_Recv(NULL, 0, MPI_BYTE, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
        int s = st.MPI_SOURCE;
        TC_CHECK(s >= 0 && s < tc_size && !seen[s], "ANY_SOURCE 0 B: source %d (twice?)", s);
        seen[s] = 1;
        pt_check_status(&st, s, T_ANY + s, MPI_BYTE, 0, "ANY_SOURCE/ANY_TAG 0 B");
    }
    TC_OK(MPI_Waitall(tc_size, rq, MPI_STATUSES_IGNORE));
    free(rq), free(seen);
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "zero");
    pt_errors_return();
    eager = tt_eager_limit();
    MPI_Datatype ztype;
    TC_OK(MPI_Type_contiguous(0, MPI_INT, &ztype));
    TC_OK(MPI_Type_commit(&ztype));
    size_t seqbytes = 0;
    for (int i = 0; i < NSEQ; i++)
        seqbytes += (size_t)seq_size(i);
    unsigned char *sb = pt_malloc(seqbytes), *rb = pt_malloc((size_t)eager + 2);
    MPI_Request rq[NSEQ + 8];
    for (int s = 0; s < tc_size; s++) {
        int nrq = 0;
        send_step(tt_to(s), ztype, sb, rq, &nrq);
        recv_step(tt_from(s), ztype, rb);
        TC_OK(MPI_Waitall(nrq, rq, MPI_STATUSES_IGNORE));
        sync_step(tt_to(s), tt_from(s));
    }
    TC_OK(MPI_Barrier(MPI_COMM_WORLD));
    any_source();
    TC_OK(MPI_Type_free(&ztype));
    free(sb), free(rb);
    tt_pass("0 B with NULL, MPI_INT and a zero-size type, 0/1 B sequence, Ssend, Sendrecv, "
            "probes, truncation, ANY_SOURCE");
    return 0;
}
