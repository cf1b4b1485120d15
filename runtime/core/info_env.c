/*
 * MPI_INFO_ENV: how the process was started (MPI 3.1 section 9.1.1). Filled on first use rather
 * than in MPI_Init, so programs that never look at it pay nothing. mpr sets "command", "argv",
 * "maxprocs", "host", "arch" and "thread_level"; "wdir" is left out because a program may have
 * changed directory before the first look, and "soft" and "file" do not apply to mplaunch.
 */
#include "core/info.h"

#include "core/state.h"

#include <fcntl.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

struct mpr_info mpr_mpi_info_env = {
    .magic = MPR_INFO_MAGIC,
    .refcount = 1,
    .nkeys = 0,
    .capacity = 0,
    .entries = NULL,
};

/* Every key is optional, so a value that does not fit an info value is left out, not cut. */
static void env_set(const char *key, const char *value)
{
    if (strlen(value) < MPI_MAX_INFO_VAL) {
        (void)mpr_info_set(&mpr_mpi_info_env, key, value);
    }
}

/* Up to cap bytes of the file at path into buf; the count read, 0 when it cannot be read. */
static size_t read_prefix(const char *path, char *buf, size_t cap)
{
    size_t len = 0;
    ssize_t n = 1;
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0) {
        return 0;
    }
    while (len < cap && n > 0) {
        n = read(fd, buf + len, cap - len);
        len += n > 0 ? (size_t)n : 0;
    }
    close(fd);
    return len;
}

/*
 * "command" and "argv" from the kernel's copy of the command line (NUL-separated words): MPI_Init
 * may have been given NULL for argc and argv.
 */
static void env_load_cmdline(void)
{
    char buf[2 * MPI_MAX_INFO_VAL + 1];
    size_t cap = sizeof(buf) - 1;
    size_t len = read_prefix("/proc/self/cmdline", buf, cap);
    size_t cmdlen;

    if (len == 0) {
        return;
    }
    buf[len] = '\0';
    cmdlen = strlen(buf);
    env_set("command", buf);
    /* A full buffer may have cut the last argument; argv would then be too long anyway. */
    if (len == cap || cmdlen + 1 >= len) {
        return;
    }
    for (size_t i = cmdlen + 1; i + 1 < len; i++) {
        buf[i] = buf[i] == '\0' ? ' ' : buf[i];
    }
    env_set("argv", buf + cmdlen + 1);
}

static const char *thread_level_name(int level)
{
    static const char *const names[] = {
        [MPI_THREAD_SINGLE] = "MPI_THREAD_SINGLE",
        [MPI_THREAD_FUNNELED] = "MPI_THREAD_FUNNELED",
        [MPI_THREAD_SERIALIZED] = "MPI_THREAD_SERIALIZED",
        [MPI_THREAD_MULTIPLE] = "MPI_THREAD_MULTIPLE",
    };

    return level >= 0 && level < (int)(sizeof(names) / sizeof(names[0])) ? names[level] : NULL;
}

static void env_load(void)
{
    char num[16];
    struct utsname u;
    const char *level = thread_level_name(mpr_state.thread_level);

    env_load_cmdline();
    snprintf(num, sizeof(num), "%d", mpr_state.size);
    env_set("maxprocs", num);
    if (mpr_state.hostname[0] != '\0') {
        env_set("host", mpr_state.hostname);
    }
    if (uname(&u) == 0) {
        env_set("arch", u.machine);
    }
    if (level != NULL) {
        env_set("thread_level", level);
    }
}

void mpr_info_env_load(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;

    (void)pthread_once(&once, env_load);
}
