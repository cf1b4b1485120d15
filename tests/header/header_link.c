/*
 * unit.header_link: a program that references one MPI function of every chapter links against
 * libmpr.so, and the profiling names are the same functions. Runs without MPI_Init, so it calls
 * only functions the standard allows before it (MPI_Get_version) or that need no runtime.
 */
#include <mpi.h>

#include <dlfcn.h>
#include <stdio.h>

/* One function per chapter (runtime/api/<chapter>.c): the link fails if a chapter is missing. */
static const char *const chapter_funcs[] = {
    "Init",      "Error_string", "Send",      "Type_contiguous", "Bcast",
    "Op_create", "Group_size",   "Comm_rank", "Cart_create",     "Info_create",
    "Win_fence", "Comm_spawn",   "File_open", "Pcontrol",
};

static int check_alias(const char *name)
{
    char mpi[64], pmpi[64];
    void *f, *pf;

    snprintf(mpi, sizeof(mpi), "MPI_%s", name);
    snprintf(pmpi, sizeof(pmpi), "PMPI_%s", name);
    f = dlsym(RTLD_DEFAULT, mpi);
    pf = dlsym(RTLD_DEFAULT, pmpi);
    if (f == NULL || pf == NULL || f != pf) {
        fprintf(stderr, "header_link: %s at %p but %s at %p; they must be the same function\n", mpi,
                f, pmpi, pf);
        return 1;
    }
    return 0;
}

int main(void)
{
    typedef void (*any_fn)(void);
    const any_fn linked[] = {
        (any_fn)MPI_Init,        (any_fn)MPI_Error_string,
        (any_fn)MPI_Send,        (any_fn)MPI_Type_contiguous,
        (any_fn)MPI_Bcast,       (any_fn)MPI_Op_create,
        (any_fn)MPI_Group_size,  (any_fn)MPI_Comm_rank,
        (any_fn)MPI_Cart_create, (any_fn)MPI_Info_create,
        (any_fn)MPI_Win_fence,   (any_fn)MPI_Comm_spawn,
        (any_fn)MPI_File_open,   (any_fn)MPI_Pcontrol,
    };
    int version = 0, subversion = 0, failed = 0;

    for (size_t i = 0; i < sizeof(linked) / sizeof(linked[0]); i++) {
        failed |= linked[i] == NULL;
    }
    for (size_t i = 0; i < sizeof(chapter_funcs) / sizeof(chapter_funcs[0]); i++) {
        failed |= check_alias(chapter_funcs[i]);
    }
    if (MPI_Get_version(&version, &subversion) != MPI_SUCCESS || version != 3 || subversion != 1) {
        fprintf(stderr, "header_link: MPI_Get_version gave %d.%d, expected 3.1\n", version,
                subversion);
        failed = 1;
    }
    if (MPI_Aint_add(100, 20) != 120 || MPI_Aint_diff(100, 20) != 80) {
        fprintf(stderr, "header_link: MPI_Aint_add/MPI_Aint_diff miscompute\n");
        failed = 1;
    }
    if (MPI_Pcontrol(1) != MPI_SUCCESS) {
        fprintf(stderr, "header_link: MPI_Pcontrol failed\n");
        failed = 1;
    }
    if (!failed) {
        printf("header_link: %zu chapters linked, MPI %d.%d\n",
               sizeof(chapter_funcs) / sizeof(chapter_funcs[0]), version, subversion);
    }
    return failed;
}
