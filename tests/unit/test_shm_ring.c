/*
 * Unit tests for the SPSC shared-memory ring (runtime/transport/shm/shm_ring.c).
 * Hot loops check with `if (...) ck_abort_msg()`: every ck_assert writes a mark point to Check's
 * pipe, which would dominate the cost of a ring operation.
 * With MPR_RING_BENCH=1 the suite also measures ping-pong latency and streaming throughput
 * between two pinned processes and prints them (not asserted).
 */
#include <check.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "transport/shm/shm_ring.h"

enum { SMALL = 4096, LINE = MPR_SHM_RING_LINE };

struct ring_mem {
    void *mem;
    size_t size;
};

static struct ring_mem ring_alloc(size_t size)
{
    struct ring_mem m = {aligned_alloc(LINE, mpr_shm_ring_footprint(size)), size};

    ck_assert_ptr_nonnull(m.mem);
    memset(m.mem, 0xa5, mpr_shm_ring_footprint(size)); /* format must clear stale bytes */
    mpr_shm_ring_format(m.mem, size);
    return m;
}

static uint64_t rng_next(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Body word k of record `seq`: word 0 is the sequence number itself. */
static uint64_t body_word(uint64_t seq, uint64_t k)
{
    return k == 0 ? seq : (seq * 0x9e3779b97f4a7c15ull) ^ (k * 0xd6e8feb86659fd93ull);
}

static void body_fill(void *body, uint32_t len, uint64_t seq)
{
    unsigned char *p = body;
    uint64_t k, w;

    for (k = 0; (k + 1) * 8 <= len; k++) {
        w = body_word(seq, k);
        memcpy(p + k * 8, &w, 8);
    }
    w = body_word(seq, k);
    memcpy(p + k * 8, &w, len - k * 8);
}

/* 1 if `body` holds exactly what body_fill(len, seq) wrote. */
static int body_ok(const void *body, uint32_t len, uint64_t seq)
{
    const unsigned char *p = body;
    uint64_t k, w, got = 0;

    for (k = 0; (k + 1) * 8 <= len; k++) {
        w = body_word(seq, k);
        if (memcmp(p + k * 8, &w, 8) != 0) {
            return 0;
        }
    }
    w = body_word(seq, k);
    memcpy(&got, p + k * 8, len - k * 8);
    return memcmp(&got, &w, len - k * 8) == 0;
}

/* The stamp that follows `n` stamps after `s`, skipping 0. */
static uint32_t seq_after(uint32_t s, uint64_t n)
{
    while (n-- > 0) {
        s = s == UINT32_MAX ? 1 : s + 1;
    }
    return s;
}

START_TEST(test_format_and_empty)
{
    struct ring_mem m = ring_alloc(SMALL);
    struct mpr_shm_ring_ctl *ctl = m.mem;
    struct mpr_shm_ring_rx r;
    uint32_t len = 77;

    ck_assert_uint_eq(mpr_shm_ring_footprint(SMALL), 4160);
    ck_assert_uint_eq(mpr_shm_ring_max_body(SMALL), 1976);
    ck_assert_uint_eq(mpr_shm_ring_max_body(65536), 32696);
    ck_assert_uint_eq(mpr_shm_ring_max_body(1ull << 40), (1ull << 31) - 72);
    ck_assert_uint_eq(atomic_load(&ctl->consumed), 0);
    ck_assert_uint_eq(ctl->size, SMALL);
    for (size_t i = sizeof(*ctl); i < mpr_shm_ring_footprint(SMALL); i++) {
        if (((unsigned char *)m.mem)[i] != 0) {
            ck_abort_msg("byte %zu not zeroed", i);
        }
    }
    mpr_shm_ring_rx_init(&r, m.mem, SMALL);
    ck_assert_ptr_null(mpr_shm_ring_peek(&r, &len));
    ck_assert_ptr_null(mpr_shm_ring_peek(&r, &len));
    ck_assert_uint_eq(len, 77);
    ck_assert_uint_eq(r.head, 0);
    free(m.mem);
}
END_TEST

START_TEST(test_roundtrip)
{
    struct ring_mem m = ring_alloc(SMALL);
    struct mpr_shm_ring_ctl *ctl = m.mem;
    struct mpr_shm_ring_tx t;
    struct mpr_shm_ring_rx r;
    const char msg[] = "hello, ring!";
    uint32_t len = 0;
    const void *got;
    void *body;

    mpr_shm_ring_tx_init(&t, m.mem, SMALL);
    mpr_shm_ring_rx_init(&r, m.mem, SMALL);
    body = mpr_shm_ring_reserve(&t, sizeof(msg));
    ck_assert_ptr_eq(body, (char *)m.mem + LINE + 8); /* first record: data start + prefix */
    memcpy(body, msg, sizeof(msg));
    ck_assert_ptr_null(mpr_shm_ring_peek(&r, &len)); /* reserved is not published */
    mpr_shm_ring_publish(&t);
    ck_assert_uint_eq(t.tail, 64);
    got = mpr_shm_ring_peek(&r, &len);
    ck_assert_ptr_eq(got, body);
    ck_assert_uint_eq(len, sizeof(msg));
    ck_assert_mem_eq(got, msg, sizeof(msg));
    ck_assert_ptr_eq(mpr_shm_ring_peek(&r, &len), got); /* peek is repeatable until commit */
    ck_assert_uint_eq(atomic_load(&ctl->consumed), 0);
    mpr_shm_ring_commit(&r);
    ck_assert_uint_eq(atomic_load(&ctl->consumed), 64);
    ck_assert_ptr_null(mpr_shm_ring_peek(&r, &len));
    free(m.mem);
}
END_TEST

START_TEST(test_len_zero)
{
    struct ring_mem m = ring_alloc(SMALL);
    struct mpr_shm_ring_tx t;
    struct mpr_shm_ring_rx r;
    uint32_t len;

    mpr_shm_ring_tx_init(&t, m.mem, SMALL);
    mpr_shm_ring_rx_init(&r, m.mem, SMALL);
    for (int i = 0; i < 3; i++) {
        ck_assert_ptr_nonnull(mpr_shm_ring_reserve(&t, 0));
        mpr_shm_ring_publish(&t);
    }
    for (int i = 0; i < 3; i++) {
        len = 99;
        ck_assert_ptr_eq(mpr_shm_ring_peek(&r, &len), (char *)m.mem + LINE + 64 * i + 8);
        ck_assert_uint_eq(len, 0);
        mpr_shm_ring_commit(&r);
    }
    ck_assert_ptr_null(mpr_shm_ring_peek(&r, &len));
    ck_assert_uint_eq(r.head, 192);
    ck_assert_uint_eq(r.seq, 4);
    free(m.mem);
}
END_TEST

/* Two max-size records fit in an empty 4096 ring; the third needs a PAD and both to drain. */
START_TEST(test_max_body)
{
    struct ring_mem m = ring_alloc(SMALL);
    uint32_t max = (uint32_t)mpr_shm_ring_max_body(SMALL), len;
    struct mpr_shm_ring_tx t;
    struct mpr_shm_ring_rx r;
    const void *got;
    void *body;

    mpr_shm_ring_tx_init(&t, m.mem, SMALL);
    mpr_shm_ring_rx_init(&r, m.mem, SMALL);
    for (uint64_t i = 1; i <= 2; i++) {
        body = mpr_shm_ring_reserve(&t, max);
        ck_assert_ptr_nonnull(body);
        body_fill(body, max, i);
        mpr_shm_ring_publish(&t);
    }
    ck_assert_uint_eq(t.tail, 3968);
    ck_assert_ptr_null(mpr_shm_ring_reserve(&t, max));
    got = mpr_shm_ring_peek(&r, &len);
    ck_assert_uint_eq(len, max);
    ck_assert(body_ok(got, len, 1));
    mpr_shm_ring_commit(&r);
    ck_assert_ptr_null(mpr_shm_ring_reserve(&t, max)); /* PAD + record + line = 4160 > 4096 */
    ck_assert_uint_eq(t.tail, 3968);                   /* no PAD written without the record */
    got = mpr_shm_ring_peek(&r, &len);
    ck_assert_uint_eq(len, max);
    ck_assert(body_ok(got, len, 2));
    mpr_shm_ring_commit(&r);
    body = mpr_shm_ring_reserve(&t, max);
    ck_assert_ptr_eq(body, (char *)m.mem + LINE + 8); /* after the PAD, at offset 0 */
    ck_assert_uint_eq(t.tail, 4096);
    body_fill(body, max, 3);
    mpr_shm_ring_publish(&t);
    got = mpr_shm_ring_peek(&r, &len); /* skips the PAD */
    ck_assert_ptr_eq(got, body);
    ck_assert_uint_eq(len, max);
    ck_assert(body_ok(got, len, 3));
    mpr_shm_ring_commit(&r);
    ck_assert_uint_eq(r.head, 4096 + 1984);
    ck_assert_uint_eq(r.seq, 5); /* three records and one PAD */
    ck_assert_uint_eq(t.seq, 5);
    free(m.mem);
}
END_TEST

/* 8-byte records: 63 fit in 4096 bytes (each takes a line, plus the zero-ahead line). */
START_TEST(test_full)
{
    struct ring_mem m = ring_alloc(SMALL);
    struct mpr_shm_ring_tx t;
    struct mpr_shm_ring_rx r;
    uint64_t next_in = 0, next_out = 0, v;
    uint32_t len;
    const void *got;
    void *body;

    mpr_shm_ring_tx_init(&t, m.mem, SMALL);
    mpr_shm_ring_rx_init(&r, m.mem, SMALL);
    while ((body = mpr_shm_ring_reserve(&t, 8)) != NULL) {
        memcpy(body, &next_in, 8);
        next_in++;
        mpr_shm_ring_publish(&t);
    }
    ck_assert_uint_eq(next_in, 63);
    ck_assert_ptr_null(mpr_shm_ring_reserve(&t, 8));
    ck_assert_ptr_null(mpr_shm_ring_reserve(&t, 0));
    got = mpr_shm_ring_peek(&r, &len); /* peeked but not committed: still not free */
    ck_assert_ptr_nonnull(got);
    ck_assert_ptr_null(mpr_shm_ring_reserve(&t, 0));
    for (int round = 0; round < 200; round++) { /* one out, exactly one in, many laps */
        got = mpr_shm_ring_peek(&r, &len);
        ck_assert_ptr_nonnull(got);
        ck_assert_uint_eq(len, 8);
        memcpy(&v, got, 8);
        ck_assert_uint_eq(v, next_out);
        next_out++;
        mpr_shm_ring_commit(&r);
        body = mpr_shm_ring_reserve(&t, 8);
        ck_assert_ptr_nonnull(body);
        memcpy(body, &next_in, 8);
        next_in++;
        mpr_shm_ring_publish(&t);
        ck_assert_ptr_null(mpr_shm_ring_reserve(&t, 0));
    }
    while ((got = mpr_shm_ring_peek(&r, &len)) != NULL) { /* nothing was overwritten */
        memcpy(&v, got, 8);
        ck_assert_uint_eq(v, next_out);
        next_out++;
        mpr_shm_ring_commit(&r);
    }
    ck_assert_uint_eq(next_out, 263);
    free(m.mem);
}
END_TEST

/*
 * Payload of an earlier lap that looks like the next stamp must not be taken for a record: the
 * zero-ahead store clears the slot before the consumer can reach it.
 */
START_TEST(test_stale_bytes_not_a_stamp)
{
    struct ring_mem m = ring_alloc(SMALL);
    uint32_t sizes[] = {1976, 1016, 1080, 0}, len, fake[2] = {5, 8};
    struct mpr_shm_ring_tx t;
    struct mpr_shm_ring_rx r;
    unsigned char *body;

    mpr_shm_ring_tx_init(&t, m.mem, SMALL);
    mpr_shm_ring_rx_init(&r, m.mem, SMALL);
    for (int i = 0; i < 4; i++) { /* stamps 1..4 end exactly at 4096 + 64 */
        body = mpr_shm_ring_reserve(&t, sizes[i]);
        ck_assert_ptr_nonnull(body);
        for (uint32_t at = 56; i == 0 && at + 8 <= sizes[i]; at += 64) {
            memcpy(body + at, fake, 8); /* every line of the first lap says "stamp 5, len 8" */
        }
        mpr_shm_ring_publish(&t);
        ck_assert_ptr_nonnull(mpr_shm_ring_peek(&r, &len));
        ck_assert_uint_eq(len, sizes[i]);
        mpr_shm_ring_commit(&r);
    }
    ck_assert_uint_eq(r.head, 4096 + 64);
    ck_assert_uint_eq(r.seq, 5);
    ck_assert_ptr_null(mpr_shm_ring_peek(&r, &len));
    free(m.mem);
}
END_TEST

enum { FIFO = 256 };

/*
 * One process plays both sides in random steps through a 4096 ring: every record comes out
 * once, in order, with its length and bytes; PAD records and the stamp wrap are exercised.
 */
START_TEST(test_wraparound)
{
    struct ring_mem m = ring_alloc(SMALL);
    uint32_t max = (uint32_t)mpr_shm_ring_max_body(SMALL), start = UINT32_MAX - 3000;
    uint32_t lens[FIFO], len, want;
    uint64_t rng = 12345, sent = 0, recvd = 0, pads = 0, nrec = 20000;
    struct mpr_shm_ring_tx t;
    struct mpr_shm_ring_rx r;
    const void *got;
    void *body;

    mpr_shm_ring_tx_init(&t, m.mem, SMALL);
    mpr_shm_ring_rx_init(&r, m.mem, SMALL);
    t.seq = r.seq = start; /* a fresh ring may start at any stamp both sides agree on */
    while (recvd < nrec) {
        if (rng_next(&rng) % 2 == 0 && sent < nrec && sent - recvd < FIFO) {
            want = (uint32_t)(rng_next(&rng) % 4 == 0 ? rng_next(&rng) % (max + 1)
                                                      : rng_next(&rng) % 200);
            uint64_t off = t.tail & t.mask;
            body = mpr_shm_ring_reserve(&t, want);
            if (body == NULL) {
                continue;
            }
            pads += off + mpr_shm_ring_reclen(want) > SMALL;
            body_fill(body, want, sent);
            lens[sent % FIFO] = want;
            sent++;
            mpr_shm_ring_publish(&t);
        } else {
            got = mpr_shm_ring_peek(&r, &len);
            if ((got == NULL) != (sent == recvd)) {
                ck_abort_msg("peek %p with %llu in flight", got,
                             (unsigned long long)(sent - recvd));
            }
            if (got == NULL) {
                continue;
            }
            if (len != lens[recvd % FIFO] || !body_ok(got, len, recvd)) {
                ck_abort_msg("record %llu: len %u, want %u", (unsigned long long)recvd, len,
                             lens[recvd % FIFO]);
            }
            mpr_shm_ring_commit(&r);
            recvd++;
        }
    }
    ck_assert_uint_gt(pads, 100);
    ck_assert_uint_eq(t.seq, seq_after(start, nrec + pads));
    ck_assert_uint_eq(r.seq, t.seq);
    ck_assert_uint_lt(r.seq, start); /* crossed 2^32 */
    ck_assert_uint_eq(r.head, t.tail);
    free(m.mem);
}
END_TEST

/* Record length number `i` of a stream: mostly small, now and then up to `max`. */
static uint32_t stream_len(uint64_t *rng, uint32_t max, unsigned large_one_in)
{
    uint64_t x = rng_next(rng);

    return (uint32_t)(x % large_one_in == 0 ? (x >> 16) % (max + 1) : (x >> 16) % 256);
}

static void *shared_map(size_t len)
{
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

    ck_assert_msg(p != MAP_FAILED, "mmap: %s", strerror(errno));
    return p;
}

static void produce_stream(void *mem, size_t size, uint64_t nrec, uint64_t seed, unsigned large)
{
    uint32_t max = (uint32_t)mpr_shm_ring_max_body(size), len;
    struct mpr_shm_ring_tx t;
    void *body;

    mpr_shm_ring_tx_init(&t, mem, size);
    for (uint64_t i = 0; i < nrec; i++) {
        len = stream_len(&seed, max, large);
        for (unsigned spins = 0; (body = mpr_shm_ring_reserve(&t, len)) == NULL; spins++) {
            if (spins % 1024 == 1023) {
                sched_yield(); /* in case both processes share one core */
            }
        }
        body_fill(body, len, i);
        mpr_shm_ring_publish(&t);
    }
}

/* Fork a producer of `nrec` records; consume and check every byte of each in order. */
static void run_two_process(size_t size, uint64_t nrec, uint64_t seed, unsigned large)
{
    size_t fp = mpr_shm_ring_footprint(size);
    void *mem = shared_map(fp);
    uint32_t max = (uint32_t)mpr_shm_ring_max_body(size), len, want;
    uint64_t rng = seed, bytes = 0;
    struct mpr_shm_ring_rx r;
    int status = -1;
    const void *got;
    pid_t pid;

    mpr_shm_ring_format(mem, size);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        produce_stream(mem, size, nrec, seed, large);
        _exit(0);
    }
    mpr_shm_ring_rx_init(&r, mem, size);
    for (uint64_t i = 0; i < nrec; i++) {
        want = stream_len(&rng, max, large);
        for (unsigned spins = 0; (got = mpr_shm_ring_peek(&r, &len)) == NULL; spins++) {
            if (spins % 1024 == 1023) {
                sched_yield();
            }
            if (spins % (1u << 20) == 0 && waitpid(pid, &status, WNOHANG) == pid) {
                ck_abort_msg("producer exited (status %d) before record %llu", status,
                             (unsigned long long)i);
            }
        }
        if (len != want || !body_ok(got, len, i)) {
            ck_abort_msg("record %llu: len %u, want %u, body %s", (unsigned long long)i, len, want,
                         len == want ? "differs" : "-");
        }
        bytes += len;
        mpr_shm_ring_commit(&r);
    }
    ck_assert_ptr_null(mpr_shm_ring_peek(&r, &len));
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    ck_assert_uint_gt(bytes, nrec * 100);
    munmap(mem, fp);
}

START_TEST(test_two_process)
{
    run_two_process(65536, 2000000, 42, 64);
}
END_TEST

START_TEST(test_two_process_tiny)
{
    run_two_process(SMALL, 1000000, 7, 2);
}
END_TEST

/* ---- Measurements (MPR_RING_BENCH=1), printed, not asserted ---- */

static double now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static void pin(int cpu)
{
    cpu_set_t set;

    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    if (sched_setaffinity(0, sizeof(set), &set) != 0) {
        fprintf(stderr, "# sched_setaffinity(%d): %s (unpinned)\n", cpu, strerror(errno));
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static void send8(struct mpr_shm_ring_tx *t, uint64_t v)
{
    void *body;

    while ((body = mpr_shm_ring_reserve(t, 8)) == NULL) {
    }
    memcpy(body, &v, 8);
    mpr_shm_ring_publish(t);
}

static uint64_t recv8(struct mpr_shm_ring_rx *r)
{
    const void *got;
    uint32_t len;
    uint64_t v;

    while ((got = mpr_shm_ring_peek(r, &len)) == NULL) {
    }
    memcpy(&v, got, 8);
    mpr_shm_ring_commit(r);
    return v;
}

enum { BATCH = 100, SAMPLES = 10000, BENCH_RING = 65536 };

/* Ring A carries parent -> child, ring B child -> parent; one-way = round trip / 2. */
START_TEST(bench_pingpong)
{
    size_t fp = mpr_shm_ring_footprint(BENCH_RING);
    unsigned char *mem = shared_map(2 * fp);
    static double sample[SAMPLES];
    struct mpr_shm_ring_tx t;
    struct mpr_shm_ring_rx r;
    int status;
    pid_t pid;

    mpr_shm_ring_format(mem, BENCH_RING);
    mpr_shm_ring_format(mem + fp, BENCH_RING);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        pin(1);
        mpr_shm_ring_rx_init(&r, mem, BENCH_RING);
        mpr_shm_ring_tx_init(&t, mem + fp, BENCH_RING);
        for (uint64_t v; (v = recv8(&r)) != UINT64_MAX;) {
            send8(&t, v);
        }
        _exit(0);
    }
    pin(0);
    mpr_shm_ring_tx_init(&t, mem, BENCH_RING);
    mpr_shm_ring_rx_init(&r, mem + fp, BENCH_RING);
    for (uint64_t i = 0; i < 20000; i++) { /* warm-up */
        send8(&t, i);
        ck_assert_uint_eq(recv8(&r), i);
    }
    for (int s = 0; s < SAMPLES; s++) {
        double t0 = now_ns();

        for (uint64_t i = 0; i < BATCH; i++) {
            send8(&t, i);
            if (recv8(&r) != i) {
                ck_abort_msg("echo mismatch");
            }
        }
        sample[s] = (now_ns() - t0) / (2.0 * BATCH);
    }
    send8(&t, UINT64_MAX);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    qsort(sample, SAMPLES, sizeof(sample[0]), cmp_double);
    printf("# ring ping-pong, 8-byte records, %d round trips, cores 0/1\n", BATCH * SAMPLES);
    printf("# one-way latency ns: median %.1f  p10 %.1f  p90 %.1f  p99 %.1f\n", sample[SAMPLES / 2],
           sample[SAMPLES / 10], sample[SAMPLES * 9 / 10], sample[SAMPLES * 99 / 100]);
    munmap(mem, 2 * fp);
}
END_TEST

/* Stream `nrec` records of `len` bytes: producer copies in, consumer copies out. */
static void bench_stream(size_t size, uint32_t len, uint64_t nrec)
{
    size_t fp = mpr_shm_ring_footprint(size);
    void *mem = shared_map(fp);
    unsigned char *buf = calloc(1, len + 8);
    struct mpr_shm_ring_tx t;
    struct mpr_shm_ring_rx r;
    const void *got;
    double t0 = 0, dt;
    uint32_t n;
    int status;
    pid_t pid;

    ck_assert_ptr_nonnull(buf);
    mpr_shm_ring_format(mem, size);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        void *body;

        pin(1);
        mpr_shm_ring_tx_init(&t, mem, size);
        for (uint64_t i = 0; i < nrec; i++) {
            while ((body = mpr_shm_ring_reserve(&t, len)) == NULL) {
            }
            memcpy(body, buf, len);
            mpr_shm_ring_publish(&t);
        }
        _exit(0);
    }
    pin(0);
    mpr_shm_ring_rx_init(&r, mem, size);
    for (uint64_t i = 0; i < nrec; i++) {
        while ((got = mpr_shm_ring_peek(&r, &n)) == NULL) {
        }
        if (i == 0) {
            t0 = now_ns(); /* from the first record on: fork and start-up excluded */
        }
        memcpy(buf, got, n);
        mpr_shm_ring_commit(&r);
    }
    dt = now_ns() - t0;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    printf("# ring stream: %u-byte records, %zu-byte ring: %.2f Mrec/s, %.2f GB/s\n", len, size,
           (double)(nrec - 1) / dt * 1e3, (double)(nrec - 1) * len / dt);
    free(buf);
    munmap(mem, fp);
}

START_TEST(bench_throughput)
{
    bench_stream(65536, 8, 20000000);
    bench_stream(65536, 8192, 500000);
    bench_stream(1 << 20, 8192, 500000);
}
END_TEST

static Suite *shm_ring_suite(void)
{
    Suite *s = suite_create("shm_ring");
    TCase *tc = tcase_create("core");
    TCase *tc2 = tcase_create("two_process");

    tcase_add_test(tc, test_format_and_empty);
    tcase_add_test(tc, test_roundtrip);
    tcase_add_test(tc, test_len_zero);
    tcase_add_test(tc, test_max_body);
    tcase_add_test(tc, test_full);
    tcase_add_test(tc, test_stale_bytes_not_a_stamp);
    tcase_add_test(tc, test_wraparound);
    suite_add_tcase(s, tc);
    tcase_add_test(tc2, test_two_process);
    tcase_add_test(tc2, test_two_process_tiny);
    if (getenv("MPR_RING_BENCH") != NULL) {
        tcase_add_test(tc2, bench_pingpong);
        tcase_add_test(tc2, bench_throughput);
    }
    suite_add_tcase(s, tc2);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(shm_ring_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
