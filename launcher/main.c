/* mplaunch: start an MPI job on this host and see it through to a clean end. */
#include "cli.h"
#include "plan.h"
#include "spawn.h"
#include "watch.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/signalfd.h>
#include <termios.h>
#include <time.h>
#include <hwloc/glibc-sched.h>
#include <unistd.h>

#define ERRLEN 512

static void die(int status, const char *msg)
{
    fprintf(stderr, "mplaunch: %s\n", msg);
    exit(status);
}

/* Pipes must not land on 0-2 when mplaunch was started with one of them closed. */
static void open_std_fds(void)
{
    for (int fd = 0; fd < 3; fd++) {
        if (fcntl(fd, F_GETFD) < 0 && open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd) {
            exit(1);
        }
    }
}

static int total_ranks(struct mpr_cli *cli, const struct mpr_plan *probe)
{
    int n = 0;

    for (int a = 0; a < cli->napps; a++) {
        if (cli->apps[a].nprocs == 0) {
            cli->apps[a].nprocs = probe->ncores; /* no -n: one rank per core */
        }
        n += cli->apps[a].nprocs;
    }
    return n;
}

static void make_plan(hwloc_topology_t topo, struct mpr_cli *cli, struct mpr_plan *plan)
{
    struct mpr_plan_opts o = {.nranks = 1,
                              .map_by = cli->map_by,
                              .bind_to = cli->bind_to,
                              .cpus_per_rank = cli->cpus_per_rank};
    char err[ERRLEN];

    /* A one-rank plan tells the core count that a missing -n defaults to. */
    if (mpr_plan_build(topo, &o, plan, err, sizeof(err)) != 0) {
        die(2, err);
    }
    o.nranks = total_ranks(cli, plan);
    mpr_plan_fini(plan);
    if (mpr_plan_build(topo, &o, plan, err, sizeof(err)) != 0) {
        die(2, err);
    }
}

static void resolve_apps(struct mpr_cli *cli, struct mpr_job *job)
{
    char err[ERRLEN];

    job->napps = cli->napps;
    job->apps = calloc((size_t)cli->napps, sizeof(*job->apps));
    if (!job->apps) {
        die(1, "out of memory");
    }
    for (int a = 0; a < cli->napps; a++) {
        int status = mpr_spawn_resolve(cli->apps[a].argv[0], &job->apps[a].path, err, sizeof(err));
        if (status != 0) {
            die(status, err);
        }
        job->apps[a].cli = &cli->apps[a];
    }
}

static void fill_procs(struct mpr_job *job, const struct mpr_cli *cli, const struct mpr_plan *plan,
                       hwloc_topology_t topo)
{
    int rank = 0;

    job->procs = calloc((size_t)job->nranks, sizeof(*job->procs));
    if (!job->procs) {
        die(1, "out of memory");
    }
    for (int a = 0; a < cli->napps; a++) {
        for (int i = 0; i < cli->apps[a].nprocs; i++, rank++) {
            struct mpr_proc *p = &job->procs[rank];
            p->rank = rank;
            p->app = a;
            p->boot_fd = p->out_fd = p->err_fd = p->in_fd = -1;
            p->dec = malloc(sizeof(*p->dec));
            if (!p->dec) {
                die(1, "out of memory");
            }
            mpr_boot_decoder_init(p->dec);
            mpr_io_stream_init(&p->out, rank, STDOUT_FILENO, job->io_flags);
            mpr_io_stream_init(&p->err, rank, STDERR_FILENO, job->io_flags);
            mpr_plan_cpulist(plan, rank, p->cpulist, sizeof(p->cpulist));
            if (plan->ranks[rank].cpuset) {
                hwloc_cpuset_to_glibc_sched_affinity(topo, plan->ranks[rank].cpuset, &p->cpus,
                                                     sizeof(p->cpus));
                p->cpus_set = 1;
            }
        }
    }
}

static int stdin_choice(const struct mpr_cli *cli, int nranks)
{
    /* A job in the background must not steal the terminal (and stop on SIGTTIN). */
    if (isatty(STDIN_FILENO) && tcgetpgrp(STDIN_FILENO) != getpgrp()) {
        return -1;
    }
    switch (cli->stdin_mode) {
    case MPR_STDIN_NONE:
        return -1;
    case MPR_STDIN_ALL:
        return -2;
    default:
        if (cli->stdin_rank >= nranks) {
            char err[ERRLEN];
            snprintf(err, sizeof(err), "--stdin: rank %d does not exist (the job has %d ranks)",
                     cli->stdin_rank, nranks);
            die(2, err);
        }
        return cli->stdin_rank;
    }
}

static void job_identity(struct mpr_job *job)
{
    unsigned long long id = 0;

    if (getrandom(&id, sizeof(id), 0) != (ssize_t)sizeof(id)) {
        id = (unsigned long long)getpid() << 32 ^ (unsigned long long)time(NULL);
    }
    snprintf(job->jobid, sizeof(job->jobid), "%016llx", id);
    if (gethostname(job->hostname, sizeof(job->hostname) - 1) != 0) {
        strcpy(job->hostname, "localhost");
    }
    job->launcher_pid = getpid();
}

static int setup_signals(sigset_t *child_mask)
{
    sigset_t set;
    int fd;

    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, child_mask);
    fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (fd < 0) {
        die(1, "cannot create a signalfd");
    }
    signal(SIGPIPE, SIG_IGN); /* a closed output pipe is an error return, not death */
    return fd;
}

static void notice_oversubscribed(const struct mpr_cli *cli, const struct mpr_plan *plan)
{
    if (plan->oversubscribed && !cli->quiet) {
        fprintf(stderr,
                "mplaunch: notice: %d ranks x %d PUs each on %d PUs: oversubscribed; waiting "
                "ranks yield the CPU\n",
                plan->nranks, cli->cpus_per_rank, plan->npus);
    }
}

static int spawn_all(struct mpr_job *job, const sigset_t *child_mask, int sigfd)
{
    char err[ERRLEN];

    for (int r = 0; r < job->nranks; r++) {
        if (mpr_spawn_rank(job, r, child_mask, err, sizeof(err)) != 0) {
            fprintf(stderr, "mplaunch: %s\n", err);
            /* Ranks already started are ended by the watch with the usual grace. */
            for (int k = 0; k < r; k++) {
                kill(-job->procs[k].pid, SIGTERM);
                kill(job->procs[k].pid, SIGTERM);
            }
            job->nranks = r;
            mpr_watch_run(job, sigfd);
            return 1;
        }
    }
    return 0;
}

static void job_fini(struct mpr_job *job)
{
    for (int r = 0; job->procs && r < job->nranks; r++) {
        mpr_io_stream_fini(&job->procs[r].out);
        mpr_io_stream_fini(&job->procs[r].err);
        free(job->procs[r].dec);
    }
    for (int a = 0; job->apps && a < job->napps; a++) {
        free(job->apps[a].path);
    }
    if (job->seg) {
        munmap(job->seg, job->seg_len);
    }
    if (job->seg_fd >= 0) {
        close(job->seg_fd);
    }
    free(job->procs);
    free(job->apps);
}

int main(int argc, char **argv)
{
    struct mpr_cli cli;
    struct mpr_plan plan;
    struct mpr_job job = {.seg_fd = -1};
    hwloc_topology_t topo;
    sigset_t child_mask;
    char err[ERRLEN];
    int sigfd, code;

    open_std_fds();
    if (mpr_cli_parse(argc, argv, &cli, err, sizeof(err)) != 0) {
        die(2, err);
    }
    if (cli.show_help) {
        mpr_cli_usage(stdout);
        return 0;
    }
    if (cli.show_version) {
        printf("mplaunch (mpr) %s\n", MPR_VERSION_STRING);
        return 0;
    }
    resolve_apps(&cli, &job);
    if (mpr_topo_load(&topo, err, sizeof(err)) != 0) {
        die(1, err);
    }
    make_plan(topo, &cli, &plan);
    notice_oversubscribed(&cli, &plan);
    if (cli.report_bindings) {
        mpr_plan_report(&plan, stderr);
    }
    job.nranks = plan.nranks;
    job.oversubscribed = plan.oversubscribed;
    job.io_flags = (cli.tag_output ? MPR_IO_TAG : 0) | (cli.output_raw ? MPR_IO_RAW : 0);
    job.timeout_s = cli.timeout_s;
    job.quiet = cli.quiet;
    job.stdin_rank = stdin_choice(&cli, job.nranks);
    job_identity(&job);
    fill_procs(&job, &cli, &plan, topo);
    if (mpr_spawn_segment(&job, err, sizeof(err)) != 0) {
        die(1, err);
    }
    sigfd = setup_signals(&child_mask);
    fflush(stderr);
    code = spawn_all(&job, &child_mask, sigfd);
    if (code == 0) {
        code = mpr_watch_run(&job, sigfd);
    }
    job_fini(&job);
    mpr_plan_fini(&plan);
    hwloc_topology_destroy(topo);
    mpr_cli_fini(&cli);
    close(sigfd);
    return code;
}
