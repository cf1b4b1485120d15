/* unit.plan: rank mapping and binding (launcher/plan.c) on synthetic and real topologies. */
#include <check.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

/* "pack:2 numa:2 core:4 pu:2": core c has PUs 2c..2c+1, NUMA node k cores 4k..4k+3 (PUs
 * 8k..8k+7), package p cores 8p..8p+7 (PUs 16p..16p+15). */
#define BIG "pack:2 numa:2 core:4 pu:2"

static hwloc_topology_t load(const char *desc)
{
    hwloc_topology_t t;
    char err[256] = "";
    ck_assert_msg(mpr_topo_load_synthetic(desc, &t, err, sizeof(err)) == 0, "%s", err);
    return t;
}

static void build(hwloc_topology_t t, int n, enum mpr_level map, enum mpr_level bind, int cpr,
                  struct mpr_plan *p)
{
    struct mpr_plan_opts o = {.nranks = n, .map_by = map, .bind_to = bind, .cpus_per_rank = cpr};
    char err[256] = "";
    ck_assert_msg(mpr_plan_build(t, &o, p, err, sizeof(err)) == 0, "%s", err);
    ck_assert_int_eq(p->nranks, n);
}

/* Every rank's cpulist joined with '|'; "" for an unbound rank. */
static char *joined(const struct mpr_plan *p)
{
    static char out[4096];
    size_t len = 0;
    out[0] = '\0';
    for (int r = 0; r < p->nranks; r++) {
        char list[256];
        ck_assert_int_eq(mpr_plan_cpulist(p, r, list, sizeof(list)), 0);
        len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s", r > 0 ? "|" : "", list);
        ck_assert_uint_lt(len, sizeof(out));
    }
    return out;
}

static void expect(const char *desc, int n, enum mpr_level map, enum mpr_level bind, int cpr,
                   const char *want)
{
    hwloc_topology_t t = load(desc);
    struct mpr_plan p;
    build(t, n, map, bind, cpr, &p);
    ck_assert_msg(strcmp(joined(&p), want) == 0, "%s n=%d map=%s bind=%s cpr=%d:\n got %s\nwant %s",
                  desc, n, mpr_level_name(map), mpr_level_name(bind), cpr, joined(&p), want);
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);
}

static void expect_error(const char *desc, int n, enum mpr_level map, int cpr, const char *msg)
{
    hwloc_topology_t t = load(desc);
    struct mpr_plan_opts o = {
        .nranks = n, .map_by = map, .bind_to = MPR_LEVEL_CORE, .cpus_per_rank = cpr};
    struct mpr_plan p;
    char err[256] = "";
    ck_assert_int_eq(mpr_plan_build(t, &o, &p, err, sizeof(err)), -1);
    ck_assert_str_eq(err, msg);
    hwloc_topology_destroy(t);
}

/* The first k '|'-separated fields of s. */
static char *first_fields(const char *s, int k)
{
    static char out[1024];
    size_t len = 0;
    for (int f = 0; f < k; f++) {
        size_t w = strcspn(s, "|");
        len +=
            (size_t)snprintf(out + len, sizeof(out) - len, "%s%.*s", f > 0 ? "|" : "", (int)w, s);
        s += w + (s[w] == '|');
    }
    return out;
}

/* The plan for 16 ranks with one core each on BIG, per (map-by, bind-to). Mapping is a prefix
 * property (n ranks get the first n placements of a longer run) and repeats every 16 ranks, so
 * these also give the exact plans for n = 1, 4 and 40. */
static const struct {
    enum mpr_level map, bind;
    const char *plan16;
} big16[] = {
    {MPR_LEVEL_CORE, MPR_LEVEL_CORE,
     "0-1|2-3|4-5|6-7|8-9|10-11|12-13|14-15|16-17|18-19|20-21|22-23|24-25|26-27|28-29|30-31"},
    {MPR_LEVEL_CORE, MPR_LEVEL_NUMA,
     "0-7|0-7|0-7|0-7|8-15|8-15|8-15|8-15|16-23|16-23|16-23|16-23|24-31|24-31|24-31|24-31"},
    {MPR_LEVEL_CORE, MPR_LEVEL_SOCKET,
     "0-15|0-15|0-15|0-15|0-15|0-15|0-15|0-15|16-31|16-31|16-31|16-31|16-31|16-31|16-31|16-31"},
    {MPR_LEVEL_CORE, MPR_LEVEL_NONE, "|||||||||||||||"},
    {MPR_LEVEL_NUMA, MPR_LEVEL_CORE,
     "0-1|8-9|16-17|24-25|2-3|10-11|18-19|26-27|4-5|12-13|20-21|28-29|6-7|14-15|22-23|30-31"},
    {MPR_LEVEL_NUMA, MPR_LEVEL_NUMA,
     "0-7|8-15|16-23|24-31|0-7|8-15|16-23|24-31|0-7|8-15|16-23|24-31|0-7|8-15|16-23|24-31"},
    {MPR_LEVEL_NUMA, MPR_LEVEL_SOCKET,
     "0-15|0-15|16-31|16-31|0-15|0-15|16-31|16-31|0-15|0-15|16-31|16-31|0-15|0-15|16-31|16-31"},
    {MPR_LEVEL_NUMA, MPR_LEVEL_NONE, "|||||||||||||||"},
    {MPR_LEVEL_SOCKET, MPR_LEVEL_CORE,
     "0-1|16-17|2-3|18-19|4-5|20-21|6-7|22-23|8-9|24-25|10-11|26-27|12-13|28-29|14-15|30-31"},
    {MPR_LEVEL_SOCKET, MPR_LEVEL_NUMA,
     "0-7|16-23|0-7|16-23|0-7|16-23|0-7|16-23|8-15|24-31|8-15|24-31|8-15|24-31|8-15|24-31"},
    {MPR_LEVEL_SOCKET, MPR_LEVEL_SOCKET,
     "0-15|16-31|0-15|16-31|0-15|16-31|0-15|16-31|0-15|16-31|0-15|16-31|0-15|16-31|0-15|16-31"},
    {MPR_LEVEL_SOCKET, MPR_LEVEL_NONE, "|||||||||||||||"},
};

START_TEST(test_big_matrix)
{
    const char *p16 = big16[_i].plan16;
    char p40[2048];
    snprintf(p40, sizeof(p40), "%s|%s|%s", p16, p16, first_fields(p16, 8));
    expect(BIG, 1, big16[_i].map, big16[_i].bind, 1, first_fields(p16, 1));
    expect(BIG, 4, big16[_i].map, big16[_i].bind, 1, first_fields(p16, 4));
    expect(BIG, 16, big16[_i].map, big16[_i].bind, 1, p16);
    expect(BIG, 40, big16[_i].map, big16[_i].bind, 1, p40);
}
END_TEST

START_TEST(test_big_explicit_small)
{
    expect(BIG, 1, MPR_LEVEL_SOCKET, MPR_LEVEL_CORE, 1, "0-1");
    expect(BIG, 4, MPR_LEVEL_NUMA, MPR_LEVEL_CORE, 1, "0-1|8-9|16-17|24-25");
    expect(BIG, 4, MPR_LEVEL_SOCKET, MPR_LEVEL_SOCKET, 1, "0-15|16-31|0-15|16-31");
    expect(BIG, 4, MPR_LEVEL_CORE, MPR_LEVEL_NONE, 1, "|||");
}
END_TEST

START_TEST(test_big_fields)
{
    hwloc_topology_t t = load(BIG);
    struct mpr_plan p;
    build(t, 40, MPR_LEVEL_SOCKET, MPR_LEVEL_NONE, 1, &p);
    ck_assert_int_eq(p.ncores, 16);
    ck_assert_int_eq(p.npus, 32);
    ck_assert_int_eq(p.oversubscribed, 1);
    ck_assert_ptr_null(p.ranks[9].cpuset);
    ck_assert_int_eq(p.ranks[9].core, 12);
    ck_assert_int_eq(p.ranks[9].package, 1);
    ck_assert_int_eq(p.ranks[9].numa, 3);
    ck_assert_int_eq(p.ranks[34].core, 1);
    ck_assert_int_eq(p.ranks[34].package, 0);
    ck_assert_int_eq(p.ranks[34].numa, 0);
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);
}
END_TEST

START_TEST(test_cpus_per_rank)
{
    expect(BIG, 4, MPR_LEVEL_CORE, MPR_LEVEL_CORE, 2, "0-3|4-7|8-11|12-15");
    expect(BIG, 8, MPR_LEVEL_NUMA, MPR_LEVEL_CORE, 2, "0-3|8-11|16-19|24-27|4-7|12-15|20-23|28-31");
    expect(BIG, 3, MPR_LEVEL_SOCKET, MPR_LEVEL_CORE, 2, "0-3|16-19|4-7");
    /* 3 cores per rank: 5 ranks fit in 16 cores, core 15 stays idle and rank 5 starts over. */
    expect(BIG, 6, MPR_LEVEL_CORE, MPR_LEVEL_CORE, 3, "0-5|6-11|12-17|18-23|24-29|0-5");
    /* Rank 1 has cores 3-5, in NUMA nodes 0 and 1: bound to both. */
    expect(BIG, 6, MPR_LEVEL_CORE, MPR_LEVEL_NUMA, 3, "0-7|0-15|8-23|16-23|24-31|0-7");
    /* One 3-core rank fits per 4-core NUMA node per pass. */
    expect(BIG, 5, MPR_LEVEL_NUMA, MPR_LEVEL_CORE, 3, "0-5|8-13|16-21|24-29|0-5");
    expect(BIG, 7, MPR_LEVEL_SOCKET, MPR_LEVEL_CORE, 3, "0-5|16-21|6-11|22-27|0-5|16-21|6-11");
    expect(BIG, 2, MPR_LEVEL_CORE, MPR_LEVEL_CORE, 16, "0-31|0-31");
    expect(BIG, 2, MPR_LEVEL_SOCKET, MPR_LEVEL_NONE, 8, "|");
}
END_TEST

START_TEST(test_errors)
{
    expect_error(BIG, 2, MPR_LEVEL_CORE, 17, "--cpus-per-rank 17: this machine has only 16 cores");
    expect_error(BIG, 2, MPR_LEVEL_NUMA, 5,
                 "--cpus-per-rank 5: no numa has that many cores (at most 4); use --map-by core or "
                 "fewer cpus per rank");
    expect_error(BIG, 0, MPR_LEVEL_CORE, 1, "cannot place 0 ranks");
    expect_error("core:2 pu:1", 1, MPR_LEVEL_NONE, 1, "invalid placement options");
}
END_TEST

START_TEST(test_oversubscribed)
{
    static const struct {
        int n, cpr, over;
    } cases[] = {{1, 1, 0},  {32, 1, 0}, {33, 1, 1}, {16, 2, 0},
                 {17, 2, 1}, {10, 3, 0}, {11, 3, 1}, {40, 1, 1}};
    hwloc_topology_t t = load(BIG);
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        struct mpr_plan p;
        build(t, cases[k].n, MPR_LEVEL_CORE, MPR_LEVEL_CORE, cases[k].cpr, &p);
        ck_assert_msg(p.oversubscribed == cases[k].over, "n=%d cpr=%d", cases[k].n, cases[k].cpr);
        mpr_plan_fini(&p);
    }
    /* 32 ranks fill the 32 PUs, so not oversubscribed, yet ranks 0 and 16 share core 0. */
    struct mpr_plan p;
    build(t, 32, MPR_LEVEL_CORE, MPR_LEVEL_CORE, 1, &p);
    ck_assert(hwloc_bitmap_isequal(p.ranks[0].cpuset, p.ranks[16].cpuset));
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);
}
END_TEST

START_TEST(test_two_cores_wrap)
{
    hwloc_topology_t t = load("core:2 pu:1");
    struct mpr_plan p;
    build(t, 8, MPR_LEVEL_CORE, MPR_LEVEL_CORE, 1, &p);
    ck_assert_str_eq(joined(&p), "0|1|0|1|0|1|0|1");
    ck_assert_int_eq(p.ncores, 2);
    ck_assert_int_eq(p.npus, 2);
    ck_assert_int_eq(p.oversubscribed, 1);
    for (int r = 0; r < 8; r++) {
        ck_assert_int_eq(p.ranks[r].core, r % 2);
        ck_assert_int_eq(p.ranks[r].package, -1);
        ck_assert_int_eq(p.ranks[r].numa, 0);
    }
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);
}
END_TEST

START_TEST(test_l3)
{
    expect("pack:1 l3:2 core:2 pu:1", 4, MPR_LEVEL_L3CACHE, MPR_LEVEL_CORE, 1, "0|2|1|3");
    expect("pack:1 l3:2 core:2 pu:1", 4, MPR_LEVEL_CORE, MPR_LEVEL_L3CACHE, 1, "0-1|0-1|2-3|2-3");
    expect("pack:1 l3:2 core:2 pu:1", 4, MPR_LEVEL_L3CACHE, MPR_LEVEL_L3CACHE, 1,
           "0-1|2-3|0-1|2-3");
    expect_error("pack:1 l3:2 core:2 pu:1", 1, MPR_LEVEL_L3CACHE, 3,
                 "--cpus-per-rank 3: no l3cache has that many cores (at most 2); use --map-by "
                 "core or fewer cpus per rank");
}
END_TEST

START_TEST(test_no_l3)
{
    /* No L3: packages stand in (tighter than the one machine-wide NUMA node). */
    expect("pack:2 core:2 pu:1", 4, MPR_LEVEL_L3CACHE, MPR_LEVEL_CORE, 1, "0|2|1|3");
    expect("pack:2 core:2 pu:1", 4, MPR_LEVEL_CORE, MPR_LEVEL_L3CACHE, 1, "0-1|0-1|2-3|2-3");
    /* No L3 and no package: the NUMA node (here the machine). */
    expect("core:2 pu:1", 3, MPR_LEVEL_L3CACHE, MPR_LEVEL_CORE, 1, "0|1|0");
    expect("core:2 pu:1", 3, MPR_LEVEL_L3CACHE, MPR_LEVEL_L3CACHE, 1, "0-1|0-1|0-1");
    /* No package: the machine. */
    expect("core:2 pu:1", 3, MPR_LEVEL_SOCKET, MPR_LEVEL_SOCKET, 1, "0-1|0-1|0-1");
    /* NUMA inside packages, no L3: NUMA nodes are tighter. */
    expect(BIG, 4, MPR_LEVEL_L3CACHE, MPR_LEVEL_L3CACHE, 1, "0-7|8-15|16-23|24-31");
}
END_TEST

/* BIG restricted to PUs 0-3,8-9 (as under taskset): cores 0, 1 (NUMA 0) and 4 (NUMA 1). */
static hwloc_topology_t load_restricted(void)
{
    hwloc_topology_t t = load(BIG);
    hwloc_bitmap_t set = hwloc_bitmap_alloc();
    ck_assert_int_eq(hwloc_bitmap_list_sscanf(set, "0-3,8-9"), 0);
    ck_assert_int_eq(hwloc_topology_restrict(t, set, 0), 0);
    hwloc_bitmap_free(set);
    return t;
}

START_TEST(test_restricted)
{
    hwloc_topology_t t = load_restricted();
    struct mpr_plan p;
    build(t, 3, MPR_LEVEL_CORE, MPR_LEVEL_CORE, 1, &p);
    ck_assert_str_eq(joined(&p), "0-1|2-3|8-9");
    ck_assert_int_eq(p.ncores, 3);
    ck_assert_int_eq(p.npus, 6);
    ck_assert_int_eq(p.oversubscribed, 0);
    ck_assert_int_eq(p.ranks[2].core, 2);
    ck_assert_int_eq(p.ranks[2].numa, 1);
    mpr_plan_fini(&p);
    /* Uneven objects: NUMA 1 is full after one rank, NUMA 0 takes the next; then all start over. */
    build(t, 5, MPR_LEVEL_NUMA, MPR_LEVEL_CORE, 1, &p);
    ck_assert_str_eq(joined(&p), "0-1|8-9|2-3|0-1|8-9");
    mpr_plan_fini(&p);
    build(t, 3, MPR_LEVEL_CORE, MPR_LEVEL_NUMA, 1, &p);
    ck_assert_str_eq(joined(&p), "0-3|0-3|8-9");
    mpr_plan_fini(&p);
    build(t, 2, MPR_LEVEL_CORE, MPR_LEVEL_SOCKET, 1, &p);
    ck_assert_str_eq(joined(&p), "0-3,8-9|0-3,8-9");
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);
}
END_TEST

static char *report(const struct mpr_plan *p)
{
    static char out[4096];
    FILE *f = fmemopen(out, sizeof(out), "w");
    ck_assert_ptr_nonnull(f);
    mpr_plan_report(p, f);
    fclose(f);
    return out;
}

START_TEST(test_report)
{
    hwloc_topology_t t = load(BIG);
    struct mpr_plan p;
    build(t, 4, MPR_LEVEL_NUMA, MPR_LEVEL_CORE, 1, &p);
    ck_assert_str_eq(report(&p),
                     "mplaunch: rank 0 bound to PUs 0-1 (core 0, package 0, numa 0)\n"
                     "mplaunch: rank 1 bound to PUs 8-9 (core 4, package 0, numa 1)\n"
                     "mplaunch: rank 2 bound to PUs 16-17 (core 8, package 1, numa 2)\n"
                     "mplaunch: rank 3 bound to PUs 24-25 (core 12, package 1, numa 3)\n");
    mpr_plan_fini(&p);
    build(t, 2, MPR_LEVEL_CORE, MPR_LEVEL_NONE, 1, &p);
    ck_assert_str_eq(report(&p), "mplaunch: rank 0 not bound\nmplaunch: rank 1 not bound\n");
    mpr_plan_fini(&p);
    build(t, 2, MPR_LEVEL_CORE, MPR_LEVEL_CORE, 3, &p);
    ck_assert_str_eq(report(&p),
                     "mplaunch: rank 0 bound to PUs 0-5 (core 0, package 0, numa 0)\n"
                     "mplaunch: rank 1 bound to PUs 6-11 (core 3, package 0, numa 0)\n");
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);

    t = load_restricted();
    build(t, 1, MPR_LEVEL_CORE, MPR_LEVEL_SOCKET, 1, &p);
    ck_assert_str_eq(report(&p),
                     "mplaunch: rank 0 bound to PUs 0-3,8-9 (core 0, package 0, numa 0)\n");
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);

    t = load("core:2 pu:1");
    build(t, 1, MPR_LEVEL_CORE, MPR_LEVEL_CORE, 1, &p);
    ck_assert_str_eq(report(&p), "mplaunch: rank 0 bound to PUs 0 (core 0, package -1, numa 0)\n");
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);
}
END_TEST

START_TEST(test_cpulist)
{
    hwloc_topology_t t = load(BIG);
    struct mpr_plan p;
    char buf[16];
    build(t, 2, MPR_LEVEL_CORE, MPR_LEVEL_SOCKET, 1, &p);
    ck_assert_int_eq(mpr_plan_cpulist(&p, 1, buf, sizeof(buf)), 0);
    ck_assert_str_eq(buf, "0-15");
    ck_assert_int_eq(mpr_plan_cpulist(&p, 1, buf, 4), -1);
    ck_assert_int_eq(mpr_plan_cpulist(&p, 1, buf, 5), 0);
    ck_assert_int_eq(mpr_plan_cpulist(&p, 2, buf, sizeof(buf)), -1);
    ck_assert_int_eq(mpr_plan_cpulist(&p, -1, buf, sizeof(buf)), -1);
    mpr_plan_fini(&p);
    build(t, 1, MPR_LEVEL_CORE, MPR_LEVEL_NONE, 1, &p);
    strcpy(buf, "junk");
    ck_assert_int_eq(mpr_plan_cpulist(&p, 0, buf, sizeof(buf)), 0);
    ck_assert_str_eq(buf, "");
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);
}
END_TEST

START_TEST(test_bad_synthetic)
{
    hwloc_topology_t t;
    char err[256] = "";
    ck_assert_int_eq(mpr_topo_load_synthetic("bogus:3", &t, err, sizeof(err)), -1);
    ck_assert_str_eq(err, "invalid synthetic topology 'bogus:3'");
}
END_TEST

static hwloc_bitmap_t affinity(void)
{
    cpu_set_t mask;
    hwloc_bitmap_t set = hwloc_bitmap_alloc();
    ck_assert_int_eq(sched_getaffinity(0, sizeof(mask), &mask), 0);
    for (int c = 0; c < CPU_SETSIZE; c++) {
        if (CPU_ISSET(c, &mask)) {
            hwloc_bitmap_set(set, (unsigned)c);
        }
    }
    return set;
}

START_TEST(test_real_machine)
{
    static const enum mpr_level binds[] = {MPR_LEVEL_CORE, MPR_LEVEL_L3CACHE, MPR_LEVEL_NUMA,
                                           MPR_LEVEL_SOCKET};
    hwloc_topology_t t;
    char err[256] = "";
    ck_assert_msg(mpr_topo_load(&t, err, sizeof(err)) == 0, "%s", err);
    hwloc_bitmap_t allowed = affinity();
    for (size_t b = 0; b < sizeof(binds) / sizeof(binds[0]); b++) {
        struct mpr_plan p;
        build(t, 5, (enum mpr_level)(b + 1), binds[b], 1, &p);
        ck_assert_int_ge(p.ncores, 1);
        ck_assert_int_ge(p.npus, p.ncores);
        ck_assert_int_eq(p.npus, hwloc_bitmap_weight(allowed));
        for (int r = 0; r < p.nranks; r++) {
            ck_assert(!hwloc_bitmap_iszero(p.ranks[r].cpuset));
            ck_assert(hwloc_bitmap_isincluded(p.ranks[r].cpuset, allowed));
            ck_assert_int_ge(p.ranks[r].core, 0);
            ck_assert_int_lt(p.ranks[r].core, p.ncores);
        }
        mpr_plan_fini(&p);
    }
    hwloc_bitmap_free(allowed);
    hwloc_topology_destroy(t);
}
END_TEST

/* Check runs each test in its own process, so narrowing the affinity here stays here. */
START_TEST(test_real_machine_affinity)
{
    hwloc_bitmap_t allowed = affinity();
    cpu_set_t one;
    hwloc_topology_t t;
    char err[256] = "";
    int first = hwloc_bitmap_first(allowed);
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    ck_assert_int_eq(sched_setaffinity(0, sizeof(one), &one), 0);
    ck_assert_msg(mpr_topo_load(&t, err, sizeof(err)) == 0, "%s", err);
    struct mpr_plan p;
    build(t, 2, MPR_LEVEL_CORE, MPR_LEVEL_SOCKET, 1, &p);
    ck_assert_int_eq(p.npus, 1);
    ck_assert_int_eq(p.ncores, 1);
    ck_assert_int_eq(hwloc_bitmap_first(p.ranks[1].cpuset), first);
    ck_assert_int_eq(hwloc_bitmap_weight(p.ranks[1].cpuset), 1);
    mpr_plan_fini(&p);
    hwloc_topology_destroy(t);
    hwloc_bitmap_free(allowed);
}
END_TEST

static Suite *plan_suite(void)
{
    Suite *s = suite_create("plan");
    TCase *syn = tcase_create("synthetic");
    tcase_add_loop_test(syn, test_big_matrix, 0, (int)(sizeof(big16) / sizeof(big16[0])));
    tcase_add_test(syn, test_big_explicit_small);
    tcase_add_test(syn, test_big_fields);
    tcase_add_test(syn, test_cpus_per_rank);
    tcase_add_test(syn, test_errors);
    tcase_add_test(syn, test_oversubscribed);
    tcase_add_test(syn, test_two_cores_wrap);
    tcase_add_test(syn, test_l3);
    tcase_add_test(syn, test_no_l3);
    tcase_add_test(syn, test_restricted);
    tcase_add_test(syn, test_report);
    tcase_add_test(syn, test_cpulist);
    tcase_add_test(syn, test_bad_synthetic);
    suite_add_tcase(s, syn);
    TCase *real = tcase_create("real");
    tcase_add_test(real, test_real_machine);
    tcase_add_test(real, test_real_machine_affinity);
    suite_add_tcase(s, real);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(plan_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
