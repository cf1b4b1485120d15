/*
 * exit_codes: what happens to a job when one rank fails. Rank 1 (rank 0 if alone) fails on
 * purpose while the others wait in MPI_Barrier for it; mplaunch prints one line saying which
 * rank failed and how, stops the other ranks, and exits with a status that tells the failure.
 *
 *   mpcc -o exit_codes exit_codes.c && mplaunch -n 3 ./exit_codes exit|abort|signal; echo $?
 *
 *   mode    the failing rank          mplaunch says (rank 1, pid, host, then)    job status
 *   exit    calls exit(3)             exited with status 3 before MPI_Finalize   3
 *   abort   calls MPI_Abort(comm, 4)  called MPI_Abort(MPI_COMM_WORLD, 4)        4
 *   signal  is killed by SIGTERM      killed by signal 15 (Terminated)           128 + 15 = 143
 *
 * Python multiprocessing: p.exitcode is 3 after sys.exit(3) in the child and -15 after
 * p.terminate(); the parent has to look at every child. With MPI the ranks are one job: the
 * first failure ends all of it, and the launcher's exit status is that failure's (0 only if
 * every rank exited 0). MPI_Abort is the way to stop the whole job on purpose from any rank.
 */
#include <mpi.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "exit";
    int rank, size, victim;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    victim = size > 1 ? 1 : 0;
    if (strcmp(mode, "exit") != 0 && strcmp(mode, "abort") != 0 && strcmp(mode, "signal") != 0) {
        if (rank == 0) {
            fprintf(stderr, "usage: mplaunch -n N ./exit_codes exit|abort|signal\n");
        }
        MPI_Finalize();
        return 2;
    }

    if (rank == victim) {
        printf("rank %d: failing on purpose (%s)\n", rank, mode);
        fflush(stdout);
        if (strcmp(mode, "exit") == 0) {
            exit(3); /* without MPI_Finalize: the job cannot complete */
        } else if (strcmp(mode, "abort") == 0) {
            MPI_Abort(MPI_COMM_WORLD, 4);
        } else {
            raise(SIGTERM);
        }
    }
    /* The other ranks wait here for the failed one; mplaunch ends them. */
    MPI_Barrier(MPI_COMM_WORLD);
    printf("rank %d: not reached\n", rank);
    MPI_Finalize();
    return 0;
}
