#include "transport/shm/shm_cma.h"

#include "bootstrap/boot.h"
#include "core/errcode.h"
#include "core/log.h"
#include "core/param.h"

#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/uio.h>
#include <unistd.h>

static int enabled;
static uint64_t probe_word;

int mpr_shm_cma_enabled(void)
{
    return enabled;
}

/* process_vm_readv or _writev until all len bytes moved (the kernel copies about 2 GiB a call). */
static int cma_copy(const struct mpr_shm_ctl *peer_ctl, char *local, uint64_t remote, size_t len,
                    int write)
{
    pid_t pid = (pid_t)atomic_load_explicit(&peer_ctl->pid, memory_order_relaxed);

    while (len > 0) {
        struct iovec l = {.iov_base = local, .iov_len = len};
        struct iovec r = {.iov_base = (void *)(uintptr_t)remote, .iov_len = len};
        ssize_t n = write ? process_vm_writev(pid, &l, 1, &r, 1, 0)
                          : process_vm_readv(pid, &l, 1, &r, 1, 0);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) {
                continue;
            }
            return -MPR_ERR_IO;
        }
        local += n;
        remote += (uint64_t)n;
        len -= (size_t)n;
    }
    return 0;
}

int mpr_shm_cma_read(const struct mpr_shm_ctl *peer_ctl, void *dst, uint64_t addr, size_t len)
{
    return cma_copy(peer_ctl, dst, addr, len, 0);
}

int mpr_shm_cma_write(const struct mpr_shm_ctl *peer_ctl, uint64_t addr, const void *src,
                      size_t len)
{
    return cma_copy(peer_ctl, (char *)src, addr, len, 1);
}

/* Read the neighbour's probe word: the kernel's ptrace policy decides if this works. */
static int probe(void *seg, int me, int n)
{
    const struct mpr_shm_ctl *nb = mpr_seg_ctl(seg, (uint32_t)((me + 1) % n));
    uint64_t addr = atomic_load_explicit(&nb->probe_addr, memory_order_acquire);
    uint64_t got = 0;

    if (mpr_shm_cma_read(nb, &got, addr, sizeof(got)) != 0) {
        return 0;
    }
    return got == (MPR_SEG_PROBE ^ (uint64_t)((me + 1) % n));
}

int mpr_shm_cma_setup(void *seg, int me, int n)
{
    struct mpr_shm_ctl *mine = mpr_seg_ctl(seg, (uint32_t)me);
    int want = mpr_param_int(MPR_P_SHM_CMA) != 0;
    int rc, all = 1;

    probe_word = MPR_SEG_PROBE ^ (uint64_t)me;
    atomic_store_explicit(&mine->pid, (uint32_t)getpid(), memory_order_relaxed);
    atomic_store_explicit(&mine->probe_addr, (uint64_t)(uintptr_t)&probe_word,
                          memory_order_release);
    /* Under Yama ptrace_scope=1 only ancestors may read us; the peers are siblings. */
    if (want) {
        prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
    }
    rc = mpr_boot_fence();
    if (rc == 0) {
        atomic_store_explicit(&mine->cma_ok, want && probe(seg, me, n), memory_order_release);
        rc = mpr_boot_fence();
    }
    for (int r = 0; rc == 0 && r < n; r++) {
        all &= atomic_load_explicit(&mpr_seg_ctl(seg, (uint32_t)r)->cma_ok,
                                    memory_order_acquire) != 0;
    }
    enabled = rc == 0 && all;
    if (rc == 0 && want && !all && me == 0) {
        mpr_log_warn("single-copy transfers (process_vm_readv) are not permitted here; large "
                     "messages are copied through shared memory instead (set MPR_SHM_CMA=0 to "
                     "skip this check)");
    }
    return rc;
}
