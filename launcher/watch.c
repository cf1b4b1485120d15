#include "watch.h"

#include "bootsrv.h"
#include "core/errcode.h"
#include "tools/callid.h"
#include "transport/shm/shm_segment.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Output of ranks that exited is drained at most this long (a forked daemon may hold a pipe). */
#define DRAIN_S 2.0
#define STDIN_BUF 65536

struct watch {
    struct mpr_job *job;
    struct mpr_bootsrv srv;
    int sigfd;
    int running;       /* ranks not yet reaped */
    int failed;        /* a failure has been reported; exit_code holds its status */
    int exit_code;
    int terminating;   /* SIGTERM sent to every rank */
    double kill_at;    /* when to SIGKILL the rest; 0: not armed */
    double timeout_at; /* 0: no --timeout */
    int timed_out;
    int forwarded_sig; /* terminating signal forwarded to the ranks, 0 if none */
    double last_sigint;
    double all_exited_at;
    /* stdin forwarding: one buffer, each target rank keeps its own offset into it */
    int stdin_fd;
    char stdin_buf[STDIN_BUF];
    size_t stdin_len;
};

static double now_s(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void say(struct watch *w, const struct mpr_proc *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* One line on stderr: `mplaunch: rank R (pid P on HOST) <what>`. */
static void say(struct watch *w, const struct mpr_proc *p, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    int n = snprintf(line, sizeof(line), "mplaunch: rank %d (pid %d on %s) ", p->rank,
                     (int)p->pid, w->job->hostname);

    va_start(ap, fmt);
    n += vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof(line) - 2) {
        n = (int)sizeof(line) - 2;
    }
    line[n++] = '\n';
    if (write(STDERR_FILENO, line, (size_t)n) < 0) {
        /* stderr is gone; the exit status still tells. */
    }
}

/* Where a rank is, from its state record: "MPI_Recv", or a phase such as "MPI_Init". */
static const char *record_where(const struct watch *w, int rank, char *buf, size_t len)
{
    const struct mpr_rank_record *rec = mpr_seg_record(w->job->seg, (uint32_t)rank);
    unsigned call = atomic_load_explicit(&rec->call, memory_order_acquire);

    if (call == MPR_CALL_NONE) {
        return "outside MPI calls";
    }
    if (call != MPR_CALL_NAMED) {
        return mpr_call_name(call);
    }
    snprintf(buf, len, "%.*s", (int)sizeof(rec->name), rec->name);
    return buf;
}

static void signal_ranks(struct watch *w, int sig, int whole_group)
{
    for (int r = 0; r < w->job->nranks; r++) {
        struct mpr_proc *p = &w->job->procs[r];
        if (p->state != MPR_PROC_RUNNING || p->pid <= 0) {
            continue; /* pid 0 would signal our own process group */
        }
        /* The group also reaches what the rank forked; the pid covers a child not yet in it. */
        if (whole_group) {
            kill(-p->pid, sig);
        }
        kill(p->pid, sig);
    }
}

static void terminate(struct watch *w)
{
    if (w->terminating) {
        return;
    }
    w->terminating = 1;
    signal_ranks(w, SIGTERM, 1);
    w->kill_at = now_s() + MPR_KILL_GRACE_S;
}

static void fail(struct watch *w, int code)
{
    if (!w->failed) {
        w->failed = 1;
        w->exit_code = code;
    }
    terminate(w);
}

/* A rank that exited can never enter the pending fence: the ranks in it would wait forever. */
static void check_fence(struct watch *w)
{
    const struct mpr_proc *waiter = NULL;

    if (w->failed || w->srv.fence_waiting == 0) {
        return;
    }
    for (int r = 0; r < w->job->nranks && !waiter; r++) {
        if (w->job->procs[r].in_fence) {
            waiter = &w->job->procs[r];
        }
    }
    for (int r = 0; r < w->job->nranks; r++) {
        struct mpr_proc *p = &w->job->procs[r];
        if (p->state == MPR_PROC_EXITED && !p->in_fence) {
            char name[40];
            const char *where = "its MPI calls";
            if (w->job->seg) {
                where = record_where(w, waiter->rank, name, sizeof(name));
            }
            say(w, p, "exited %s while rank %d waits for it in %s",
                p->mpi == MPR_MPI_NONE ? "without calling MPI_Init" : "early", waiter->rank,
                where);
            fail(w, 1);
            return;
        }
    }
}

static void judge_exit(struct watch *w, struct mpr_proc *p)
{
    int st = p->status;

    if (w->terminating || w->forwarded_sig) {
        return; /* ended by us: the failure that caused it was already reported */
    }
    if (WIFSIGNALED(st)) {
        int sig = WTERMSIG(st);
        say(w, p, "killed by signal %d (%s)", sig, strsignal(sig));
        fail(w, 128 + sig);
    } else if (WEXITSTATUS(st) != 0) {
        say(w, p, "exited with status %d%s", WEXITSTATUS(st),
            p->mpi == MPR_MPI_INIT ? " before MPI_Finalize" : "");
        fail(w, WEXITSTATUS(st));
    } else if (p->mpi == MPR_MPI_INIT) {
        say(w, p, "exited without calling MPI_Finalize");
        fail(w, 1);
    }
}

static void handle_boot(struct watch *w, struct mpr_proc *p)
{
    struct mpr_bootsrv_result res;

    mpr_bootsrv_read(&w->srv, w->job, p->rank, &res);
    if (res.event == MPR_BOOTSRV_ABORT && !w->failed && !w->terminating) {
        say(w, p, "%s", res.abort_why[0] ? res.abort_why : "aborted the job");
        fail(w, res.abort_code & 0xff);
    } else if (res.event == MPR_BOOTSRV_ERROR && !w->terminating) {
        say(w, p, "sent a malformed bootstrap message; ending the job");
        fail(w, 1);
    }
}

static void reap(struct watch *w)
{
    int st;
    pid_t pid;

    while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
        for (int r = 0; r < w->job->nranks; r++) {
            struct mpr_proc *p = &w->job->procs[r];
            if (p->pid != pid || p->state != MPR_PROC_RUNNING) {
                continue;
            }
            /*
             * Whatever it said before exiting (MPI_Finalize, MPI_Abort) counts first. Its end
             * is closed, so reads end at EOF; the bound covers a forked child that holds it.
             */
            for (int i = 0; i < 64 && p->boot_fd >= 0; i++) {
                handle_boot(w, p);
            }
            p->state = MPR_PROC_EXITED;
            p->status = st;
            w->running--;
            judge_exit(w, p);
        }
    }
    check_fence(w);
    if (w->running == 0 && w->all_exited_at == 0) {
        w->all_exited_at = now_s();
    }
}

static void close_fd(int *fd)
{
    if (*fd >= 0) {
        close(*fd);
    }
    *fd = -1;
}

static void handle_output(struct watch *w, struct mpr_proc *p, int is_err)
{
    int *fd = is_err ? &p->err_fd : &p->out_fd;
    struct mpr_io_stream *s = is_err ? &p->err : &p->out;
    int rc = mpr_io_stream_read(s, *fd);

    (void)w;
    /* At EOF the partial last line is already out. A failed write of ours drops that output
     * but keeps reading, so the rank never blocks on a full pipe. */
    if (rc == 0) {
        close_fd(fd);
    }
}

/* stdin: read a buffer when every target has taken the last one; write without blocking. */
static int stdin_targets_done(struct watch *w)
{
    for (int r = 0; r < w->job->nranks; r++) {
        const struct mpr_proc *p = &w->job->procs[r];
        if (p->in_fd >= 0 && p->in_off < w->stdin_len) {
            return 0;
        }
    }
    return 1;
}

static int stdin_has_target(const struct watch *w)
{
    for (int r = 0; r < w->job->nranks; r++) {
        if (w->job->procs[r].in_fd >= 0) {
            return 1;
        }
    }
    return 0;
}

static void close_all_stdin(struct watch *w)
{
    for (int r = 0; r < w->job->nranks; r++) {
        close_fd(&w->job->procs[r].in_fd);
    }
}

static void handle_stdin_read(struct watch *w)
{
    ssize_t n = read(w->stdin_fd, w->stdin_buf, sizeof(w->stdin_buf));

    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        return;
    }
    if (n <= 0) {
        w->stdin_fd = -1; /* EOF: ranks see EOF once they took everything */
        w->stdin_len = 0;
        close_all_stdin(w);
        return;
    }
    w->stdin_len = (size_t)n;
    for (int r = 0; r < w->job->nranks; r++) {
        w->job->procs[r].in_off = 0;
    }
}

static void handle_stdin_write(struct watch *w, struct mpr_proc *p)
{
    ssize_t n = write(p->in_fd, w->stdin_buf + p->in_off, w->stdin_len - p->in_off);

    if (n > 0) {
        p->in_off += (size_t)n;
    } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
        close_fd(&p->in_fd); /* the rank closed its stdin or exited */
    }
}

static void handle_signal(struct watch *w)
{
    struct signalfd_siginfo si;

    while (read(w->sigfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
        int sig = (int)si.ssi_signo;
        if (sig == SIGCHLD) {
            continue; /* reaped after every poll */
        }
        if (sig == SIGINT && w->last_sigint > 0 && now_s() - w->last_sigint < 2.0) {
            signal_ranks(w, SIGKILL, 1);
            w->forwarded_sig = SIGINT;
            continue;
        }
        if (sig == SIGINT) {
            w->last_sigint = now_s();
        }
        signal_ranks(w, sig, 0);
        if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP) {
            w->forwarded_sig = sig;
        }
    }
}

static void report_timeout(struct watch *w)
{
    char line[4096];
    size_t n = (size_t)snprintf(line, sizeof(line),
                                "mplaunch: timeout after %g s; ranks still running:",
                                w->job->timeout_s);
    int listed = 0;

    for (int r = 0; r < w->job->nranks && n < sizeof(line) - 128; r++) {
        const struct mpr_proc *p = &w->job->procs[r];
        if (p->state != MPR_PROC_RUNNING) {
            continue;
        }
        char name[40];
        const char *where = "not in MPI";
        if (w->job->seg && p->mpi == MPR_MPI_INIT) {
            where = record_where(w, r, name, sizeof(name));
        }
        n += (size_t)snprintf(line + n, sizeof(line) - n, "%s %d (%s)", listed ? "," : "", r,
                              where);
        listed++;
    }
    if (n >= sizeof(line) - 128) {
        n += (size_t)snprintf(line + n, sizeof(line) - n, ", ...");
    }
    line[n < sizeof(line) - 1 ? n : sizeof(line) - 2] = '\n';
    if (write(STDERR_FILENO, line, n < sizeof(line) - 1 ? n + 1 : sizeof(line) - 1) < 0) {
        /* nothing more to do */
    }
}

static void check_timers(struct watch *w)
{
    double t = now_s();

    if (w->timeout_at > 0 && t >= w->timeout_at && !w->timed_out && w->running > 0) {
        w->timed_out = 1;
        report_timeout(w);
        fail(w, 124);
    }
    if (w->kill_at > 0 && t >= w->kill_at) {
        signal_ranks(w, SIGKILL, 1);
        w->kill_at = 0;
    }
}

/* Milliseconds until the next timer, or -1. */
static int next_timeout_ms(const struct watch *w)
{
    double t = now_s(), next = 0;

    if (w->timeout_at > 0 && !w->timed_out) {
        next = w->timeout_at;
    }
    if (w->kill_at > 0 && (next == 0 || w->kill_at < next)) {
        next = w->kill_at;
    }
    if (w->all_exited_at > 0) {
        double d = w->all_exited_at + DRAIN_S;
        next = next == 0 || d < next ? d : next;
    }
    if (next == 0) {
        return -1;
    }
    return next <= t ? 0 : (int)((next - t) * 1000.0) + 1;
}

enum slot_kind { SLOT_SIGNAL, SLOT_STDIN, SLOT_BOOT, SLOT_OUT, SLOT_ERR, SLOT_IN };

struct slot {
    enum slot_kind kind;
    struct mpr_proc *proc;
};

static void add_slot(struct pollfd *pfd, struct slot *slot, int *n, int fd, short events,
                     enum slot_kind kind, struct mpr_proc *p)
{
    pfd[*n] = (struct pollfd){.fd = fd, .events = events};
    slot[*n] = (struct slot){.kind = kind, .proc = p};
    (*n)++;
}

static int build_poll(struct watch *w, struct pollfd *pfd, struct slot *slot)
{
    int n = 0;

    add_slot(pfd, slot, &n, w->sigfd, POLLIN, SLOT_SIGNAL, NULL);
    if (w->stdin_fd >= 0 && stdin_targets_done(w) && stdin_has_target(w)) {
        add_slot(pfd, slot, &n, w->stdin_fd, POLLIN, SLOT_STDIN, NULL);
    }
    for (int r = 0; r < w->job->nranks; r++) {
        struct mpr_proc *p = &w->job->procs[r];
        /* Output first: what a rank printed before it aborted comes before the launcher's line. */
        if (p->out_fd >= 0) {
            add_slot(pfd, slot, &n, p->out_fd, POLLIN, SLOT_OUT, p);
        }
        if (p->err_fd >= 0) {
            add_slot(pfd, slot, &n, p->err_fd, POLLIN, SLOT_ERR, p);
        }
        if (p->boot_fd >= 0) {
            add_slot(pfd, slot, &n, p->boot_fd, POLLIN, SLOT_BOOT, p);
        }
        if (p->in_fd >= 0 && p->in_off < w->stdin_len) {
            add_slot(pfd, slot, &n, p->in_fd, POLLOUT, SLOT_IN, p);
        }
    }
    return n;
}

static void dispatch(struct watch *w, const struct pollfd *pfd, const struct slot *slot)
{
    if (!pfd->revents) {
        return;
    }
    switch (slot->kind) {
    case SLOT_SIGNAL:
        handle_signal(w);
        break;
    case SLOT_STDIN:
        handle_stdin_read(w);
        break;
    case SLOT_BOOT:
        if (slot->proc->boot_fd >= 0) {
            handle_boot(w, slot->proc);
        }
        break;
    case SLOT_OUT:
    case SLOT_ERR:
        handle_output(w, slot->proc, slot->kind == SLOT_ERR);
        break;
    case SLOT_IN:
        handle_stdin_write(w, slot->proc);
        break;
    }
}

static int output_open(const struct watch *w)
{
    for (int r = 0; r < w->job->nranks; r++) {
        if (w->job->procs[r].out_fd >= 0 || w->job->procs[r].err_fd >= 0) {
            return 1;
        }
    }
    return 0;
}

static void finish(struct watch *w)
{
    for (int r = 0; r < w->job->nranks; r++) {
        struct mpr_proc *p = &w->job->procs[r];
        mpr_io_stream_flush(&p->out);
        mpr_io_stream_flush(&p->err);
        close_fd(&p->out_fd);
        close_fd(&p->err_fd);
        close_fd(&p->boot_fd);
        close_fd(&p->in_fd);
        /* Nothing a rank started outlives the job. */
        if (p->pid > 0) {
            kill(-p->pid, SIGKILL);
        }
    }
}

static int loop_done(const struct watch *w)
{
    if (w->running > 0) {
        return 0;
    }
    return !output_open(w) || now_s() >= w->all_exited_at + DRAIN_S;
}

int mpr_watch_run(struct mpr_job *job, int sigfd)
{
    struct watch *w = calloc(1, sizeof(*w));
    int nslots = 2 + 4 * job->nranks;
    struct pollfd *pfd = calloc((size_t)nslots, sizeof(*pfd));
    struct slot *slot = calloc((size_t)nslots, sizeof(*slot));
    int code;

    if (!w || !pfd || !slot || mpr_bootsrv_init(&w->srv, job->nranks) != 0) {
        fprintf(stderr, "mplaunch: out of memory\n");
        exit(1);
    }
    w->job = job;
    w->sigfd = sigfd;
    w->running = job->nranks;
    w->stdin_fd = job->stdin_rank == -1 ? -1 : STDIN_FILENO;
    if (job->timeout_s > 0) {
        w->timeout_at = now_s() + job->timeout_s;
    }
    while (!loop_done(w)) {
        int n = build_poll(w, pfd, slot);
        if (poll(pfd, (nfds_t)n, next_timeout_ms(w)) < 0 && errno != EINTR) {
            perror("mplaunch: poll");
            break;
        }
        for (int i = 0; i < n; i++) {
            dispatch(w, &pfd[i], &slot[i]);
        }
        reap(w);
        check_timers(w);
    }
    finish(w);
    code = w->timed_out ? 124 : w->failed ? w->exit_code : w->forwarded_sig ? 128 + w->forwarded_sig : 0;
    mpr_bootsrv_fini(&w->srv);
    free(slot);
    free(pfd);
    free(w);
    return code;
}
