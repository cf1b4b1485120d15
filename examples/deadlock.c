/*
 * deadlock: ranks 1 and 5 swap a one-character string ("a" from 1, "b" from 5). Written the
 * naive way it hangs; three ways to write it that cannot. Needs at least 6 processes.
 *
 *   mplaunch -n 6 --timeout 5 ./deadlock broken       both ranks receive first: hangs
 *   mplaunch -n 6 ./deadlock reorder                  one sends while the other receives
 *   mplaunch -n 6 ./deadlock sendrecv                 MPI_Sendrecv does both halves at once
 *   mplaunch -n 6 ./deadlock nonblocking              MPI_Isend + MPI_Irecv, then MPI_Waitall
 *
 * MPI_Recv returns only once a matching message has arrived. If rank 1 and rank 5 both start
 * with MPI_Recv, each waits for a message the other will only send after its own receive
 * returns: neither ever does. `mplaunch --timeout S` ends such a job after S seconds, names
 * the MPI call each rank is stuck in, and exits with status 124.
 *
 * Swapping the order on both ranks (both send first) happens to work for a single character,
 * because small messages are buffered, but MPI_Send may wait for the matching receive: with
 * large messages it hangs too. The three fixes below are correct for any size.
 */
#include <mpi.h>
#include <stdio.h>
#include <string.h>

enum { TAG = 0 };

/* Each exchange sends `out` to `peer` and stores the character received from it in `in`. */
static void exchange_broken(char *out, char *in, int peer)
{
    MPI_Recv(in, 1, MPI_CHAR, peer, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    MPI_Send(out, 1, MPI_CHAR, peer, TAG, MPI_COMM_WORLD);
}

/* The lower rank sends first, the higher one receives first: one of them is always receiving. */
static void exchange_reorder(char *out, char *in, int peer, int rank)
{
    if (rank < peer) {
        MPI_Send(out, 1, MPI_CHAR, peer, TAG, MPI_COMM_WORLD);
        MPI_Recv(in, 1, MPI_CHAR, peer, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        MPI_Recv(in, 1, MPI_CHAR, peer, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Send(out, 1, MPI_CHAR, peer, TAG, MPI_COMM_WORLD);
    }
}

static void exchange_sendrecv(char *out, char *in, int peer)
{
    MPI_Sendrecv(out, 1, MPI_CHAR, peer, TAG, in, 1, MPI_CHAR, peer, TAG, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
}

/* Start both operations, then wait for both: neither blocks the other. */
static void exchange_nonblocking(char *out, char *in, int peer)
{
    MPI_Request req[2];

    MPI_Irecv(in, 1, MPI_CHAR, peer, TAG, MPI_COMM_WORLD, &req[0]);
    MPI_Isend(out, 1, MPI_CHAR, peer, TAG, MPI_COMM_WORLD, &req[1]);
    MPI_Waitall(2, req, MPI_STATUSES_IGNORE);
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";
    int rank, size;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 6 || (strcmp(mode, "broken") != 0 && strcmp(mode, "reorder") != 0 &&
                     strcmp(mode, "sendrecv") != 0 && strcmp(mode, "nonblocking") != 0)) {
        if (rank == 0) {
            fprintf(stderr,
                    "usage: mplaunch -n 6 ./deadlock broken|reorder|sendrecv|nonblocking\n");
        }
        MPI_Finalize();
        return 2;
    }
    printf("my rank is %d\n", rank);

    if (rank == 1 || rank == 5) {
        char out[2] = {rank == 1 ? 'a' : 'b', '\0'}, in[2] = "";
        int peer = rank == 1 ? 5 : 1;

        if (strcmp(mode, "broken") == 0) {
            exchange_broken(out, in, peer);
        } else if (strcmp(mode, "reorder") == 0) {
            exchange_reorder(out, in, peer, rank);
        } else if (strcmp(mode, "sendrecv") == 0) {
            exchange_sendrecv(out, in, peer);
        } else {
            exchange_nonblocking(out, in, peer);
        }
        printf("sending data %s to process %d\n", out, peer);
        printf("data received is = %s\n", in);
    }
    MPI_Finalize();
    return 0;
}
