#include "tools/record.h"

#include <string.h>
#include <unistd.h>

static struct mpr_rank_record private_record;

struct mpr_rank_record *mpr_record_self = &private_record;

const char *mpr_record_call = "MPI";

void mpr_record_enter_named(const char *name)
{
    size_t n = strnlen(name, sizeof(mpr_record_self->name) - 1);

    memcpy(mpr_record_self->name, name, n);
    mpr_record_self->name[n] = '\0';
    /* Publishes the name to the launcher's acquire-load of `call`. */
    atomic_store_explicit(&mpr_record_self->call, MPR_CALL_NAMED, memory_order_release);
}

void mpr_record_attach(struct mpr_rank_record *shared)
{
    mpr_record_self = shared ? shared : &private_record;
    mpr_record_self->pid = (uint32_t)getpid();
    mpr_record_leave();
}
