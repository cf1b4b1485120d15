/*
 * libfabric is loaded when a job needs the fabric, not linked into every rank: its provider
 * libraries cost start-up time and memory, and some install handlers for fatal signals in their
 * constructors (libinfinipath: a rank killed by SIGSEGV would exit with status 1 after printing
 * a backtrace). Only the few functions libfabric exports are looked up here; everything else in
 * its API is an inline call through the objects those return.
 */
#include "core/errcode.h"
#include "core/log.h"
#include "transport/ofi/ofi_impl.h"

#include <dlfcn.h>

#define LIBFABRIC "libfabric.so.1"

struct mpr_fi_api mpr_fi;

static void *sym(void *h, const char *name, int *missing)
{
    void *p = dlsym(h, name);

    *missing |= p == NULL;
    return p;
}

int mpr_ofi_dl_open(void)
{
    static void *h;
    int missing = 0;

    if (h) {
        return 0;
    }
    h = dlopen(LIBFABRIC, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        mpr_log_error("the fabric transport needs %s, which cannot be loaded (%s); install "
                      "Debian's libfabric1, or keep every rank on one node",
                      LIBFABRIC, dlerror());
        return -MPR_ERR_IO;
    }
    *(void **)&mpr_fi.getinfo = sym(h, "fi_getinfo", &missing);
    *(void **)&mpr_fi.freeinfo = sym(h, "fi_freeinfo", &missing);
    *(void **)&mpr_fi.dupinfo = sym(h, "fi_dupinfo", &missing);
    *(void **)&mpr_fi.fabric = sym(h, "fi_fabric", &missing);
    *(void **)&mpr_fi.strerror = sym(h, "fi_strerror", &missing);
    if (missing) {
        mpr_log_error("%s lacks a function the fabric transport calls (a libfabric older than "
                      "1.9?); install Debian's libfabric1",
                      LIBFABRIC);
        dlclose(h);
        h = NULL;
        return -MPR_ERR_IO;
    }
    return 0;
}
