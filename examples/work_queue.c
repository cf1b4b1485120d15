/*
 * work_queue: producer and consumers, the MPI version of Python's multiprocessing Queue
 * pattern. Rank 0 owns a list of tasks and hands them out one at a time to whichever worker
 * asks next; a worker sends back its result, which is also its request for more work. When the
 * list is empty, rank 0 answers with a stop message instead. Fast workers simply end up doing
 * more tasks, so uneven tasks balance themselves. Needs at least 2 processes.
 *
 *   mpcc -o work_queue work_queue.c && mplaunch -n 4 ./work_queue [tasks]
 *
 * Python:  workers call task = tasks.get() until they get the None sentinel, and
 *          results.put((task, f(task))); the parent fills `tasks` and drains `results`.
 *
 * Here the "queue" is rank 0 receiving from MPI_ANY_SOURCE: status.MPI_SOURCE says which worker
 * just became free. The message tag says what a message is: a task, a result, or stop.
 * A task is the number of steps the Collatz sequence from n takes to reach 1: cheap, and
 * uneven from one n to the next.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

enum { TAG_TASK = 1, TAG_RESULT = 2, TAG_STOP = 3 };

static int collatz_steps(long n)
{
    int steps = 0;

    while (n != 1) {
        n = n % 2 == 0 ? n / 2 : 3 * n + 1;
        steps++;
    }
    return steps;
}

/* Rank 0: hand out tasks 1..ntasks (task i is collatz_steps(i)), collect and check results. */
static int producer(int ntasks, int nworkers)
{
    int *results = calloc((size_t)ntasks + 1, sizeof(int));
    int *done_by = calloc((size_t)nworkers + 1, sizeof(int));
    int next = 1, stopped = 0, bad = 0;

    if (results == NULL || done_by == NULL) {
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    while (stopped < nworkers) {
        int msg[2]; /* {task, result}; task 0 is a worker's first "I am ready" */
        MPI_Status status;

        MPI_Recv(msg, 2, MPI_INT, MPI_ANY_SOURCE, TAG_RESULT, MPI_COMM_WORLD, &status);
        if (msg[0] > 0) {
            results[msg[0]] = msg[1];
            done_by[status.MPI_SOURCE]++;
        }
        if (next <= ntasks) {
            MPI_Send(&next, 1, MPI_INT, status.MPI_SOURCE, TAG_TASK, MPI_COMM_WORLD);
            next++;
        } else {
            MPI_Send(&next, 0, MPI_INT, status.MPI_SOURCE, TAG_STOP, MPI_COMM_WORLD);
            stopped++;
        }
    }
    for (int i = 1; i <= ntasks; i++) {
        bad += results[i] != collatz_steps(i);
    }
    printf("tasks done per worker:");
    for (int w = 1; w <= nworkers; w++) {
        printf(" %d", done_by[w]);
    }
    printf("\n");
    if (bad == 0) {
        printf("work_queue: %d tasks done by %d workers, all results correct\n", ntasks, nworkers);
    } else {
        printf("work_queue: %d of %d results are wrong\n", bad, ntasks);
    }
    free(done_by);
    free(results);
    return bad == 0 ? 0 : 1;
}

/* Other ranks: ask for work, do it, send the result back (which asks for more) until stopped. */
static void consumer(void)
{
    int msg[2] = {0, 0};

    for (;;) {
        MPI_Status status;
        int task;

        MPI_Send(msg, 2, MPI_INT, 0, TAG_RESULT, MPI_COMM_WORLD);
        MPI_Recv(&task, 1, MPI_INT, 0, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
        if (status.MPI_TAG == TAG_STOP) {
            break;
        }
        msg[0] = task;
        msg[1] = collatz_steps(task);
    }
}

int main(int argc, char **argv)
{
    int rank, size, ntasks = argc > 1 ? atoi(argv[1]) : 100, status = 0;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 2 || ntasks < 1) {
        if (rank == 0) {
            fprintf(stderr, "usage: mplaunch -n N ./work_queue [tasks], N >= 2, tasks >= 1\n");
        }
        MPI_Finalize();
        return 2;
    }
    if (rank == 0) {
        status = producer(ntasks, size - 1);
    } else {
        consumer();
    }
    MPI_Finalize();
    return status;
}
