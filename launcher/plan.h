/* Mapping ranks to cores and computing their bindings, from an hwloc topology.
 *
 * Mapping (which cores a rank gets):
 * - The map level's objects (L3 caches, NUMA nodes, packages; for "core" the whole machine is one
 *   object) are taken in the order of their first core. Each core belongs to exactly one object:
 *   its L3 ancestor, the first NUMA node (logical order) whose cpuset holds it, or its package.
 *   A core with no object at the requested level falls back quietly: for l3cache to the tighter
 *   (fewer PUs; package on a tie) of its NUMA node and package, for numa to its package, and
 *   last to the whole machine. So --map-by l3cache on a VM without L3 maps over packages.
 * - Ranks go round-robin over the objects; a rank takes the next cpus_per_rank unused cores of its
 *   object, in core logical order. An object without that many unused cores is skipped; when no
 *   object has room, every core becomes unused again (the next pass starts over from object 0).
 *   So a rank's cores always lie inside one object, and with 8 ranks on 2 cores ranks 0,2,4,6
 *   share core 0 and 1,3,5,7 core 1. Cores that never fit (16 cores, 3 per rank: core 15) stay
 *   idle. Deterministic: the plan depends only on the topology and the options.
 *
 * Binding (the cpuset a rank is pinned to; PU OS indexes, what sched_getaffinity shows):
 * - core: the union of its cores (all their PUs).
 * - l3cache/numa/socket: the union of the objects at that level holding its cores (one object
 *   unless cpus_per_rank > 1 spans several), with the same fallback as for mapping.
 * - none: no cpuset.
 *
 * oversubscribed = nranks * cpus_per_rank > npus. Ranks sharing a core's PUs are not counted as
 * oversubscription: 32 ranks on 16 cores with 2 PUs each are not oversubscribed even though
 * bind-to core gives two ranks the same 2 PUs. */
#ifndef MPR_LAUNCHER_PLAN_H
#define MPR_LAUNCHER_PLAN_H

#include <hwloc.h>
#include <stddef.h>
#include <stdio.h>

#include "cli.h"

/* This machine's topology, restricted to the PUs this process may run on (cgroup cpuset and
 * affinity mask), without I/O devices, misc objects, or caches other than L3. Returns 0 or -1
 * with a message in err. */
int mpr_topo_load(hwloc_topology_t *out, char *err, size_t errlen);

/* A synthetic topology from an hwloc description such as "pack:2 numa:2 core:4 pu:2". */
int mpr_topo_load_synthetic(const char *desc, hwloc_topology_t *out, char *err, size_t errlen);

struct mpr_plan_opts {
    int nranks;             /* >= 1 */
    enum mpr_level map_by;  /* CORE, L3CACHE, NUMA or SOCKET */
    enum mpr_level bind_to; /* any level */
    int cpus_per_rank;      /* >= 1, at most the number of cores */
};

struct mpr_rank_plan {
    hwloc_bitmap_t cpuset; /* NULL when bound to nothing */
    int core;              /* logical index of the rank's first core */
    int package;           /* logical index of that core's package, or -1 */
    int numa;              /* logical index of that core's NUMA node, or -1 */
};

struct mpr_plan {
    int nranks;
    struct mpr_rank_plan *ranks; /* nranks entries */
    int ncores;                  /* cores usable by this process (PUs when there are no cores) */
    int npus;                    /* PUs usable by this process */
    int oversubscribed;
};

/* Returns 0 and fills *out (free with mpr_plan_fini), or -1 with a message in err. The plan
 * holds its own cpusets and does not refer to topo afterwards. */
int mpr_plan_build(hwloc_topology_t topo, const struct mpr_plan_opts *o, struct mpr_plan *out,
                   char *err, size_t errlen);

void mpr_plan_fini(struct mpr_plan *p);

/* One line per rank, e.g. "mplaunch: rank 3 bound to PUs 2-3 (core 1, package 0, numa 0)" or
 * "mplaunch: rank 3 not bound". */
void mpr_plan_report(const struct mpr_plan *p, FILE *f);

/* The rank's cpuset as an OS-index list ("0-1,4"), "" when not bound: for MPR_CPUSET. Returns 0,
 * or -1 when rank is out of range or len is too small. */
int mpr_plan_cpulist(const struct mpr_plan *p, int rank, char *buf, size_t len);

#endif
