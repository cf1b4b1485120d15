/* Prints docs/tuning.md from the parameter table in runtime/core/param.c, so it cannot drift. */
#include "core/param.h"

#include <stdio.h>

static void table(int from_launcher)
{
    printf("| variable | default | meaning |\n|---|---|---|\n");
    for (int i = 0; i < MPR_P_MAX; i++) {
        const struct mpr_param_def *d = &mpr_param_defs[i];
        if (d->from_launcher == from_launcher) {
            printf("| `%s` | %s%s%s | %s |\n", d->name, d->def ? "`" : "", d->def ? d->def : "-",
                   d->def ? "`" : "", d->help);
        }
    }
}

int main(void)
{
    printf("# Tuning mpr\n\n"
           "Generated from the parameter table in `runtime/core/param.c` by `docs/gen-tuning.c`:\n"
           "do not edit by hand, run `make docs` (the `docs.tuning` test fails when this file is\n"
           "out of date).\n\n"
           "Every `MPR_*` environment variable is read once, in `MPI_Init`. A variable starting\n"
           "with `MPR_` that is not listed here gets one warning naming the closest valid one.\n"
           "Set them in the environment of `mplaunch` (ranks inherit it) or with `-x VAR=value`.\n\n"
           "## Settings\n\n");
    table(0);
    printf("\nHow the switch points were chosen, with the measurements, is in "
           "docs/performance.md.\n\n"
           "## Set by mplaunch for every rank\n\n"
           "Programs may read these; setting them by hand is only useful for debugging.\n\n");
    table(1);
    return 0;
}
