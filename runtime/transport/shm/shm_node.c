#include "transport/shm/shm_node.h"

#include "core/errcode.h"
#include "core/log.h"
#include "transport/shm/shm_segment.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct mpr_shm_node mpr_shm_node;

int mpr_shm_node_attach(int fd, int local_size)
{
    struct stat st;
    void *base;

    if (fd < 0) {
        return 0;
    }
    if (fstat(fd, &st) != 0) {
        mpr_log_error("MPR_SHM_FD=%d: %s; start the program with mplaunch", fd, strerror(errno));
        return -MPR_ERR_IO;
    }
    base = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (base == MAP_FAILED) {
        mpr_log_error("cannot map the node segment: %s", strerror(errno));
        return -MPR_ERR_IO;
    }
    if (mpr_seg_check(base, (size_t)st.st_size) != 0 ||
        ((const struct mpr_seg_header *)base)->local_size != (uint32_t)local_size) {
        mpr_log_error("the node segment does not match this library (mplaunch and libmpr of "
                      "different versions?)");
        munmap(base, (size_t)st.st_size);
        return -MPR_ERR_PROTO;
    }
    mpr_shm_node.base = base;
    mpr_shm_node.len = (size_t)st.st_size;
    return 0;
}

void mpr_shm_node_detach(void)
{
    if (mpr_shm_node.base) {
        munmap(mpr_shm_node.base, mpr_shm_node.len);
    }
    mpr_shm_node.base = NULL;
    mpr_shm_node.len = 0;
}
