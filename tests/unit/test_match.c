/* Matching queues (runtime/pt2pt/match.c) and the CMA helpers (transport/shm/shm_cma.c). */
#include "core/errcode.h"
#include "core/param.h"
#include "pt2pt/match.h"
#include "transport/shm/shm_cma.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static struct mpr_request *posted(int src, int tag)
{
    struct mpr_request *r = calloc(1, sizeof(*r));

    r->rank = src;
    r->tag = tag;
    return r;
}

static struct mpr_unexp *arrived(int src, int tag, uint64_t id)
{
    struct mpr_unexp *u = calloc(1, sizeof(*u));

    u->hdr.kind = MPR_MSG_EAGER;
    u->hdr.src = src;
    u->hdr.tag = tag;
    u->sreq = id;
    return u;
}

/* A fresh context per test, so tests do not see each other's leftovers. */
static uint32_t next_ctx = 100;

START_TEST(test_posted_order_and_wildcards)
{
    struct mpr_match_queues *q = mpr_match_queues(next_ctx++);
    struct mpr_request *a = posted(1, 5), *b = posted(MPI_ANY_SOURCE, 5),
                       *c = posted(2, MPI_ANY_TAG), *d = posted(MPI_ANY_SOURCE, MPI_ANY_TAG);

    ck_assert_ptr_nonnull(q);
    mpr_match_post(q, a);
    mpr_match_post(q, b);
    mpr_match_post(q, c);
    mpr_match_post(q, d);
    /* first posted that accepts wins */
    ck_assert_ptr_eq(mpr_match_take_posted(q, 2, 5), b);
    ck_assert_ptr_eq(mpr_match_take_posted(q, 1, 5), a);
    ck_assert_ptr_eq(mpr_match_take_posted(q, 1, 5), d);
    ck_assert_ptr_null(mpr_match_take_posted(q, 1, 5));
    ck_assert_ptr_eq(mpr_match_take_posted(q, 2, 99), c);
    ck_assert_ptr_null(q->posted);
    ck_assert_ptr_null(q->posted_tail);
    free(a);
    free(b);
    free(c);
    free(d);
}
END_TEST

START_TEST(test_unexpected_order)
{
    struct mpr_match_queues *q = mpr_match_queues(next_ctx++);
    struct mpr_unexp *u;

    for (uint64_t i = 0; i < 6; i++) {
        mpr_match_add_unexp(q, arrived((int)(i % 2), (int)(i % 3), i));
    }
    /* src 1 tag 1: i = 1 only (i % 2 == 1 and i % 3 == 1) */
    u = mpr_match_find_unexp(q, 1, 1, 0);
    ck_assert_uint_eq(u->sreq, 1);
    ck_assert_ptr_eq(mpr_match_find_unexp(q, 1, 1, 0), u); /* peek does not take */
    /* wildcards take in arrival order */
    for (uint64_t want = 0; want < 6; want++) {
        u = mpr_match_find_unexp(q, MPI_ANY_SOURCE, MPI_ANY_TAG, 1);
        ck_assert_ptr_nonnull(u);
        ck_assert_uint_eq(u->sreq, want);
        mpr_match_free_unexp(u);
    }
    ck_assert_ptr_null(mpr_match_find_unexp(q, MPI_ANY_SOURCE, MPI_ANY_TAG, 1));
    ck_assert_ptr_null(q->unexp_tail);
}
END_TEST

/* Non-overtaking: per (source, tag) the earliest arrival is always taken first. */
START_TEST(test_unexpected_per_tag_order)
{
    struct mpr_match_queues *q = mpr_match_queues(next_ctx++);

    for (uint64_t i = 0; i < 300; i++) {
        mpr_match_add_unexp(q, arrived((int)(i % 3), (int)(i % 5), i));
    }
    for (int src = 0; src < 3; src++) {
        for (int tag = 0; tag < 5; tag++) {
            uint64_t last = 0;
            int first = 1;
            struct mpr_unexp *u;
            while ((u = mpr_match_find_unexp(q, src, tag, 1)) != NULL) {
                ck_assert_int_eq(u->hdr.src, src);
                ck_assert_int_eq(u->hdr.tag, tag);
                ck_assert(first || u->sreq > last);
                last = u->sreq;
                first = 0;
                mpr_match_free_unexp(u);
            }
        }
    }
    ck_assert_ptr_null(q->unexp);
}
END_TEST

START_TEST(test_unpost)
{
    struct mpr_match_queues *q = mpr_match_queues(next_ctx++);
    struct mpr_request *a = posted(0, 1), *b = posted(0, 1), *c = posted(0, 1);

    mpr_match_post(q, a);
    mpr_match_post(q, b);
    mpr_match_post(q, c);
    ck_assert_int_eq(mpr_match_unpost(q, c), 1);
    ck_assert_ptr_eq(q->posted_tail, b);
    ck_assert_int_eq(mpr_match_unpost(q, c), 0);
    ck_assert_int_eq(mpr_match_unpost(q, a), 1);
    ck_assert_ptr_eq(mpr_match_take_posted(q, 0, 1), b);
    ck_assert_ptr_null(q->posted);
    free(a);
    free(b);
    free(c);
}
END_TEST

/* Contexts far apart grow the table and keep earlier queues. */
START_TEST(test_contexts)
{
    struct mpr_match_queues *q1 = mpr_match_queues(3), *q2 = mpr_match_queues(5000);

    ck_assert_ptr_nonnull(q1);
    ck_assert_ptr_nonnull(q2);
    ck_assert_ptr_ne(q1, q2);
    ck_assert_ptr_eq(mpr_match_queues(3), q1);
}
END_TEST

START_TEST(test_cma_read)
{
    static uint64_t word = 0x1122334455667788ull;
    struct mpr_shm_ctl ctl;
    uint64_t got = 0;
    char *big = malloc(3 << 20), *copy = malloc(3 << 20);

    memset(&ctl, 0, sizeof(ctl));
    atomic_store(&ctl.pid, (uint32_t)getpid());
    ck_assert_int_eq(mpr_shm_cma_read(&ctl, &got, (uint64_t)(uintptr_t)&word, sizeof(got)), 0);
    ck_assert_uint_eq(got, word);
    for (size_t i = 0; i < (3u << 20); i++) {
        big[i] = (char)(i * 131);
    }
    ck_assert_int_eq(mpr_shm_cma_read(&ctl, copy, (uint64_t)(uintptr_t)big, 3 << 20), 0);
    ck_assert_int_eq(memcmp(big, copy, 3 << 20), 0);
    /* an address that is not mapped in the peer fails cleanly */
    ck_assert_int_eq(mpr_shm_cma_read(&ctl, &got, 8, sizeof(got)), -MPR_ERR_IO);
    free(big);
    free(copy);
}
END_TEST

/* One rank (a singleton's view): the probe reads its own word; MPR_SHM_CMA=0 turns it off. */
START_TEST(test_cma_selection)
{
    size_t len = 4096;
    void *seg = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

    ck_assert_ptr_ne(seg, MAP_FAILED);
    mpr_seg_format(seg, 1, 0);
    unsetenv("MPR_SHM_CMA");
    mpr_params_read();
    ck_assert_int_eq(mpr_shm_cma_setup(seg, 0, 1), 0);
    ck_assert_int_eq(mpr_shm_cma_enabled(), 1);
    setenv("MPR_SHM_CMA", "0", 1);
    mpr_params_read();
    ck_assert_int_eq(mpr_shm_cma_setup(seg, 0, 1), 0);
    ck_assert_int_eq(mpr_shm_cma_enabled(), 0);
    unsetenv("MPR_SHM_CMA");
    munmap(seg, len);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("match");
    TCase *tc = tcase_create("core");
    SRunner *sr;
    int failed;

    tcase_add_test(tc, test_posted_order_and_wildcards);
    tcase_add_test(tc, test_unexpected_order);
    tcase_add_test(tc, test_unexpected_per_tag_order);
    tcase_add_test(tc, test_unpost);
    tcase_add_test(tc, test_contexts);
    tcase_add_test(tc, test_cma_read);
    tcase_add_test(tc, test_cma_selection);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
