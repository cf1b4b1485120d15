/* probe: MPI_Probe, MPI_Iprobe, MPI_Mprobe/MPI_Mrecv and MPI_Improbe/MPI_Imrecv across sizes
 * 0 B, 1 B, 8 B, 1 KiB, E-1, E, E+1 (E the eager limit), 64 KiB + 1, 1 MiB and 4 MiB, between
 * every pair of ranks, itself included. For each size the sender Isends two messages A (that
 * size) and B (3 bytes more) with one tag, unique to the pair and size. The receiver:
 *   - Probe(source, tag) twice: both see A (a probe does not take the message);
 *   - Probe(source, MPI_ANY_TAG) and an Iprobe(MPI_ANY_SOURCE, tag) loop: A again;
 *   - Mprobe(source, tag) takes A out of the queue: an Iprobe loop now finds B;
 *   - Improbe loop takes B; Imrecv(B) + Wait, then Mrecv(A): B's and A's bytes;
 *   - Iprobe(source, tag) then finds nothing.
 * Every status carries the source, the tag and the count of the probed message. */
#include "tt.h"

enum { MIB = 1 << 20, MAXSZ = 4 * MIB + 3 };

/* The status of a probe or receive of the message of `count` bytes from `from`, with `tag`. */
static void expect(const MPI_Status *st, int from, int tag, int count, int n, const char *how)
{
    char what[128];
    snprintf(what, sizeof what, "%d B from %d: %s", n, from, how);
    pt_check_status(st, from, tag, MPI_BYTE, count, what);
}

/* Iprobe (msg NULL) or Improbe until a message from src with tag is there; its status. */
static void poll(int src, int tag, MPI_Message *msg, MPI_Status *st)
{
    int flag = 0;
    while (!flag) {
        if (msg)
            TC_OK(MPI_Improbe(src, tag, MPI_COMM_WORLD, &flag, msg, st));
        else
            TC_OK(MPI_Iprobe(src, tag, MPI_COMM_WORLD, &flag, st));
    }
}

static void probe_pair(int to, int from, int tag, int n, unsigned char *sb, unsigned char *rb)
{
    MPI_Request rq[2], rrq;
    MPI_Status st;
    MPI_Message ma, mb;
    int flag = 0;
    const int nb = n + 3;
    pt_fill(sb, (size_t)n, tt_seed(1, tc_rank, to, tag));
    pt_fill(sb + n, (size_t)nb, tt_seed(2, tc_rank, to, tag));
    TC_OK(MPI_Isend(sb, n, MPI_BYTE, to, tag, MPI_COMM_WORLD, &rq[0]));
    TC_OK(MPI_Isend(sb + n, nb, MPI_BYTE, to, tag, MPI_COMM_WORLD, &rq[1]));

    TC_OK(MPI_Probe(from, tag, MPI_COMM_WORLD, &st));
    expect(&st, from, tag, n, n, "Probe");
    TC_OK(MPI_Probe(from, tag, MPI_COMM_WORLD, &st));
    expect(&st, from, tag, n, n, "second Probe");
    TC_OK(MPI_Probe(from, MPI_ANY_TAG, MPI_COMM_WORLD, &st));
    expect(&st, from, tag, n, n, "Probe(ANY_TAG)");
    poll(MPI_ANY_SOURCE, tag, NULL, &st);
    expect(&st, from, tag, n, n, "Iprobe(ANY_SOURCE)");

    TC_OK(MPI_Mprobe(from, tag, MPI_COMM_WORLD, &ma, &st));
    expect(&st, from, tag, n, n, "Mprobe");
    poll(from, tag, NULL, &st);
    expect(&st, from, tag, nb, n, "Iprobe after Mprobe (the second message)");
    poll(from, tag, &mb, &st);
    expect(&st, from, tag, nb, n, "Improbe (the second message)");

    TC_OK(MPI_Imrecv(rb, nb, MPI_BYTE, &mb, &rrq));
    TC_OK(MPI_Wait(&rrq, &st));
    expect(&st, from, tag, nb, n, "Imrecv of the second message");
    tt_verify(rb, (size_t)nb, tt_seed(2, from, tc_rank, tag), "Imrecv of the second message");
    TC_OK(MPI_Mrecv(rb, n, MPI_BYTE, &ma, &st));
    expect(&st, from, tag, n, n, "Mrecv of the first message");
    tt_verify(rb, (size_t)n, tt_seed(1, from, tc_rank, tag), "Mrecv of the first message");
    TC_CHECK(ma == MPI_MESSAGE_NULL && mb == MPI_MESSAGE_NULL,
             "%d B from %d: Mrecv/Imrecv did not set MPI_MESSAGE_NULL", n, from);

    TC_OK(MPI_Iprobe(from, tag, MPI_COMM_WORLD, &flag, &st));
    TC_CHECK(!flag, "%d B from %d: Iprobe found a third message", n, from);
    TC_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "probe");
    const int eager = tt_eager_limit();
    const int sizes[] = {0, 1, 8, 1024, eager - 1, eager, eager + 1, 65537, MIB, 4 * MIB};
    enum { NSIZES = sizeof sizes / sizeof sizes[0] };
    TC_CHECK(tc_size * NSIZES <= pt_tag_ub(), "%d ranks need tags above MPI_TAG_UB", tc_size);
    unsigned char *sb = pt_malloc(2 * (size_t)MAXSZ), *rb = pt_malloc(MAXSZ);
    for (int s = 0; s < tc_size; s++)
        for (int z = 0; z < NSIZES; z++)
            probe_pair(tt_to(s), tt_from(s), s * NSIZES + z, sizes[z], sb, rb);
    free(sb), free(rb);
    tt_pass("Probe, Iprobe, Mprobe, Improbe of 0 B .. 4 MiB, eager limit %d", eager);
    return 0;
}
