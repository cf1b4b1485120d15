#include "spawn.h"

#include "transport/shm/shm_segment.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static int check_file(const char *path, int *status)
{
    struct stat st;

    if (stat(path, &st) != 0) {
        *status = errno == EACCES ? 126 : 127;
        return errno;
    }
    if (S_ISDIR(st.st_mode)) {
        *status = 126;
        return EISDIR;
    }
    if (access(path, X_OK) != 0) {
        *status = 126;
        return errno;
    }
    return 0;
}

static int search_path(const char *prog, char **path, int *status)
{
    const char *dirs = getenv("PATH");
    int first_err = ENOENT;

    *status = 127;
    if (!dirs) {
        dirs = "/usr/local/bin:/usr/bin:/bin";
    }
    while (*dirs) {
        size_t len = strcspn(dirs, ":");
        char cand[PATH_MAX];
        int st;

        snprintf(cand, sizeof(cand), "%.*s/%s", (int)len, len ? dirs : ".", prog);
        int e = check_file(cand, &st);
        if (e == 0) {
            *path = strdup(cand);
            return *path ? 0 : ENOMEM;
        }
        if (e != ENOENT && first_err == ENOENT) {
            first_err = e; /* found but unusable: report that rather than "not found" */
            *status = st;
        }
        dirs += len + (dirs[len] == ':');
    }
    return first_err;
}

int mpr_spawn_resolve(const char *prog, char **path, char *err, size_t errlen)
{
    int status = 0;
    int e;

    if (strchr(prog, '/')) {
        e = check_file(prog, &status);
        if (e == 0) {
            *path = strdup(prog);
            e = *path ? 0 : ENOMEM;
        }
    } else {
        e = search_path(prog, path, &status);
        if (e == ENOENT) {
            snprintf(err, errlen, "cannot execute '%s': command not found", prog);
            return 127;
        }
    }
    if (e != 0) {
        snprintf(err, errlen, "cannot execute '%s': %s", prog, strerror(e));
        return status ? status : 127;
    }
    return 0;
}

/* MPR_SHM_RING_BUDGET (runtime/core/param.c lists it): receive ring bytes per rank. */
static size_t ring_budget(void)
{
    const char *v = getenv("MPR_SHM_RING_BUDGET");
    char *end;
    unsigned long long b = v ? strtoull(v, &end, 10) : 0;

    return v && *end == '\0' && b > 0 ? (size_t)b : 4u << 20;
}

int mpr_spawn_segment(struct mpr_job *job, char *err, size_t errlen)
{
    size_t ring = mpr_seg_ring_size((uint32_t)job->nranks, ring_budget());
    size_t len = mpr_seg_size((uint32_t)job->nranks, ring);
    int fd = memfd_create("mpr-node", MFD_CLOEXEC | MFD_ALLOW_SEALING);

    if (fd < 0) {
        snprintf(err, errlen, "cannot create the node segment (memfd_create): %s",
                 strerror(errno));
        return -1;
    }
    if (ftruncate(fd, (off_t)len) != 0) {
        snprintf(err, errlen, "cannot size the node segment to %zu bytes: %s", len,
                 strerror(errno));
        close(fd);
        return -1;
    }
    /* Ranks map it but may never resize it under each other. */
    fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL);
    job->seg = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (job->seg == MAP_FAILED) {
        snprintf(err, errlen, "cannot map the node segment: %s", strerror(errno));
        close(fd);
        job->seg = NULL;
        return -1;
    }
    mpr_seg_format(job->seg, (uint32_t)job->nranks, ring);
    job->seg_fd = fd;
    job->seg_len = len;
    return 0;
}

/* The descriptors one rank is started with; the child's ends are closed by the parent after fork. */
struct rank_fds {
    int boot[2]; /* [0] launcher, [1] rank */
    int out[2];  /* pipe: [0] read (launcher), [1] write (rank) */
    int errp[2];
    int in[2]; /* pipe: [0] read (rank), [1] write (launcher); -1 when no stdin */
};

static void close_pair(int p[2])
{
    for (int i = 0; i < 2; i++) {
        if (p[i] >= 0) {
            close(p[i]);
        }
        p[i] = -1;
    }
}

static int open_fds(struct rank_fds *f, int want_stdin)
{
    f->in[0] = f->in[1] = -1;
    f->boot[0] = f->boot[1] = f->out[0] = f->out[1] = f->errp[0] = f->errp[1] = -1;
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, f->boot) != 0 ||
        pipe2(f->out, O_CLOEXEC) != 0 || pipe2(f->errp, O_CLOEXEC) != 0 ||
        (want_stdin && pipe2(f->in, O_CLOEXEC) != 0)) {
        int e = errno;
        close_pair(f->boot);
        close_pair(f->out);
        close_pair(f->errp);
        close_pair(f->in);
        return e;
    }
    return 0;
}

static void set_env_num(const char *name, long v)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%ld", v);
    setenv(name, buf, 1);
}

static void apply_x(const char **env, int nenv)
{
    for (int i = 0; i < nenv; i++) {
        const char *eq = strchr(env[i], '=');
        if (eq) {
            char name[256];
            snprintf(name, sizeof(name), "%.*s", (int)(eq - env[i]), env[i]);
            setenv(name, eq + 1, 1);
        }
        /* A bare VAR passes on from the launcher's environment, which ranks inherit anyway. */
    }
}

static void child_env(const struct mpr_job *job, const struct mpr_proc *p, int boot_fd)
{
    const struct mpr_job_app *app = &job->apps[p->app];

    apply_x(app->cli->env, app->cli->nenv);
    set_env_num("MPR_RANK", p->rank);
    set_env_num("MPR_SIZE", job->nranks);
    set_env_num("MPR_LOCAL_RANK", p->rank);
    set_env_num("MPR_LOCAL_SIZE", job->nranks);
    set_env_num("MPR_NODE_ID", 0);
    set_env_num("MPR_APPNUM", p->app);
    set_env_num("MPR_BOOT_FD", boot_fd);
    set_env_num("MPR_SHM_FD", job->seg_fd);
    set_env_num("MPR_OVERSUBSCRIBED", job->oversubscribed);
    setenv("MPR_JOBID", job->jobid, 1);
    setenv("MPR_CPUSET", p->cpulist, 1);
}

static void child_fail(const char *what, const char *arg, int status)
{
    char line[512];
    int n = snprintf(line, sizeof(line), "mplaunch: %s '%s': %s\n", what, arg, strerror(errno));

    if (write(STDERR_FILENO, line, (size_t)n) < 0) {
        /* stderr is the rank's pipe; nothing else to try. */
    }
    _exit(status);
}

/* Runs in the child between fork and exec; never returns. */
static void child_exec(const struct mpr_job *job, const struct mpr_proc *p, struct rank_fds *f,
                       const sigset_t *mask)
{
    const struct mpr_job_app *app = &job->apps[p->app];
    const char *wdir = app->cli->wdir;
    int in = f->in[0] >= 0 ? f->in[0] : open("/dev/null", O_RDONLY | O_CLOEXEC);

    /* Die with the launcher, even if it died before this line ran. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != job->launcher_pid) {
        _exit(127);
    }
    /* Own process group: terminal signals reach mplaunch only, which forwards them once. */
    setpgid(0, 0);
    signal(SIGPIPE, SIG_DFL);
    sigprocmask(SIG_SETMASK, mask, NULL);
    if (dup2(in, STDIN_FILENO) < 0 || dup2(f->out[1], STDOUT_FILENO) < 0 ||
        dup2(f->errp[1], STDERR_FILENO) < 0) {
        _exit(127);
    }
    fcntl(f->boot[1], F_SETFD, 0);
    fcntl(job->seg_fd, F_SETFD, 0);
    child_env(job, p, f->boot[1]);
    if (wdir && chdir(wdir) != 0) {
        child_fail("cannot change to directory", wdir, 127);
    }
    if (p->cpus_set && sched_setaffinity(0, sizeof(p->cpus), &p->cpus) != 0) {
        child_fail("cannot bind to PUs", p->cpulist, 127);
    }
    execv(app->path, app->cli->argv);
    child_fail("cannot execute", app->cli->argv[0], errno == ENOENT ? 127 : 126);
}

static void parent_keep(struct mpr_proc *p, struct rank_fds *f)
{
    p->boot_fd = f->boot[0];
    p->out_fd = f->out[0];
    p->err_fd = f->errp[0];
    p->in_fd = f->in[1];
    close(f->boot[1]);
    close(f->out[1]);
    close(f->errp[1]);
    if (f->in[0] >= 0) {
        close(f->in[0]);
    }
    fcntl(p->boot_fd, F_SETFL, O_NONBLOCK);
    fcntl(p->out_fd, F_SETFL, O_NONBLOCK);
    fcntl(p->err_fd, F_SETFL, O_NONBLOCK);
    if (p->in_fd >= 0) {
        fcntl(p->in_fd, F_SETFL, O_NONBLOCK);
    }
}

int mpr_spawn_rank(struct mpr_job *job, int rank, const sigset_t *child_mask, char *err,
                   size_t errlen)
{
    struct mpr_proc *p = &job->procs[rank];
    int want_stdin = job->stdin_rank == -2 || job->stdin_rank == rank;
    struct rank_fds f;
    int e = open_fds(&f, want_stdin);

    if (e != 0) {
        snprintf(err, errlen, "cannot create pipes for rank %d: %s (too many ranks for the "
                 "open-file limit? see ulimit -n)", rank, strerror(e));
        return -1;
    }
    p->pid = fork();
    if (p->pid < 0) {
        snprintf(err, errlen, "cannot start rank %d: fork: %s", rank, strerror(errno));
        close_pair(f.boot);
        close_pair(f.out);
        close_pair(f.errp);
        close_pair(f.in);
        return -1;
    }
    if (p->pid == 0) {
        child_exec(job, p, &f, child_mask);
    }
    setpgid(p->pid, p->pid); /* also here: whichever of parent and child runs first wins */
    p->state = MPR_PROC_RUNNING;
    parent_keep(p, &f);
    return 0;
}
