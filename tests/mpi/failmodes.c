/* failmodes MODE [DIR]: one way for a job to go wrong per MODE (see usage()).
 * With DIR, every rank writes DIR/pid.R (its pid) before the first barrier, and rank 0 writes
 * DIR/ready after it, so a test script knows the whole job is up and which pids to watch; each
 * rank also prints "rank R up" before that barrier. */
#include "mpt.h"
#include <signal.h>
#include <stdint.h>
#include <unistd.h>

static const char *dir;
static int rank = -1, size = -1;
static volatile sig_atomic_t got_sigint;

static void usage(void)
{
    fprintf(stderr, "usage: failmodes MODE [DIR]\n"
                    "modes: exit3 segv abort nofinalize fatal-null fatal-junk errret-null\n"
                    "       errret-junk hang sigint-handler sigint-default stuck before-init\n"
                    "       after-finalize unimpl\n");
    exit(2);
}

static void on_sigint(int sig)
{
    (void)sig;
    got_sigint = 1;
}

/* MPI_Init, rank/size, pid file, barrier, ready file. */
static void start_inited(void);
static void start(int *argc, char ***argv)
{
    MPT_OK(MPI_Init(argc, argv));
    start_inited();
}

static void start_inited(void)
{
    MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &rank));
    mpt_rank = rank;
    MPT_OK(MPI_Comm_size(MPI_COMM_WORLD, &size));
    if (dir) {
        char name[64];
        snprintf(name, sizeof name, "pid.%d", rank);
        mpt_write_file(dir, name, "%ld\n", (long)getpid());
        printf("rank %d up\n", rank); /* must reach mplaunch's stdout even if the job dies */
        fflush(stdout);
    }
    MPT_OK(MPI_Barrier(MPI_COMM_WORLD));
    if (dir && rank == 0) mpt_write_file(dir, "ready", "%d\n", size);
}

/* Never returns: wait for a signal that ends the process. */
static void wait_forever(void)
{
    for (;;) pause();
}

int main(int argc, char **argv)
{
    if (argc < 2) usage();
    const char *mode = argv[1];
    dir = argc > 2 ? argv[2] : NULL;
    /* A junk handle: readable, zeroed memory that is not a communicator. */
    static _Alignas(64) unsigned char junk[4096];

    if (!strcmp(mode, "exit3")) {
        start(&argc, &argv);
        MPT_OK(MPI_Finalize());
        return rank == 1 ? 3 : 0;
    } else if (!strcmp(mode, "segv")) {
        start(&argc, &argv);
        if (rank == 1) {
            fflush(stdout);
            /* raise, not a null store: UBSan (make asan) would turn that into an abort */
            raise(SIGSEGV);
        }
        MPI_Barrier(MPI_COMM_WORLD); /* rank 1 never arrives */
        mpt_fail("barrier completed although rank 1 crashed");
    } else if (!strcmp(mode, "abort")) {
        start(&argc, &argv);
        if (rank == 1) MPI_Abort(MPI_COMM_WORLD, 7);
        MPI_Barrier(MPI_COMM_WORLD);
        mpt_fail("barrier completed although rank 1 aborted");
    } else if (!strcmp(mode, "nofinalize")) {
        start(&argc, &argv);
        if (rank == 1) return 0;
        MPI_Finalize();
        return 0;
    } else if (!strcmp(mode, "fatal-null") || !strcmp(mode, "fatal-junk")) {
        start(&argc, &argv);
        if (rank == 1) {
            int r = -1;
            MPI_Comm bad = !strcmp(mode, "fatal-null") ? MPI_COMM_NULL : (MPI_Comm)(void *)junk;
            MPI_Comm_rank(bad, &r);
            mpt_fail("MPI_Comm_rank on a bad communicator returned under MPI_ERRORS_ARE_FATAL");
        }
        MPI_Barrier(MPI_COMM_WORLD);
        mpt_fail("barrier completed although rank 1 hit a fatal error");
    } else if (!strcmp(mode, "errret-null") || !strcmp(mode, "errret-junk")) {
        start(&argc, &argv);
        MPT_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
        MPI_Errhandler eh = MPI_ERRHANDLER_NULL;
        MPT_OK(MPI_Comm_get_errhandler(MPI_COMM_WORLD, &eh));
        MPT_CHECK(eh == MPI_ERRORS_RETURN, "MPI_Comm_get_errhandler did not give MPI_ERRORS_RETURN");
        int r = -12345;
        MPI_Comm bad = !strcmp(mode, "errret-null") ? MPI_COMM_NULL : (MPI_Comm)(void *)junk;
        int rc = MPI_Comm_rank(bad, &r);
        int cls = -1;
        MPT_OK(MPI_Error_class(rc, &cls));
        MPT_CHECK(cls == MPI_ERR_COMM, "MPI_Comm_rank(bad) returned %d (class %d), want MPI_ERR_COMM",
                  rc, cls);
        /* the communicator still works afterwards */
        MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &r));
        MPT_CHECK(r == rank, "rank changed");
        MPT_OK(MPI_Barrier(MPI_COMM_WORLD));
        printf("rank %d errret ok\n", rank);
        MPT_OK(MPI_Finalize());
        return 0;
    } else if (!strcmp(mode, "hang")) {
        start(&argc, &argv);
        wait_forever();
    } else if (!strcmp(mode, "sigint-handler")) {
        MPT_OK(MPI_Init(&argc, &argv));
        sigset_t block, old;
        sigemptyset(&block);
        sigaddset(&block, SIGINT);
        sigprocmask(SIG_BLOCK, &block, &old);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_sigint;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, NULL);
        start_inited();
        sigset_t waitmask = old;
        sigdelset(&waitmask, SIGINT);
        while (!got_sigint) sigsuspend(&waitmask);
        sigprocmask(SIG_SETMASK, &old, NULL);
        printf("rank %d got SIGINT\n", rank);
        fflush(stdout);
        MPT_OK(MPI_Finalize());
        return 0;
    } else if (!strcmp(mode, "sigint-default")) {
        struct sigaction sa;
        sigaction(SIGINT, NULL, &sa);
        if (sa.sa_handler == SIG_IGN) mpt_fail("SIGINT is ignored at program start");
        start(&argc, &argv);
        wait_forever();
    } else if (!strcmp(mode, "stuck")) {
        start(&argc, &argv);
        if (rank == 0) wait_forever(); /* outside any MPI call */
        MPI_Barrier(MPI_COMM_WORLD);
        mpt_fail("barrier completed although rank 0 never entered it");
    } else if (!strcmp(mode, "before-init")) {
        int r = -1;
        MPI_Comm_rank(MPI_COMM_WORLD, &r);
        mpt_fail("MPI_Comm_rank before MPI_Init returned");
    } else if (!strcmp(mode, "after-finalize")) {
        MPT_OK(MPI_Init(&argc, &argv));
        MPT_OK(MPI_Finalize());
        MPI_Barrier(MPI_COMM_WORLD);
        mpt_fail("MPI_Barrier after MPI_Finalize returned");
    } else if (!strcmp(mode, "unimpl")) {
        start(&argc, &argv);
        /* One-sided communication is not on the roadmap yet: a stable unimplemented call. */
        int cls = -1;
        int rc = MPI_Win_fence(0, MPI_WIN_NULL);
        MPT_CHECK(rc == MPI_ERR_UNSUPPORTED_OPERATION,
                  "MPI_Win_fence returned %d, want MPI_ERR_UNSUPPORTED_OPERATION (%d)", rc,
                  MPI_ERR_UNSUPPORTED_OPERATION);
        MPT_OK(MPI_Error_class(rc, &cls));
        MPT_CHECK(cls == MPI_ERR_UNSUPPORTED_OPERATION, "class of MPI_Win_fence's error is %d",
                  cls);
        printf("rank %d unimpl ok\n", rank);
        MPT_OK(MPI_Finalize());
        return 0;
    }
    usage();
    return 2;
}
