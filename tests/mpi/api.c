/* api [init_thread]: checks the small local MPI calls: Initialized/Finalized, Init_thread /
 * Query_thread / Is_thread_main, Wtime monotonic and Wtick > 0, Error_string / Error_class,
 * Get_version, Get_library_version, Get_processor_name, user error classes and codes,
 * Alloc_mem / Free_mem. */
#include "mpt.h"
#include <unistd.h>

static void check_error_string(int code, const char *want)
{
    char s[MPI_MAX_ERROR_STRING];
    int len = -1;
    memset(s, 'x', sizeof s);
    MPT_OK(MPI_Error_string(code, s, &len));
    MPT_CHECK(len > 0 && len < MPI_MAX_ERROR_STRING, "MPI_Error_string(%d) length %d", code, len);
    MPT_CHECK(s[len] == '\0' && (int)strlen(s) == len, "MPI_Error_string(%d): bad termination", code);
    if (want) MPT_CHECK(strstr(s, want) != NULL, "MPI_Error_string(%d) = '%s', want '%s' in it", code, s, want);
    int cls = -1;
    MPT_OK(MPI_Error_class(code, &cls));
    MPT_CHECK(cls == code, "MPI_Error_class(%d) = %d", code, cls);
}

int main(int argc, char **argv)
{
    int flag = -1;
    MPT_OK(MPI_Initialized(&flag));
    MPT_CHECK(flag == 0, "MPI_Initialized before MPI_Init gave %d", flag);
    MPT_OK(MPI_Finalized(&flag));
    MPT_CHECK(flag == 0, "MPI_Finalized before MPI_Init gave %d", flag);

    int provided = -1, queried = -1;
    if (argc > 1 && !strcmp(argv[1], "init_thread")) {
        MPT_OK(MPI_Init_thread(&argc, &argv, MPI_THREAD_MULTIPLE, &provided));
        MPT_CHECK(provided >= MPI_THREAD_SINGLE && provided <= MPI_THREAD_MULTIPLE,
                  "provided %d is not a thread level", provided);
        MPT_OK(MPI_Query_thread(&queried));
        MPT_CHECK(queried == provided, "MPI_Query_thread %d but provided %d", queried, provided);
        printf("thread level %d\n", provided);
    } else {
        MPT_OK(MPI_Init(&argc, &argv));
        MPT_OK(MPI_Query_thread(&queried));
        MPT_CHECK(queried >= MPI_THREAD_SINGLE && queried <= MPI_THREAD_MULTIPLE,
                  "MPI_Query_thread %d after MPI_Init", queried);
    }
    MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &mpt_rank));
    MPT_OK(MPI_Initialized(&flag));
    MPT_CHECK(flag == 1, "MPI_Initialized after MPI_Init gave %d", flag);
    MPT_OK(MPI_Is_thread_main(&flag));
    MPT_CHECK(flag == 1, "MPI_Is_thread_main in the main thread gave %d", flag);

    /* Wtime / Wtick */
    double tick = MPI_Wtick();
    MPT_CHECK(tick > 0.0 && tick <= 0.01, "MPI_Wtick %g", tick);
    double t0 = MPI_Wtime(), prev = t0;
    for (int i = 0; i < 100000; i++) {
        double t = MPI_Wtime();
        MPT_CHECK(t >= prev, "MPI_Wtime went backwards: %.9f after %.9f", t, prev);
        prev = t;
    }
    usleep(50000);
    double t1 = MPI_Wtime();
    MPT_CHECK(t1 - t0 >= 0.049 && t1 - t0 < 30.0, "50 ms sleep measured as %.6f s", t1 - t0);

    /* Error strings and classes */
    check_error_string(MPI_SUCCESS, NULL);
    check_error_string(MPI_ERR_COMM, NULL);
    check_error_string(MPI_ERR_RANK, NULL);
    check_error_string(MPI_ERR_ARG, NULL);
    check_error_string(MPI_ERR_TRUNCATE, NULL);
    check_error_string(MPI_ERR_UNSUPPORTED_OPERATION, NULL);
    {
        char a[MPI_MAX_ERROR_STRING], b[MPI_MAX_ERROR_STRING];
        int la, lb;
        MPT_OK(MPI_Error_string(MPI_ERR_COMM, a, &la));
        MPT_OK(MPI_Error_string(MPI_ERR_RANK, b, &lb));
        MPT_CHECK(strcmp(a, b) != 0, "MPI_ERR_COMM and MPI_ERR_RANK have the same string '%s'", a);
    }
    /* an invalid code is reported through MPI_COMM_WORLD's handler: make it return */
    MPT_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
    {
        int cls = -1;
        int rc = MPI_Error_class(MPI_ERR_LASTCODE + 100000, &cls);
        MPT_CHECK(rc != MPI_SUCCESS, "MPI_Error_class of an unknown code succeeded (class %d)", cls);
    }
    /* user classes, codes and strings */
    {
        int ucls = -1, ucode = -1, cls = -1, len = 0;
        char s[MPI_MAX_ERROR_STRING];
        MPT_OK(MPI_Add_error_class(&ucls));
        MPT_CHECK(ucls >= MPI_ERR_LASTCODE, "user class %d below MPI_ERR_LASTCODE", ucls);
        MPT_OK(MPI_Add_error_code(ucls, &ucode));
        MPT_OK(MPI_Add_error_string(ucode, "mpt user error"));
        MPT_OK(MPI_Error_class(ucode, &cls));
        MPT_CHECK(cls == ucls, "class of user code %d is %d, want %d", ucode, cls, ucls);
        MPT_OK(MPI_Error_string(ucode, s, &len));
        MPT_CHECK(!strcmp(s, "mpt user error"), "user code string '%s'", s);
    }

    /* versions and names */
    int ver = -1, sub = -1;
    MPT_OK(MPI_Get_version(&ver, &sub));
    MPT_CHECK(ver == MPI_VERSION && sub == MPI_SUBVERSION, "MPI_Get_version %d.%d, mpi.h %d.%d",
              ver, sub, MPI_VERSION, MPI_SUBVERSION);
    char lib[MPI_MAX_LIBRARY_VERSION_STRING];
    int len = -1;
    MPT_OK(MPI_Get_library_version(lib, &len));
    MPT_CHECK(len > 0 && (int)strlen(lib) == len, "MPI_Get_library_version length %d", len);
    char name[MPI_MAX_PROCESSOR_NAME], host[256];
    MPT_OK(MPI_Get_processor_name(name, &len));
    MPT_CHECK(len > 0 && (int)strlen(name) == len, "MPI_Get_processor_name length %d", len);
    gethostname(host, sizeof host);
    host[sizeof host - 1] = '\0';
    MPT_CHECK(strncmp(name, host, strlen(name)) == 0 || strncmp(name, host, strlen(host)) == 0,
              "processor name '%s' vs hostname '%s'", name, host);

    /* MPI_Alloc_mem: usable, writable memory; size 0 is allowed; MPI_Free_mem takes it back. */
    double *mem = NULL;
    void *empty = NULL;
    MPT_OK(MPI_Alloc_mem(1000 * sizeof(double), MPI_INFO_NULL, &mem));
    MPT_CHECK(mem != NULL, "MPI_Alloc_mem gave NULL");
    for (int i = 0; i < 1000; i++) mem[i] = i;
    MPT_CHECK(mem[999] == 999.0, "MPI_Alloc_mem memory does not hold a value");
    MPT_OK(MPI_Free_mem(mem));
    MPT_OK(MPI_Alloc_mem(0, MPI_INFO_NULL, &empty));
    MPT_OK(MPI_Free_mem(empty));

    MPT_OK(MPI_Finalize());
    MPT_OK(MPI_Finalized(&flag));
    MPT_CHECK(flag == 1, "MPI_Finalized after MPI_Finalize gave %d", flag);
    MPT_OK(MPI_Initialized(&flag));
    MPT_CHECK(flag == 1, "MPI_Initialized after MPI_Finalize gave %d", flag);
    printf("rank %d api ok\n", mpt_rank);
    return 0;
}
