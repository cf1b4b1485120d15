/* Rank placement with hwloc: see plan.h for the mapping and binding rules. */
#include "plan.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* The cores of the topology and, for each, the index of its mapping object. */
struct core_map {
    int ncores;
    hwloc_obj_t *cores; /* in logical order */
    int nobjs;          /* mapping objects, in the order of their first core */
    hwloc_obj_t *objs;
    int *obj_first; /* obj o's cores are members[obj_first[o] .. obj_first[o + 1]) */
    int *members;   /* core indexes grouped by object, each group in core order */
    int *cursor;    /* per object: its cores used so far in this pass */
};

static int set_err(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* Keep what placement needs: packages, NUMA nodes, cores, PUs and L3 (for l3cache). Dropping
 * I/O, misc and the other caches, and the x86 CPUID pass (it binds this thread to every PU in turn
 * only to annotate what Linux sysfs already told us), makes loading about 3x faster. Blocking a
 * component that this hwloc build lacks is harmless, so the return values are ignored. */
static void set_load_options(hwloc_topology_t t)
{
    static const char *const skip[] = {"x86",  "pci",  "opencl", "gl",
                                       "cuda", "nvml", "rsmi",   "levelzero"};
    for (size_t k = 0; k < sizeof(skip) / sizeof(skip[0]); k++) {
        hwloc_topology_set_components(t, HWLOC_TOPOLOGY_COMPONENTS_FLAG_BLACKLIST, skip[k]);
    }
    hwloc_topology_set_io_types_filter(t, HWLOC_TYPE_FILTER_KEEP_NONE);
    hwloc_topology_set_type_filter(t, HWLOC_OBJ_MISC, HWLOC_TYPE_FILTER_KEEP_NONE);
    hwloc_topology_set_cache_types_filter(t, HWLOC_TYPE_FILTER_KEEP_NONE);
    hwloc_topology_set_icache_types_filter(t, HWLOC_TYPE_FILTER_KEEP_NONE);
    hwloc_topology_set_type_filter(t, HWLOC_OBJ_L3CACHE, HWLOC_TYPE_FILTER_KEEP_ALL);
}

/* The kernel already hides PUs outside our cgroup cpuset; the affinity mask (taskset, a batch
 * system's binding) is ours to apply. Ranks inherit the forking thread's mask, hence THREAD. */
static int restrict_to_affinity(hwloc_topology_t t, char *err, size_t errlen)
{
    int rc = 0;
    hwloc_bitmap_t set = hwloc_bitmap_alloc();
    if (set == NULL) {
        return set_err(err, errlen, "out of memory");
    }
    if (hwloc_get_cpubind(t, set, HWLOC_CPUBIND_THREAD) == 0) {
        hwloc_bitmap_and(set, set, hwloc_topology_get_topology_cpuset(t));
        if (!hwloc_bitmap_iszero(set) &&
            !hwloc_bitmap_isequal(set, hwloc_topology_get_topology_cpuset(t)) &&
            hwloc_topology_restrict(t, set, 0) != 0) {
            rc = set_err(err, errlen, "cannot restrict the topology to this process's CPUs: %s",
                         strerror(errno));
        }
    }
    hwloc_bitmap_free(set);
    return rc;
}

int mpr_topo_load(hwloc_topology_t *out, char *err, size_t errlen)
{
    hwloc_topology_t t;
    if (hwloc_topology_init(&t) != 0) {
        return set_err(err, errlen, "cannot initialise hwloc: %s", strerror(errno));
    }
    set_load_options(t);
    if (hwloc_topology_load(t) != 0) {
        set_err(err, errlen, "cannot load the hardware topology: %s", strerror(errno));
        goto err_destroy;
    }
    if (restrict_to_affinity(t, err, errlen) != 0) {
        goto err_destroy;
    }
    *out = t;
    return 0;
err_destroy:
    hwloc_topology_destroy(t);
    return -1;
}

int mpr_topo_load_synthetic(const char *desc, hwloc_topology_t *out, char *err, size_t errlen)
{
    hwloc_topology_t t;
    if (hwloc_topology_init(&t) != 0) {
        return set_err(err, errlen, "cannot initialise hwloc: %s", strerror(errno));
    }
    if (hwloc_topology_set_synthetic(t, desc) != 0) {
        set_err(err, errlen, "invalid synthetic topology '%s'", desc);
        goto err_destroy;
    }
    if (hwloc_topology_load(t) != 0) {
        set_err(err, errlen, "cannot load synthetic topology '%s': %s", desc, strerror(errno));
        goto err_destroy;
    }
    *out = t;
    return 0;
err_destroy:
    hwloc_topology_destroy(t);
    return -1;
}

/* NUMA nodes hang off the CPU tree as memory children, so "the NUMA node of a core" is the first
 * one (logical order) whose cpuset holds the core. */
static hwloc_obj_t numa_of(hwloc_topology_t t, hwloc_obj_t core)
{
    int n = hwloc_get_nbobjs_by_type(t, HWLOC_OBJ_NUMANODE);
    for (int i = 0; i < n; i++) {
        hwloc_obj_t numa = hwloc_get_obj_by_type(t, HWLOC_OBJ_NUMANODE, (unsigned)i);
        if (hwloc_bitmap_isincluded(core->cpuset, numa->cpuset)) {
            return numa;
        }
    }
    return NULL;
}

static hwloc_obj_t exact_level_obj(hwloc_topology_t t, hwloc_obj_t core, enum mpr_level level)
{
    switch (level) {
    case MPR_LEVEL_L3CACHE:
        return hwloc_get_ancestor_obj_by_type(t, HWLOC_OBJ_L3CACHE, core);
    case MPR_LEVEL_NUMA:
        return numa_of(t, core);
    case MPR_LEVEL_SOCKET:
        return hwloc_get_ancestor_obj_by_type(t, HWLOC_OBJ_PACKAGE, core);
    default:
        return core;
    }
}

/* The object at level holding core. Without one: for l3cache the tighter of the core's NUMA node
 * and package (VMs often show no L3), for numa the package, and finally the machine. */
static hwloc_obj_t level_obj(hwloc_topology_t t, hwloc_obj_t core, enum mpr_level level)
{
    hwloc_obj_t o = exact_level_obj(t, core, level);
    if (o == NULL && level == MPR_LEVEL_L3CACHE) {
        hwloc_obj_t numa = numa_of(t, core);
        hwloc_obj_t pkg = exact_level_obj(t, core, MPR_LEVEL_SOCKET);
        int numa_tighter = numa != NULL && (pkg == NULL || hwloc_bitmap_weight(numa->cpuset) <
                                                               hwloc_bitmap_weight(pkg->cpuset));
        o = numa_tighter ? numa : pkg;
    }
    if (o == NULL && level == MPR_LEVEL_NUMA) {
        o = exact_level_obj(t, core, MPR_LEVEL_SOCKET);
    }
    return o != NULL ? o : hwloc_get_root_obj(t);
}

static void core_map_fini(struct core_map *m)
{
    free(m->cores);
    free(m->objs);
    free(m->obj_first);
    free(m->members);
    free(m->cursor);
}

static int find_or_add_obj(struct core_map *m, hwloc_obj_t o)
{
    for (int k = 0; k < m->nobjs; k++) {
        if (m->objs[k] == o) {
            return k;
        }
    }
    m->objs[m->nobjs] = o;
    return m->nobjs++;
}

/* Groups the cores by mapping object (counting sort on obj_of[]). */
static void group_members(struct core_map *m, const int *obj_of)
{
    for (int c = 0; c < m->ncores; c++) {
        m->obj_first[obj_of[c] + 1]++;
    }
    for (int o = 0; o < m->nobjs; o++) {
        m->obj_first[o + 1] += m->obj_first[o];
    }
    for (int c = 0; c < m->ncores; c++) {
        m->members[m->obj_first[obj_of[c]] + m->cursor[obj_of[c]]++] = c;
    }
    memset(m->cursor, 0, (size_t)m->nobjs * sizeof(*m->cursor));
}

static int core_map_init(hwloc_topology_t t, enum mpr_level map_by, struct core_map *m)
{
    hwloc_obj_type_t type = HWLOC_OBJ_CORE;
    if (hwloc_get_type_depth(t, HWLOC_OBJ_CORE) < 0) {
        type = HWLOC_OBJ_PU; /* some platforms report no cores: each PU is one */
    }
    memset(m, 0, sizeof(*m));
    m->ncores = hwloc_get_nbobjs_by_type(t, type);
    size_t n = m->ncores > 0 ? (size_t)m->ncores : 1;
    m->cores = calloc(n, sizeof(*m->cores));
    m->objs = calloc(n, sizeof(*m->objs));
    m->obj_first = calloc(n + 1, sizeof(*m->obj_first));
    m->members = calloc(n, sizeof(*m->members));
    m->cursor = calloc(n, sizeof(*m->cursor));
    int *obj_of = calloc(n, sizeof(*obj_of));
    if (!m->cores || !m->objs || !m->obj_first || !m->members || !m->cursor || !obj_of) {
        free(obj_of);
        core_map_fini(m);
        return -1;
    }
    for (int c = 0; c < m->ncores; c++) {
        m->cores[c] = hwloc_get_obj_by_type(t, type, (unsigned)c);
        hwloc_obj_t o =
            map_by == MPR_LEVEL_CORE ? hwloc_get_root_obj(t) : level_obj(t, m->cores[c], map_by);
        obj_of[c] = find_or_add_obj(m, o);
    }
    group_members(m, obj_of);
    free(obj_of);
    return 0;
}

static int obj_size(const struct core_map *m, int o)
{
    return m->obj_first[o + 1] - m->obj_first[o];
}

/* The object the next rank goes to, starting the search at *next; -1 if none has room. */
static int pick_obj(struct core_map *m, int cpr, int *next)
{
    for (int k = 0; k < m->nobjs; k++) {
        int o = (*next + k) % m->nobjs;
        if (m->cursor[o] + cpr <= obj_size(m, o)) {
            *next = (o + 1) % m->nobjs;
            return o;
        }
    }
    return -1;
}

static int fill_rank(hwloc_topology_t t, const struct mpr_plan_opts *o, const struct core_map *m,
                     const int *cores, struct mpr_rank_plan *r)
{
    hwloc_obj_t first = m->cores[cores[0]];
    hwloc_obj_t pkg = hwloc_get_ancestor_obj_by_type(t, HWLOC_OBJ_PACKAGE, first);
    hwloc_obj_t numa = numa_of(t, first);
    r->core = (int)first->logical_index;
    r->package = pkg != NULL ? (int)pkg->logical_index : -1;
    r->numa = numa != NULL ? (int)numa->logical_index : -1;
    r->cpuset = NULL;
    if (o->bind_to == MPR_LEVEL_NONE) {
        return 0;
    }
    r->cpuset = hwloc_bitmap_alloc();
    if (r->cpuset == NULL) {
        return -1;
    }
    for (int k = 0; k < o->cpus_per_rank; k++) {
        hwloc_obj_t core = m->cores[cores[k]];
        hwloc_obj_t b = o->bind_to == MPR_LEVEL_CORE ? core : level_obj(t, core, o->bind_to);
        hwloc_bitmap_or(r->cpuset, r->cpuset, b->cpuset);
    }
    return 0;
}

static int check_opts(const struct mpr_plan_opts *o, const struct core_map *m, char *err,
                      size_t errlen)
{
    int biggest = 0;
    if (o->nranks < 1) {
        return set_err(err, errlen, "cannot place %d ranks", o->nranks);
    }
    if (o->map_by < MPR_LEVEL_CORE || o->map_by >= MPR_LEVEL_MAX || o->bind_to < MPR_LEVEL_NONE ||
        o->bind_to >= MPR_LEVEL_MAX || o->cpus_per_rank < 1) {
        return set_err(err, errlen, "invalid placement options");
    }
    if (o->cpus_per_rank > m->ncores) {
        return set_err(err, errlen, "--cpus-per-rank %d: this machine has only %d cores",
                       o->cpus_per_rank, m->ncores);
    }
    for (int k = 0; k < m->nobjs; k++) {
        biggest = obj_size(m, k) > biggest ? obj_size(m, k) : biggest;
    }
    if (o->cpus_per_rank > biggest) {
        return set_err(err, errlen,
                       "--cpus-per-rank %d: no %s has that many cores (at most %d); use --map-by "
                       "core or fewer cpus per rank",
                       o->cpus_per_rank, mpr_level_name(o->map_by), biggest);
    }
    return 0;
}

static int place_ranks(hwloc_topology_t t, const struct mpr_plan_opts *o, struct core_map *m,
                       struct mpr_plan *p)
{
    int next = 0;
    for (int r = 0; r < o->nranks; r++) {
        int obj = pick_obj(m, o->cpus_per_rank, &next);
        if (obj < 0) {
            memset(m->cursor, 0, (size_t)m->nobjs * sizeof(*m->cursor));
            next = 0;
            obj = pick_obj(m, o->cpus_per_rank, &next);
        }
        const int *cores = &m->members[m->obj_first[obj] + m->cursor[obj]];
        m->cursor[obj] += o->cpus_per_rank;
        if (fill_rank(t, o, m, cores, &p->ranks[r]) != 0) {
            return -1;
        }
        p->nranks = r + 1;
    }
    return 0;
}

int mpr_plan_build(hwloc_topology_t topo, const struct mpr_plan_opts *o, struct mpr_plan *out,
                   char *err, size_t errlen)
{
    struct core_map m;
    struct mpr_plan p = {0};
    int rc = -1;
    if (core_map_init(topo, o->map_by, &m) != 0) {
        return set_err(err, errlen, "out of memory");
    }
    if (check_opts(o, &m, err, errlen) != 0) {
        goto err_map;
    }
    p.ranks = calloc((size_t)o->nranks, sizeof(*p.ranks));
    if (p.ranks == NULL || place_ranks(topo, o, &m, &p) != 0) {
        set_err(err, errlen, "out of memory");
        mpr_plan_fini(&p);
        goto err_map;
    }
    p.ncores = m.ncores;
    p.npus = hwloc_get_nbobjs_by_type(topo, HWLOC_OBJ_PU);
    p.oversubscribed = (long long)o->nranks * o->cpus_per_rank > p.npus;
    *out = p;
    rc = 0;
err_map:
    core_map_fini(&m);
    return rc;
}

void mpr_plan_fini(struct mpr_plan *p)
{
    for (int r = 0; r < p->nranks; r++) {
        hwloc_bitmap_free(p->ranks[r].cpuset);
    }
    free(p->ranks);
    memset(p, 0, sizeof(*p));
}

void mpr_plan_report(const struct mpr_plan *p, FILE *f)
{
    for (int r = 0; r < p->nranks; r++) {
        const struct mpr_rank_plan *rp = &p->ranks[r];
        char *list = NULL;
        if (rp->cpuset == NULL) {
            fprintf(f, "mplaunch: rank %d not bound\n", r);
            continue;
        }
        if (hwloc_bitmap_list_asprintf(&list, rp->cpuset) < 0) {
            list = NULL;
        }
        fprintf(f, "mplaunch: rank %d bound to PUs %s (core %d, package %d, numa %d)\n", r,
                list != NULL ? list : "?", rp->core, rp->package, rp->numa);
        free(list);
    }
}

int mpr_plan_cpulist(const struct mpr_plan *p, int rank, char *buf, size_t len)
{
    if (rank < 0 || rank >= p->nranks || len == 0) {
        return -1;
    }
    if (p->ranks[rank].cpuset == NULL) {
        buf[0] = '\0';
        return 0;
    }
    int n = hwloc_bitmap_list_snprintf(buf, len, p->ranks[rank].cpuset);
    return n >= 0 && (size_t)n < len ? 0 : -1;
}
