/*
 * point_to_point: rank 0 sends the integer 10000000 to rank 4, rank 1 sends the string "hello" to
 * rank 8, and the receivers print what they got. Needs at least 9 processes.
 *
 *   mpcc -o point_to_point point_to_point.c && mplaunch -n 9 ./point_to_point
 *
 * mpi4py's lower-case comm.send(obj) pickles any Python object, and comm.recv() returns it
 * whatever its size. In C a message is a typed buffer: MPI_Send(buf, count, type, dest, tag,
 * comm). An int is one MPI_INT. A string whose length the receiver does not know is the
 * interesting case: the receiver first waits for the message with MPI_Probe (which receives
 * nothing), asks its length with MPI_Get_count, allocates, then receives it.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TAG = 0 };

/* Receive a string of any length from src; the caller frees it. */
static char *recv_string(int src)
{
    MPI_Status status;
    int len;
    char *s;

    MPI_Probe(src, TAG, MPI_COMM_WORLD, &status);
    MPI_Get_count(&status, MPI_CHAR, &len);
    s = malloc((size_t)len + 1);
    if (s == NULL) {
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    MPI_Recv(s, len, MPI_CHAR, src, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    s[len] = '\0'; /* the sender sent the characters only, not the terminating zero */
    return s;
}

int main(int argc, char **argv)
{
    int rank, size;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 9) {
        if (rank == 0) {
            fprintf(stderr, "point_to_point: needs 9 processes: mplaunch -n 9 ./point_to_point\n");
        }
        MPI_Finalize();
        return 1;
    }
    printf("my rank is %d\n", rank);

    if (rank == 0) {
        int data = 10000000, dest = 4;
        MPI_Send(&data, 1, MPI_INT, dest, TAG, MPI_COMM_WORLD);
        printf("sending data %d to process %d\n", data, dest);
    } else if (rank == 1) {
        const char *data = "hello";
        int dest = 8;
        MPI_Send(data, (int)strlen(data), MPI_CHAR, dest, TAG, MPI_COMM_WORLD);
        printf("sending data %s to process %d\n", data, dest);
    } else if (rank == 4) {
        int data;
        MPI_Recv(&data, 1, MPI_INT, 0, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        printf("data received is = %d\n", data);
    } else if (rank == 8) {
        char *data = recv_string(1);
        printf("data received is = %s\n", data);
        free(data);
    }
    MPI_Finalize();
    return 0;
}
