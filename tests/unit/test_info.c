/*
 * Info objects (runtime/core/info.c, info_env.c): random sets, replacements and deletes against a
 * reference list, insertion order, dup independence, the longest key and value, and MPI_INFO_ENV.
 */
#include "core/errcode.h"
#include "core/info.h"
#include "core/state.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POOL 24 /* distinct keys the random operations draw from */

/* The reference: keys in insertion order with their values. */
struct ref {
    int n;
    char key[POOL][16];
    char value[POOL][32];
};

static uint64_t rng_state;

static unsigned rnd(unsigned bound)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % bound);
}

static int ref_find(const struct ref *r, const char *key)
{
    for (int i = 0; i < r->n; i++) {
        if (strcmp(r->key[i], key) == 0) {
            return i;
        }
    }
    return -1;
}

static void ref_set(struct ref *r, const char *key, const char *value)
{
    int i = ref_find(r, key);

    if (i < 0) {
        i = r->n++;
        snprintf(r->key[i], sizeof(r->key[i]), "%s", key);
    }
    snprintf(r->value[i], sizeof(r->value[i]), "%s", value);
}

static int ref_delete(struct ref *r, const char *key)
{
    int i = ref_find(r, key);

    if (i < 0) {
        return -1;
    }
    for (; i + 1 < r->n; i++) {
        memcpy(r->key[i], r->key[i + 1], sizeof(r->key[i]));
        memcpy(r->value[i], r->value[i + 1], sizeof(r->value[i]));
    }
    r->n--;
    return 0;
}

static void assert_same(const struct mpr_info *info, const struct ref *r)
{
    ck_assert(mpr_info_valid(info));
    ck_assert_int_eq(info->nkeys, r->n);
    for (int i = 0; i < r->n; i++) {
        ck_assert_str_eq(mpr_info_nthkey(info, i), r->key[i]);
        ck_assert_str_eq(mpr_info_get(info, r->key[i]), r->value[i]);
    }
}

START_TEST(test_random_ops)
{
    for (uint64_t seed = 1; seed <= 200; seed++) {
        struct ref r = {0};
        struct mpr_info *info;

        rng_state = seed * 0x9e3779b97f4a7c15ull + 1;
        ck_assert_int_eq(mpr_info_create(&info), 0);
        assert_same(info, &r);
        for (int op = 0; op < 200; op++) {
            char key[16], value[32];
            const char *got;

            snprintf(key, sizeof(key), "key%u", rnd(POOL));
            snprintf(value, sizeof(value), "v%u-%d", rnd(1000), op);
            switch (rnd(3)) {
            case 0:
                ck_assert_int_eq(mpr_info_set(info, key, value), 0);
                ref_set(&r, key, value);
                break;
            case 1:
                ck_assert_int_eq(mpr_info_delete(info, key),
                                 ref_delete(&r, key) == 0 ? 0 : -MPR_ERR_NOENT);
                break;
            default:
                got = mpr_info_get(info, key);
                if (ref_find(&r, key) < 0) {
                    ck_assert_ptr_null(got);
                } else {
                    ck_assert_str_eq(got, r.value[ref_find(&r, key)]);
                }
            }
            assert_same(info, &r);
        }
        mpr_info_release(info);
    }
}
END_TEST

START_TEST(test_replace_keeps_place)
{
    struct mpr_info *info;

    ck_assert_int_eq(mpr_info_create(&info), 0);
    ck_assert_int_eq(mpr_info_set(info, "a", "1"), 0);
    ck_assert_int_eq(mpr_info_set(info, "b", "2"), 0);
    ck_assert_int_eq(mpr_info_set(info, "c", "3"), 0);
    ck_assert_int_eq(mpr_info_set(info, "a", "one"), 0);
    ck_assert_int_eq(info->nkeys, 3);
    ck_assert_str_eq(mpr_info_nthkey(info, 0), "a");
    ck_assert_str_eq(mpr_info_get(info, "a"), "one");
    /* keys are case sensitive */
    ck_assert_ptr_null(mpr_info_get(info, "A"));
    ck_assert_int_eq(mpr_info_delete(info, "b"), 0);
    ck_assert_str_eq(mpr_info_nthkey(info, 1), "c");
    ck_assert_int_eq(mpr_info_delete(info, "b"), -MPR_ERR_NOENT);
    /* an empty value is a value */
    ck_assert_int_eq(mpr_info_set(info, "e", ""), 0);
    ck_assert_str_eq(mpr_info_get(info, "e"), "");
    mpr_info_release(info);
}
END_TEST

START_TEST(test_dup_independent)
{
    struct mpr_info *a, *b;

    ck_assert_int_eq(mpr_info_create(&a), 0);
    for (int i = 0; i < 40; i++) { /* past the first growth of the entry array */
        char k[8];

        snprintf(k, sizeof(k), "k%d", i);
        ck_assert_int_eq(mpr_info_set(a, k, k), 0);
    }
    ck_assert_int_eq(mpr_info_dup(a, &b), 0);
    ck_assert_ptr_ne(a, b);
    ck_assert_int_eq(b->nkeys, 40);
    for (int i = 0; i < 40; i++) {
        ck_assert_str_eq(mpr_info_nthkey(b, i), mpr_info_nthkey(a, i));
        ck_assert_ptr_ne(mpr_info_nthkey(b, i), mpr_info_nthkey(a, i));
    }
    ck_assert_int_eq(mpr_info_set(b, "k0", "changed"), 0);
    ck_assert_int_eq(mpr_info_delete(b, "k1"), 0);
    ck_assert_str_eq(mpr_info_get(a, "k0"), "k0");
    ck_assert_str_eq(mpr_info_get(a, "k1"), "k1");
    mpr_info_release(a);
    ck_assert_str_eq(mpr_info_get(b, "k0"), "changed");
    ck_assert_int_eq(b->nkeys, 39);
    mpr_info_release(b);
}
END_TEST

START_TEST(test_longest)
{
    char key[MPI_MAX_INFO_KEY], value[MPI_MAX_INFO_VAL];
    struct mpr_info *info;

    memset(key, 'k', sizeof(key) - 1);
    key[sizeof(key) - 1] = '\0';
    memset(value, 'v', sizeof(value) - 1);
    value[sizeof(value) - 1] = '\0';
    ck_assert_int_eq(mpr_info_create(&info), 0);
    ck_assert_int_eq(mpr_info_set(info, key, value), 0);
    ck_assert_str_eq(mpr_info_get(info, key), value);
    ck_assert_int_eq(strlen(mpr_info_nthkey(info, 0)), MPI_MAX_INFO_KEY - 1);
    mpr_info_release(info);
}
END_TEST

START_TEST(test_refcount)
{
    struct mpr_info *info, *env = &mpr_mpi_info_env;

    ck_assert_int_eq(mpr_info_create(&info), 0);
    mpr_info_retain(info);
    mpr_info_release(info);
    ck_assert(mpr_info_valid(info));
    mpr_info_release(info);
    mpr_info_retain(env);
    mpr_info_release(env);
    mpr_info_release(env);
    ck_assert_int_eq(env->refcount, 1);
    ck_assert(mpr_info_valid(env));
    ck_assert(!mpr_info_valid(NULL));
}
END_TEST

/* MPI_INFO_ENV from the process state and the command line, filled once. */
START_TEST(test_env)
{
    struct mpr_info *env = &mpr_mpi_info_env;
    const char *cmd;

    mpr_state.size = 6;
    mpr_state.thread_level = MPI_THREAD_FUNNELED;
    snprintf(mpr_state.hostname, sizeof(mpr_state.hostname), "%s", "node-a");
    mpr_info_env_load();
    ck_assert_str_eq(mpr_info_get(env, "maxprocs"), "6");
    ck_assert_str_eq(mpr_info_get(env, "host"), "node-a");
    ck_assert_str_eq(mpr_info_get(env, "thread_level"), "MPI_THREAD_FUNNELED");
    ck_assert_ptr_nonnull(mpr_info_get(env, "arch"));
    cmd = mpr_info_get(env, "command");
    ck_assert_ptr_nonnull(cmd);
    ck_assert_ptr_nonnull(strstr(cmd, "test_info"));
    ck_assert_ptr_null(mpr_info_get(env, "argv")); /* run without arguments */
    /* a second load changes nothing */
    mpr_state.size = 7;
    mpr_info_env_load();
    ck_assert_str_eq(mpr_info_get(env, "maxprocs"), "6");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("info");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, test_random_ops);
    tcase_add_test(tc, test_replace_keeps_place);
    tcase_add_test(tc, test_dup_independent);
    tcase_add_test(tc, test_longest);
    tcase_add_test(tc, test_refcount);
    tcase_add_test(tc, test_env);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
