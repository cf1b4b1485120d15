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
           "## The fabric transport (libfabric)\n\n"
           "Ranks on other nodes are reached through libfabric, loaded only by jobs that need it.\n"
           "`MPR_TRANSPORT=ofi` sends every message through it even on one node (to test the\n"
           "fabric path), `MPR_TRANSPORT=parity` only between ranks of different parity.\n\n"
           "- Provider: `MPR_OFI_PROVIDER`, else the first present of verbs;ofi_rxm, efa, psm3,\n"
           "  psm2, opx, cxi (fabric hardware), then the Ethernet providers in the order measured\n"
           "  in docs/performance.md. `fi_info -l` lists what this machine has; shm, sockets and\n"
           "  udp are used only when named.\n"
           "- Interface: `MPR_OFI_IFACE` (for tcp and net: the network interface, e.g. `eth0`; for\n"
           "  verbs: the device, e.g. `mlx5_0`), else loopback for a job on one node, else the\n"
           "  first interface that is not loopback and not a container or VM bridge (docker*,\n"
           "  virbr*, br-*). Set it when the nodes have several networks: a name that does not\n"
           "  exist gets one line listing the ones that do.\n"
           "- libfabric's own variables (`FI_*`) work as documented by `fi_info -e`; mpr sets\n"
           "  `FI_OFI_RXM_MSG_RX_SIZE`, `FI_OFI_RXM_MSG_TX_SIZE`, `FI_OFI_RXM_RX_SIZE` and\n"
           "  `FI_OFI_RXM_TX_SIZE` to 128 unless they are set (the defaults cost each rank ~70 MB\n"
           "  of zeroed buffers and a second of start-up).\n\n"
           "## Set by mplaunch for every rank\n\n"
           "Programs may read these; setting them by hand is only useful for debugging.\n\n");
    table(1);
    return 0;
}
