#include "tools/record.h"

#include <unistd.h>

static struct mpr_rank_record private_record;

struct mpr_rank_record *mpr_record_self = &private_record;

void mpr_record_attach(struct mpr_rank_record *shared)
{
    mpr_record_self = shared ? shared : &private_record;
    mpr_record_self->pid = (uint32_t)getpid();
    mpr_record_leave();
}
