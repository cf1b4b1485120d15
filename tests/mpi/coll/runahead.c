/* runahead.c — long loops of collectives that let some ranks run ahead of the others.
 *
 * A bcast root, the leaves of gather and reduce, the root of scatter and the low ranks of scan
 * and exscan need not wait for anybody; in a loop they may run many calls ahead (mpr lets them
 * run up to 63 small or 3 large calls ahead on a node). Each round mixes such calls with
 * contributions of different sizes (8 B, 200 B, 20 and 60 KiB: inline, data area, several chunks),
 * with a root and values that change every round, and checks every result exactly. One rank in turn
 * sleeps now and then, so the others pile up as far ahead as they may. The rounds rotate over
 * MPI_COMM_WORLD, a dup of it, a split in world order and a split in reverse order.
 *
 * Usage: runahead [ROUNDS]   (default 600)
 */
#include "coll.h"

#include <time.h>

/*
 * The communicator of this round: MPI_COMM_WORLD, a dup of it and a split of it in world order
 * (both take the node-local path of world, sharing its sequence of generations), or a split in
 * reverse order (point-to-point algorithms).
 */
static MPI_Comm cur, comms[4];
static int me; /* this rank in cur */

#define BIG 15000 /* ints: 60000 bytes, four 16 KiB bcast chunks */

static int val(int round, int rank, int k)
{
    return (int)(ct_mix((uint64_t)round * 1000003u + (uint64_t)rank * 7919u + (uint64_t)k) &
                 0xffff);
}

static void nap(int round)
{
    if (round % 97 == tc_rank % 97 && round % 5 == 0) {
        struct timespec ts = {0, 200000};
        nanosleep(&ts, NULL);
    }
}

static void check_bcast(int round, int count)
{
    static int buf[BIG];
    int root = round % tc_size;

    for (int k = 0; k < count; k++)
        buf[k] = me == root ? val(round, root, k) : -1;
    TC_OK(MPI_Bcast(buf, count, MPI_INT, root, cur));
    for (int k = 0; k < count; k++)
        TC_CHECK(buf[k] == val(round, root, k), "round %d bcast of %d from %d: [%d] = %d, not %d",
                 round, count, root, k, buf[k], val(round, root, k));
}

static void check_gather(int round, int count)
{
    int root = (round * 7 + 3) % tc_size, mine[64], *all = ct_malloc(sizeof(int) * 64 * tc_size);

    for (int k = 0; k < count; k++)
        mine[k] = val(round, me, k);
    TC_OK(MPI_Gather(mine, count, MPI_INT, all, count, MPI_INT, root, cur));
    for (int r = 0; me == root && r < tc_size; r++)
        for (int k = 0; k < count; k++)
            TC_CHECK(all[r * count + k] == val(round, r, k), "round %d gather: block %d [%d]",
                     round, r, k);
    free(all);
}

static void check_scatter(int round, int count)
{
    int root = (round * 5 + 1) % tc_size, mine[64], *all = ct_malloc(sizeof(int) * 64 * tc_size);

    for (int r = 0; r < tc_size; r++)
        for (int k = 0; k < count; k++)
            all[r * count + k] = val(round, r, k + 100);
    TC_OK(MPI_Scatter(all, count, MPI_INT, mine, count, MPI_INT, root, cur));
    for (int k = 0; k < count; k++)
        TC_CHECK(mine[k] == val(round, me, k + 100), "round %d scatter from %d: [%d]", round, root,
                 k);
    free(all);
}

/* Reduce, scan and exscan of count ints (MPI_SUM), checked against the serial sums. */
static void check_reductions(int round, int count)
{
    int root = (round * 3 + 2) % tc_size, in[64], out[64];

    for (int k = 0; k < count; k++)
        in[k] = val(round, me, k + 200);
    TC_OK(MPI_Reduce(in, out, count, MPI_INT, MPI_SUM, root, cur));
    for (int k = 0; me == root && k < count; k++) {
        int want = 0;
        for (int r = 0; r < tc_size; r++)
            want += val(round, r, k + 200);
        TC_CHECK(out[k] == want, "round %d reduce to %d: [%d] = %d, not %d", round, root, k, out[k],
                 want);
    }
    for (int ex = 0; ex < 2; ex++) {
        TC_OK((ex ? MPI_Exscan : MPI_Scan)(in, out, count, MPI_INT, MPI_SUM, cur));
        for (int k = 0; k < count && (me > 0 || !ex); k++) {
            int want = 0;
            for (int r = 0; r < me + !ex; r++)
                want += val(round, r, k + 200);
            TC_CHECK(out[k] == want, "round %d %s: [%d] = %d, not %d", round,
                     ex ? "exscan" : "scan", k, out[k], want);
        }
    }
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 600;

    tc_init(&argc, &argv, "runahead");
    comms[0] = MPI_COMM_WORLD;
    TC_OK(MPI_Comm_dup(MPI_COMM_WORLD, &comms[1]));
    TC_OK(MPI_Comm_split(MPI_COMM_WORLD, 7, tc_rank, &comms[2]));
    TC_OK(MPI_Comm_split(MPI_COMM_WORLD, 7, tc_size - tc_rank, &comms[3]));
    for (int round = 0; round < rounds; round++) {
        cur = comms[round % 4];
        TC_OK(MPI_Comm_rank(cur, &me));
        nap(round);
        check_bcast(round, 2);
        check_gather(round, 2);
        check_bcast(round, 50);
        check_scatter(round, 1);
        check_reductions(round, 2);
        if (round % 8 == 0) {
            check_bcast(round, round % 16 ? 5000 : BIG);
            check_gather(round, 50);
            check_reductions(round, 50);
        }
        check_scatter(round, 50);
    }
    for (int i = 1; i < 4; i++)
        TC_OK(MPI_Comm_free(&comms[i]));
    ct_done("mixed rooted collectives in a loop");
    return 0;
}
