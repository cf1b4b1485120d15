/* lifecycle: context ids are recycled and plentiful, and traffic on a new communicator is never
 * lost. 10,000 dup/free cycles (a leak of context ids would run out after a few thousand);
 * 1,500 communicators alive at once, each used for a collective and a ring message; messages
 * sent on a communicator right after it was created, before the peer may have finished creating
 * it (held until then). Any size; oversubscribed runs make the last case bite. */
#include "../check.h"

static void dup_free_cycles(int cycles)
{
    for (int i = 0; i < cycles; i++) {
        MPI_Comm c;
        TC_OK(MPI_Comm_dup(MPI_COMM_WORLD, &c));
        TC_OK(MPI_Comm_free(&c));
        TC_CHECK(c == MPI_COMM_NULL, "cycle %d: MPI_Comm_free did not set MPI_COMM_NULL", i);
    }
}

static void many_alive(int n)
{
    MPI_Comm *c = malloc((size_t)n * sizeof(*c));
    TC_CHECK(c != NULL, "out of memory");
    for (int i = 0; i < n; i++) {
        /* alternate parents so the agreement runs over derived communicators too */
        TC_OK(MPI_Comm_dup(i % 2 ? c[i - 1] : MPI_COMM_WORLD, &c[i]));
    }
    for (int i = 0; i < n; i += 97) {
        int sum = 0, got = -1, next = (tc_rank + 1) % tc_size,
            prev = (tc_rank + tc_size - 1) % tc_size;
        int v = tc_rank + i;
        TC_OK(MPI_Allreduce(&v, &sum, 1, MPI_INT, MPI_SUM, c[i]));
        TC_CHECK(sum == tc_size * (tc_size - 1) / 2 + tc_size * i, "comm %d: allreduce %d", i, sum);
        TC_OK(MPI_Sendrecv(&v, 1, MPI_INT, next, i, &got, 1, MPI_INT, prev, i, c[i],
                           MPI_STATUS_IGNORE));
        TC_CHECK(got == prev + i, "comm %d: ring got %d, expected %d", i, got, prev + i);
    }
    for (int i = n - 1; i >= 0; i--) {
        TC_OK(MPI_Comm_free(&c[i]));
    }
    free(c);
}

/* Each rank sends on the new communicator at once; its neighbour may still be inside the
 * creating call. Messages on the old and the new communicator must not mix. */
static void early_messages(int rounds)
{
    int next = (tc_rank + 1) % tc_size, prev = (tc_rank + tc_size - 1) % tc_size;
    for (int i = 0; i < rounds; i++) {
        MPI_Comm c;
        MPI_Request r[2];
        int out[2] = {tc_rank, i}, in[2] = {-1, -1}, old = -1, oldout = 1000000 + i;
        MPI_Request ro;
        TC_OK(MPI_Isend(&oldout, 1, MPI_INT, next, 7, MPI_COMM_WORLD, &ro));
        if (i % 2) {
            TC_OK(MPI_Comm_split(MPI_COMM_WORLD, 0, tc_rank, &c));
        } else {
            TC_OK(MPI_Comm_dup(MPI_COMM_WORLD, &c));
        }
        TC_OK(MPI_Isend(out, 2, MPI_INT, next, 7, c, &r[0]));
        TC_OK(MPI_Irecv(in, 2, MPI_INT, prev, 7, c, &r[1]));
        TC_OK(MPI_Waitall(2, r, MPI_STATUSES_IGNORE));
        TC_CHECK(in[0] == prev && in[1] == i, "round %d: got (%d, %d) on the new comm", i, in[0],
                 in[1]);
        TC_OK(MPI_Recv(&old, 1, MPI_INT, prev, 7, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        TC_CHECK(old == 1000000 + i, "round %d: got %d on MPI_COMM_WORLD", i, old);
        TC_OK(MPI_Wait(&ro, MPI_STATUS_IGNORE));
        TC_OK(MPI_Comm_free(&c));
    }
}

int main(int argc, char **argv)
{
    tc_init(&argc, &argv, "comm-lifecycle");
    dup_free_cycles(10000);
    many_alive(1500);
    early_messages(300);
    TC_OK(MPI_Finalize());
    if (tc_rank == 0)
        printf("comm lifecycle ok\n");
    return 0;
}
