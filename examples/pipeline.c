/*
 * pipeline: items flow through the ranks in order, 0 -> 1 -> ... -> N-1, and every rank
 * transforms each item on its way (here: double it and add the rank number). Rank 0 produces
 * the items, the last rank prints the results and checks them. While rank 2 works on item 5,
 * rank 1 can already work on item 6: the stages run at the same time, like an assembly line.
 *
 *   mpcc -o pipeline pipeline.c && mplaunch -n 4 ./pipeline [items]
 *
 * Python: a chain of Pipe()s between Processes, each stage looping on x = left.recv() and
 * right.send(g(x)) until a None sentinel arrives. In MPI a rank's neighbours are simply
 * rank - 1 and rank + 1; the sentinel is a message with its own tag (TAG_STOP), matched with
 * MPI_ANY_TAG and told apart by status.MPI_TAG. Messages between two ranks with the same tag
 * arrive in the order they were sent, so items stay in order.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

enum { TAG_ITEM = 1, TAG_STOP = 2 };

static long stage(long x, int rank)
{
    return 2 * x + rank;
}

/* What the whole chain of `size` stages makes of x, computed serially for the check. */
static long serial(long x, int size)
{
    for (int r = 0; r < size; r++) {
        x = stage(x, r);
    }
    return x;
}

int main(int argc, char **argv)
{
    int rank, size, nitems = argc > 1 ? atoi(argv[1]) : 8, bad = 0;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int prev = rank - 1, next = rank + 1 < size ? rank + 1 : MPI_PROC_NULL;

    for (long i = 1;; i++) {
        long x = i;

        if (rank == 0 && i > nitems) {
            MPI_Send(&x, 0, MPI_LONG, next, TAG_STOP, MPI_COMM_WORLD); /* no-op if alone */
            break;
        }
        if (rank > 0) {
            MPI_Status status;
            MPI_Recv(&x, 1, MPI_LONG, prev, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
            if (status.MPI_TAG == TAG_STOP) {
                MPI_Send(&x, 0, MPI_LONG, next, TAG_STOP, MPI_COMM_WORLD);
                break;
            }
        }
        x = stage(x, rank);
        if (next != MPI_PROC_NULL) {
            MPI_Send(&x, 1, MPI_LONG, next, TAG_ITEM, MPI_COMM_WORLD);
        } else {
            printf("item %ld: %ld -> %ld\n", i, i, x);
            bad += x != serial(i, size);
        }
    }
    if (next == MPI_PROC_NULL) {
        if (bad == 0) {
            printf("pipeline: %d items through %d stages, all correct\n", nitems, size);
        } else {
            printf("pipeline: %d of %d items are wrong\n", bad, nitems);
        }
    }
    MPI_Finalize();
    return bad == 0 ? 0 : 1;
}
