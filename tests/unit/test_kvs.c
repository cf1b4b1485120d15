/* Unit tests for the bootstrap key-value store (launcher/kvs.c). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/errcode.h"
#include "kvs.h"

static void expect_value(const struct mpr_kvs *kvs, int rank, const char *key, const void *want,
                         uint32_t want_len)
{
    const void *val = NULL;
    uint32_t vlen = 0;

    ck_assert_int_eq(mpr_kvs_get(kvs, rank, key, &val, &vlen), 0);
    ck_assert_uint_eq(vlen, want_len);
    ck_assert_ptr_nonnull(val);
    ck_assert_int_eq(memcmp(val, want, want_len), 0);
}

START_TEST(test_put_get)
{
    struct mpr_kvs *kvs = mpr_kvs_create(4);

    ck_assert_ptr_nonnull(kvs);
    ck_assert_int_eq(mpr_kvs_put(kvs, 2, "addr", "hello", 5), 0);
    expect_value(kvs, 2, "addr", "hello", 5);
    ck_assert_uint_eq(mpr_kvs_count(kvs), 1);
    mpr_kvs_destroy(kvs);
}
END_TEST

START_TEST(test_replace)
{
    struct mpr_kvs *kvs = mpr_kvs_create(2);
    char longer[300];

    memset(longer, 'x', sizeof(longer));
    ck_assert_int_eq(mpr_kvs_put(kvs, 0, "k", "one", 3), 0);
    ck_assert_int_eq(mpr_kvs_put(kvs, 0, "k", longer, sizeof(longer)), 0);
    expect_value(kvs, 0, "k", longer, sizeof(longer));
    ck_assert_int_eq(mpr_kvs_put(kvs, 0, "k", "2", 1), 0);
    expect_value(kvs, 0, "k", "2", 1);
    ck_assert_uint_eq(mpr_kvs_count(kvs), 1);
    mpr_kvs_destroy(kvs);
}
END_TEST

START_TEST(test_missing)
{
    struct mpr_kvs *kvs = mpr_kvs_create(3);
    const void *val = (const void *)&val;
    uint32_t vlen = 77;

    ck_assert_int_eq(mpr_kvs_get(kvs, 0, "none", &val, &vlen), -MPR_ERR_NOENT);
    ck_assert_int_eq(mpr_kvs_put(kvs, 1, "key", "v", 1), 0);
    /* Same key, other rank; same rank, other key; a prefix of the key. */
    ck_assert_int_eq(mpr_kvs_get(kvs, 0, "key", &val, &vlen), -MPR_ERR_NOENT);
    ck_assert_int_eq(mpr_kvs_get(kvs, 1, "kez", &val, &vlen), -MPR_ERR_NOENT);
    ck_assert_int_eq(mpr_kvs_get(kvs, 1, "ke", &val, &vlen), -MPR_ERR_NOENT);
    /* Outputs are untouched on failure. */
    ck_assert_ptr_eq(val, (const void *)&val);
    ck_assert_uint_eq(vlen, 77);
    mpr_kvs_destroy(kvs);
}
END_TEST

START_TEST(test_bad_args)
{
    struct mpr_kvs *kvs = mpr_kvs_create(4);
    const void *val;
    uint32_t vlen;

    ck_assert_ptr_null(mpr_kvs_create(0));
    ck_assert_ptr_null(mpr_kvs_create(-1));
    ck_assert_int_eq(mpr_kvs_put(kvs, 4, "k", "v", 1), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_kvs_put(kvs, -1, "k", "v", 1), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_kvs_put(kvs, 0, "", "v", 1), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_kvs_put(kvs, 0, NULL, "v", 1), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_kvs_put(kvs, 0, "k", NULL, 1), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_kvs_get(kvs, 4, "k", &val, &vlen), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_kvs_get(kvs, -1, "k", &val, &vlen), -MPR_ERR_ARG);
    ck_assert_uint_eq(mpr_kvs_count(kvs), 0);
    mpr_kvs_destroy(kvs);
    mpr_kvs_destroy(NULL);
}
END_TEST

START_TEST(test_binary_and_empty_values)
{
    struct mpr_kvs *kvs = mpr_kvs_create(1);
    unsigned char bin[256];
    const void *val = NULL;
    uint32_t vlen = 1;

    for (size_t i = 0; i < sizeof(bin); i++) {
        bin[i] = (unsigned char)(255 - i); /* includes NUL bytes and 0xff */
    }
    ck_assert_int_eq(mpr_kvs_put(kvs, 0, "bin", bin, sizeof(bin)), 0);
    expect_value(kvs, 0, "bin", bin, sizeof(bin));
    ck_assert_int_eq(mpr_kvs_put(kvs, 0, "empty", NULL, 0), 0);
    ck_assert_int_eq(mpr_kvs_get(kvs, 0, "empty", &val, &vlen), 0);
    ck_assert_ptr_nonnull(val);
    ck_assert_uint_eq(vlen, 0);
    mpr_kvs_destroy(kvs);
}
END_TEST

/* 1024 ranks x 8 keys: forces several rehashes, then every pair must still be found. */
START_TEST(test_many)
{
    enum { RANKS = 1024, KEYS = 8 };
    struct mpr_kvs *kvs = mpr_kvs_create(RANKS);
    char key[32], val[64];

    for (int pass = 0; pass < 2; pass++) {
        for (int r = 0; r < RANKS; r++) {
            for (int k = 0; k < KEYS; k++) {
                int n = snprintf(val, sizeof(val), "v%d:%d:%d", pass, r, k);

                snprintf(key, sizeof(key), "key-%d", k);
                ck_assert_int_eq(mpr_kvs_put(kvs, r, key, val, (uint32_t)n), 0);
            }
        }
    }
    ck_assert_uint_eq(mpr_kvs_count(kvs), RANKS * KEYS);
    for (int r = 0; r < RANKS; r++) {
        for (int k = 0; k < KEYS; k++) {
            int n = snprintf(val, sizeof(val), "v1:%d:%d", r, k);

            snprintf(key, sizeof(key), "key-%d", k);
            expect_value(kvs, r, key, val, (uint32_t)n);
        }
    }
    mpr_kvs_destroy(kvs);
}
END_TEST

/* A key longer than the wire limit is still a valid store key: the store sets no limit. */
START_TEST(test_long_key)
{
    struct mpr_kvs *kvs = mpr_kvs_create(1);
    char key[1000];

    memset(key, 'k', sizeof(key) - 1);
    key[sizeof(key) - 1] = '\0';
    ck_assert_int_eq(mpr_kvs_put(kvs, 0, key, "v", 1), 0);
    expect_value(kvs, 0, key, "v", 1);
    mpr_kvs_destroy(kvs);
}
END_TEST

static Suite *kvs_suite(void)
{
    Suite *s = suite_create("kvs");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_put_get);
    tcase_add_test(tc, test_replace);
    tcase_add_test(tc, test_missing);
    tcase_add_test(tc, test_bad_args);
    tcase_add_test(tc, test_binary_and_empty_values);
    tcase_add_test(tc, test_many);
    tcase_add_test(tc, test_long_key);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(kvs_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
