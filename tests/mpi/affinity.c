/* affinity: prints "affinity R: LIST", LIST being the rank's sched_getaffinity mask as OS PU
 * indexes in hwloc list syntax ("0-1,4"), to compare with mplaunch --report-bindings. */
#include "mpt.h"
#include <sched.h>

int main(int argc, char **argv)
{
    MPT_OK(MPI_Init(&argc, &argv));
    int rank = -1;
    MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &rank));
    mpt_rank = rank;
    cpu_set_t set;
    CPU_ZERO(&set);
    MPT_CHECK(sched_getaffinity(0, sizeof set, &set) == 0, "sched_getaffinity failed");
    char buf[8192];
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < CPU_SETSIZE; i++) {
        if (!CPU_ISSET(i, &set)) continue;
        int j = i;
        while (j + 1 < CPU_SETSIZE && CPU_ISSET(j + 1, &set)) j++;
        if (j == i)
            len += snprintf(buf + len, sizeof buf - len, "%s%d", len ? "," : "", i);
        else
            len += snprintf(buf + len, sizeof buf - len, "%s%d-%d", len ? "," : "", i, j);
        i = j;
    }
    MPT_CHECK(len > 0, "empty affinity mask");
    printf("affinity %d: %s\n", rank, buf);
    MPT_OK(MPI_Finalize());
    return 0;
}
