#include "core/state.h"

struct mpr_state mpr_state = {
    .phase = MPR_PHASE_NOT_INIT,
    .size = 1,
    .local_size = 1,
    .boot_fd = -1,
};
