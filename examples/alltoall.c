/*
 * alltoall: rank r holds the array (r+1) * [0, 1, ..., size-1] and sends its element j to rank j;
 * every rank prints what it sent and what it received. Element i of what rank r receives is
 * element r of rank i's array, (i+1) * r: the exchange transposes the matrix of all the arrays.
 *
 *   mpcc -o alltoall alltoall.c && mplaunch -n 4 ./alltoall
 *
 * mpi4py: comm.Alltoall(senddata, recvdata) with two numpy arrays of `size` ints. In C the
 * arrays are plain int arrays and the element type is given explicitly (MPI_INT); the counts are
 * per destination (here 1 int to each rank).
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

/* Format an int array the way numpy prints one, "[ 0  4  8 12]", into buf (at least 12*n+3). */
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
    int rank, size;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    int *senddata = malloc((size_t)size * sizeof(int));
    int *recvdata = malloc((size_t)size * sizeof(int));
    char *out1 = malloc((size_t)size * 12 + 3), *out2 = malloc((size_t)size * 12 + 3);
    if (senddata == NULL || recvdata == NULL || out1 == NULL || out2 == NULL) {
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    for (int j = 0; j < size; j++) {
        senddata[j] = (rank + 1) * j;
    }
    MPI_Alltoall(senddata, 1, MPI_INT, recvdata, 1, MPI_INT, MPI_COMM_WORLD);
    printf("process %d sending %s receiving %s\n", rank, format_array(out1, senddata, size),
           format_array(out2, recvdata, size));

    free(out2);
    free(out1);
    free(recvdata);
    free(senddata);
    MPI_Finalize();
    return 0;
}
