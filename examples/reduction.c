/*
 * reduction: each rank holds (rank+1) * [0, 1, ..., 9]. MPI_Reduce with MPI_SUM adds the arrays
 * element by element into the root's buffer; MPI_Allreduce leaves the sum on every rank;
 * MPI_MAX takes the largest element instead; MPI_MINLOC finds the smallest value and which rank
 * holds it.
 *
 *   mpcc -o reduction reduction.c && mplaunch -n 4 ./reduction
 *
 * mpi4py: comm.Reduce(senddata, recvdata, op=MPI.SUM, root=0) on numpy arrays. The receive
 * buffer of MPI_Reduce is only written on the root: on the other ranks it keeps what it held
 * (zeros here), which is what they print after the Reduce.
 */
#include <mpi.h>
#include <stdio.h>

#define ARRAY_SIZE 10

/* Format an int array the way numpy prints one, "[ 0  4  8 12]". */
static char *format_array(char *buf, const int *a, int n)
{
    int width = 1, len = 0;

    for (int i = 0; i < n; i++) {
        int w = snprintf(NULL, 0, "%d", a[i]);
        width = w > width ? w : width;
    }
    len += sprintf(buf + len, "[");
    for (int i = 0; i < n; i++) {
        len += sprintf(buf + len, "%s%*d", i > 0 ? " " : "", width, a[i]);
    }
    sprintf(buf + len, "]");
    return buf;
}

int main(int argc, char **argv)
{
    int rank, size, senddata[ARRAY_SIZE], recvdata[ARRAY_SIZE] = {0};
    char text[ARRAY_SIZE * 12 + 3];
    /* MPI_MINLOC works on (value, index) pairs; MPI_2INT is the matching predefined type. */
    struct {
        int value;
        int rank;
    } mine, lowest;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    for (int i = 0; i < ARRAY_SIZE; i++) {
        senddata[i] = (rank + 1) * i;
    }
    printf("process %d sending %s\n", rank, format_array(text, senddata, ARRAY_SIZE));

    MPI_Reduce(senddata, recvdata, ARRAY_SIZE, MPI_INT, MPI_SUM, 0, MPI_COMM_WORLD);
    printf("on task %d after Reduce:    data = %s\n", rank,
           format_array(text, recvdata, ARRAY_SIZE));

    MPI_Allreduce(senddata, recvdata, ARRAY_SIZE, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    printf("on task %d after Allreduce: data = %s\n", rank,
           format_array(text, recvdata, ARRAY_SIZE));

    MPI_Reduce(senddata, recvdata, ARRAY_SIZE, MPI_INT, MPI_MAX, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("on task %d after Reduce(MAX): data = %s\n", rank,
               format_array(text, recvdata, ARRAY_SIZE));
    }

    /* A value with its smallest in the middle ranks; on a tie MINLOC picks the lower rank. */
    mine.value = 100 - (rank + 1) * (size - rank);
    mine.rank = rank;
    MPI_Reduce(&mine, &lowest, 1, MPI_2INT, MPI_MINLOC, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("MINLOC: smallest value %d is on task %d\n", lowest.value, lowest.rank);
    }
    MPI_Finalize();
    return 0;
}
