/*
 * Unit tests for the line-atomic output forwarder (launcher/io.c).
 *
 * Write boundaries are observed through a SOCK_SEQPACKET socket pair: every write() the stream
 * makes arrives as one record, so a test can check that each write held whole lines only.
 */
#include <check.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/errcode.h"
#include "io.h"

/* Everything received so far on a seqpacket socket, and the write() boundaries seen. */
struct capture {
    int fd; /* the reading end */
    char *data;
    size_t len, cap;
    size_t records;
    size_t max_record;
    bool whole_lines; /* every record so far ended with '\n' */
};

static int capture_open(struct capture *c)
{
    int sp[2];
    int sndbuf = 1 << 20;

    ck_assert_int_eq(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sp), 0);
    (void)setsockopt(sp[0], SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof(sndbuf));
    memset(c, 0, sizeof(*c));
    c->fd = sp[1];
    c->whole_lines = true;
    return sp[0];
}

/* Take every record waiting; returns how many there were. */
static size_t capture_poll(struct capture *c)
{
    static char rec[MPR_IO_BUF_MAX + 1];
    size_t n = 0;
    ssize_t r;

    while ((r = recv(c->fd, rec, sizeof(rec), MSG_DONTWAIT)) > 0) {
        if (c->len + (size_t)r + 1 > c->cap) {
            c->cap = (c->len + (size_t)r + 1) * 2;
            c->data = realloc(c->data, c->cap);
            ck_assert_ptr_nonnull(c->data);
        }
        memcpy(c->data + c->len, rec, (size_t)r);
        c->len += (size_t)r;
        c->data[c->len] = '\0';
        c->whole_lines = c->whole_lines && rec[r - 1] == '\n';
        c->max_record = (size_t)r > c->max_record ? (size_t)r : c->max_record;
        c->records++;
        n++;
    }
    return n;
}

static void capture_close(struct capture *c, int wfd)
{
    close(wfd);
    close(c->fd);
    free(c->data);
}

static void feed_str(struct mpr_io_stream *s, const char *str)
{
    ck_assert_int_eq(mpr_io_stream_feed(s, str, strlen(str)), 0);
}

START_TEST(test_split_lines)
{
    struct capture c;
    int wfd = capture_open(&c);
    struct mpr_io_stream s;

    mpr_io_stream_init(&s, 0, wfd, 0);
    feed_str(&s, "hel");
    feed_str(&s, "lo wor");
    ck_assert_uint_eq(capture_poll(&c), 0);
    feed_str(&s, "ld\nsec");
    ck_assert_uint_eq(capture_poll(&c), 1);
    ck_assert_str_eq(c.data, "hello world\n");
    feed_str(&s, "ond\n");
    feed_str(&s, "third");
    ck_assert_uint_eq(capture_poll(&c), 1);
    ck_assert_str_eq(c.data, "hello world\nsecond\n");
    ck_assert(c.whole_lines);
    ck_assert_uint_eq(mpr_io_stream_pending(&s), 5);
    ck_assert_int_eq(mpr_io_stream_flush(&s), 0);
    ck_assert_uint_eq(capture_poll(&c), 1);
    ck_assert_str_eq(c.data, "hello world\nsecond\nthird");
    ck_assert_int_eq(mpr_io_stream_flush(&s), 0); /* nothing left: no empty write */
    ck_assert_uint_eq(capture_poll(&c), 0);
    mpr_io_stream_fini(&s);
    capture_close(&c, wfd);
}
END_TEST

/* All complete lines of one feed leave in a single write when they fit in the buffer. */
START_TEST(test_one_write_per_feed)
{
    struct capture c;
    int wfd = capture_open(&c);
    struct mpr_io_stream s;
    char text[8192];
    size_t len = 0;

    for (int i = 0; i < 300; i++) {
        len += (size_t)snprintf(text + len, sizeof(text) - len, "line %d\n", i);
    }
    mpr_io_stream_init(&s, 5, wfd, MPR_IO_TAG);
    ck_assert_int_eq(mpr_io_stream_feed(&s, text, len), 0);
    ck_assert_uint_eq(capture_poll(&c), 1);
    ck_assert_uint_eq(c.len, len + 300 * strlen("[5] "));
    mpr_io_stream_fini(&s);
    capture_close(&c, wfd);
}
END_TEST

/*
 * Parse "[r] r:i:" and return the payload after it, or NULL. (No ck_assert per line: Check
 * records every assertion through a pipe; no sscanf: it would strlen the rest of the output.)
 */
static const char *parse_prefix(const char *p, int *r, int *i)
{
    char *end;
    long tag;

    if (p[0] != '[') {
        return NULL;
    }
    tag = strtol(p + 1, &end, 10);
    if (end[0] != ']' || end[1] != ' ') {
        return NULL;
    }
    *r = (int)strtol(end + 2, &end, 10);
    if (tag != *r || end[0] != ':') {
        return NULL;
    }
    *i = (int)strtol(end + 1, &end, 10);
    return end[0] == ':' ? end + 1 : NULL;
}

/* Check that out holds, in order, exactly the lines "[r] r:i:..." for i = 0..n-1 per rank. */
static void check_lines(const char *out, int nranks, const int *nlines)
{
    int next[8] = {0};
    const char *p = out;
    size_t bad = 0;

    while (*p != '\0') {
        const char *nl = strchr(p, '\n');
        const char *payload;
        int r = -1, i = -1;

        ck_assert_ptr_nonnull(nl);
        payload = parse_prefix(p, &r, &i);
        if (payload == NULL || r < 0 || r >= nranks || i != next[r] ||
            memchr(payload, '[', (size_t)(nl - payload)) != NULL) { /* a tag inside a line */
            bad++;
        } else {
            next[r]++;
        }
        p = nl + 1;
    }
    ck_assert_uint_eq(bad, 0);
    for (int r = 0; r < nranks; r++) {
        ck_assert_int_eq(next[r], nlines[r]);
    }
}

/* Two streams share one fd and are fed alternately in pieces that cut lines anywhere. */
START_TEST(test_two_streams_interleave)
{
    struct capture c;
    int wfd = capture_open(&c);
    struct mpr_io_stream s[2];
    char text[2][16384];
    size_t len[2] = {0, 0}, pos[2] = {0, 0};
    const int nlines[2] = {200, 200};

    for (int r = 0; r < 2; r++) {
        mpr_io_stream_init(&s[r], r, wfd, MPR_IO_TAG);
        for (int i = 0; i < nlines[r]; i++) {
            len[r] += (size_t)snprintf(text[r] + len[r], sizeof(text[r]) - len[r], "%d:%d:%.*s\n",
                                       r, i, i % 40, "abcdefghijklmnopqrstuvwxyz0123456789ABCD");
        }
    }
    srand(42);
    while (pos[0] < len[0] || pos[1] < len[1]) {
        for (int r = 0; r < 2; r++) {
            size_t n = (size_t)rand() % 23;

            n = n > len[r] - pos[r] ? len[r] - pos[r] : n;
            ck_assert_int_eq(mpr_io_stream_feed(&s[r], text[r] + pos[r], n), 0);
            pos[r] += n;
        }
        capture_poll(&c);
    }
    ck_assert(c.whole_lines);
    check_lines(c.data, 2, nlines);
    for (int r = 0; r < 2; r++) {
        mpr_io_stream_fini(&s[r]);
    }
    capture_close(&c, wfd);
}
END_TEST

START_TEST(test_tag_at_line_starts)
{
    struct capture c;
    int wfd = capture_open(&c);
    struct mpr_io_stream s;
    const char *bytewise = "ab\ncd\n";

    mpr_io_stream_init(&s, 3, wfd, MPR_IO_TAG);
    feed_str(&s, "x\ny");
    feed_str(&s, "z\n\n");
    feed_str(&s, "w");
    ck_assert_int_eq(mpr_io_stream_flush(&s), 0);
    capture_poll(&c);
    ck_assert_str_eq(c.data, "[3] x\n[3] yz\n[3] \n[3] w");
    mpr_io_stream_fini(&s);

    c.len = 0;
    mpr_io_stream_init(&s, 12345, wfd, MPR_IO_TAG);
    for (const char *p = bytewise; *p != '\0'; p++) {
        ck_assert_int_eq(mpr_io_stream_feed(&s, p, 1), 0);
    }
    capture_poll(&c);
    ck_assert_str_eq(c.data, "[12345] ab\n[12345] cd\n");
    mpr_io_stream_fini(&s);
    capture_close(&c, wfd);
}
END_TEST

/* Raw mode writes what arrives at once; with a tag, a prefix only after '\n', never after '\r'. */
START_TEST(test_raw_progress)
{
    struct capture c;
    int wfd = capture_open(&c);
    struct mpr_io_stream s;

    mpr_io_stream_init(&s, 2, wfd, MPR_IO_RAW);
    feed_str(&s, "10%\r");
    ck_assert_uint_eq(capture_poll(&c), 1);
    ck_assert_str_eq(c.data, "10%\r");
    feed_str(&s, "20%");
    ck_assert_uint_eq(capture_poll(&c), 1);
    ck_assert_str_eq(c.data, "10%\r20%");
    ck_assert_uint_eq(mpr_io_stream_pending(&s), 0);
    mpr_io_stream_fini(&s);

    c.len = 0;
    mpr_io_stream_init(&s, 2, wfd, MPR_IO_RAW | MPR_IO_TAG);
    feed_str(&s, "a\r");
    feed_str(&s, "b\r");
    feed_str(&s, "\n");
    feed_str(&s, "c");
    ck_assert_uint_eq(capture_poll(&c), 4);
    ck_assert_str_eq(c.data, "[2] a\rb\r\n[2] c");
    mpr_io_stream_fini(&s);
    capture_close(&c, wfd);
}
END_TEST

/* A 200 KiB line without newline: cut into buffer-sized pieces, bounded memory, one tag. */
START_TEST(test_long_line)
{
    enum { LINE = 200 * 1024, CHUNK = 10000 };
    struct capture c;
    int wfd = capture_open(&c);
    struct mpr_io_stream s;
    char *line = malloc(LINE);

    for (size_t i = 0; i < LINE; i++) {
        line[i] = (char)('a' + i % 26);
    }
    mpr_io_stream_init(&s, 7, wfd, MPR_IO_TAG);
    for (size_t pos = 0; pos < LINE; pos += CHUNK) {
        size_t n = LINE - pos < CHUNK ? LINE - pos : CHUNK;

        ck_assert_int_eq(mpr_io_stream_feed(&s, line + pos, n), 0);
        ck_assert_uint_le(mpr_io_stream_pending(&s), MPR_IO_BUF_MAX);
        capture_poll(&c);
    }
    ck_assert_uint_ge(c.records, 2);
    ck_assert_uint_eq(c.max_record, MPR_IO_BUF_MAX);
    feed_str(&s, "\nnext\n");
    capture_poll(&c);
    ck_assert_uint_eq(c.len, 4 + LINE + strlen("\n[7] next\n"));
    ck_assert_int_eq(memcmp(c.data, "[7] ", 4), 0);
    ck_assert_int_eq(memcmp(c.data + 4, line, LINE), 0);
    ck_assert_str_eq(c.data + 4 + LINE, "\n[7] next\n");

    /* The same line in one feed, then EOF: the tail comes out on flush. */
    c.len = 0;
    ck_assert_int_eq(mpr_io_stream_feed(&s, line, LINE), 0);
    ck_assert_int_eq(mpr_io_stream_flush(&s), 0);
    capture_poll(&c);
    ck_assert_uint_eq(c.len, 4 + LINE);
    ck_assert_int_eq(memcmp(c.data + 4, line, LINE), 0);
    mpr_io_stream_fini(&s);
    capture_close(&c, wfd);
    free(line);
}
END_TEST

static uint64_t fnv1a(uint64_t h, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (unsigned char)p[i]) * 0x100000001b3ull;
    }
    return h;
}

/* 4 ranks x 25,000 lines, fed in random chunks, into a file; every line and byte accounted for. */
START_TEST(test_many_lines_checksum)
{
    enum { RANKS = 4, LINES = 25000 };
    const int nlines[RANKS] = {LINES, LINES, LINES, LINES};
    struct mpr_io_stream s[RANKS];
    char *text[RANKS], *out;
    size_t len[RANKS] = {0}, pos[RANKS] = {0}, done = 0, total_in = 0;
    uint64_t want = 0xcbf29ce484222325ull, got = want;
    FILE *f = tmpfile();
    long out_len;

    for (int r = 0; r < RANKS; r++) {
        mpr_io_stream_init(&s[r], r, fileno(f), MPR_IO_TAG);
        text[r] = malloc((size_t)LINES * 64);
        for (int i = 0; i < LINES; i++) {
            int n = snprintf(text[r] + len[r], 64, "%d:%d:%x\n", r, i, (unsigned)(i * 2654435761u));

            want = fnv1a(want, text[r] + len[r], (size_t)n);
            len[r] += (size_t)n;
        }
        total_in += len[r];
    }
    srand(7);
    while (done < RANKS) {
        int r = rand() % RANKS;
        size_t n = 1 + (size_t)rand() % 5000;

        n = n > len[r] - pos[r] ? len[r] - pos[r] : n;
        ck_assert_int_eq(mpr_io_stream_feed(&s[r], text[r] + pos[r], n), 0);
        pos[r] += n;
        done += n > 0 && pos[r] == len[r];
    }
    out_len = ftell(f);
    ck_assert_int_eq((long)(total_in + (size_t)RANKS * LINES * 4), out_len);
    out = calloc(1, (size_t)out_len + 1);
    ck_assert_int_eq(pread(fileno(f), out, (size_t)out_len, 0), out_len);
    check_lines(out, RANKS, nlines);
    /* Lines of one rank in order, tags stripped, hash to the same value as the input. */
    for (int r = 0; r < RANKS; r++) {
        for (const char *p = out; *p != '\0'; p = strchr(p, '\n') + 1) {
            const char *nl = strchr(p, '\n');

            if (p[1] - '0' == r) {
                got = fnv1a(got, p + 4, (size_t)(nl - p) - 3);
            }
        }
        mpr_io_stream_fini(&s[r]);
        free(text[r]);
    }
    ck_assert_uint_eq(got, want);
    free(out);
    fclose(f);
}
END_TEST

/* A child writes lines and a partial last line, then dies: everything arrives, the last line
 * ended with a newline, then EOF. */
START_TEST(test_read_eof)
{
    int p[2];
    struct mpr_io_stream s;
    FILE *f = tmpfile();
    char out[64] = {0};
    pid_t pid;
    int rc, status;

    ck_assert_int_eq(pipe(p), 0);
    ck_assert_int_eq(fcntl(p[0], F_SETFL, O_NONBLOCK), 0);
    mpr_io_stream_init(&s, 1, fileno(f), MPR_IO_TAG);
    ck_assert_int_eq(mpr_io_stream_read(&s, p[0]), -MPR_ERR_AGAIN);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(p[0]);
        if (write(p[1], "one\ntw", 6) != 6 || write(p[1], "o\nthr", 5) != 5) {
            _exit(2);
        }
        _exit(1); /* mid-line, as a crash would */
    }
    close(p[1]);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert_int_eq(WEXITSTATUS(status), 1);
    while ((rc = mpr_io_stream_read(&s, p[0])) > 0) {
    }
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(mpr_io_stream_pending(&s), 0);
    ck_assert_int_eq(pread(fileno(f), out, sizeof(out) - 1, 0), 24);
    ck_assert_str_eq(out, "[1] one\n[1] two\n[1] thr\n");
    mpr_io_stream_fini(&s);
    close(p[0]);
    fclose(f);
}
END_TEST

/* A reader that went away: the error is reported, output is dropped, memory stays bounded. */
START_TEST(test_write_error)
{
    int p[2];
    int devnull = open("/dev/null", O_WRONLY);
    struct mpr_io_stream s;

    signal(SIGPIPE, SIG_IGN); /* as mplaunch does; Check runs each test in its own process */
    ck_assert_int_eq(dup2(devnull, STDERR_FILENO), STDERR_FILENO); /* the one log line */
    ck_assert_int_eq(pipe(p), 0);
    close(p[0]);
    mpr_io_stream_init(&s, 9, p[1], MPR_IO_TAG);
    ck_assert_int_eq(mpr_io_stream_feed(&s, "lost\n", 5), -MPR_ERR_IO);
    ck_assert_uint_eq(mpr_io_stream_pending(&s), 0);
    for (int i = 0; i < 1000; i++) {
        ck_assert_int_eq(mpr_io_stream_feed(&s, "more and more\n", 14), -MPR_ERR_IO);
    }
    ck_assert_int_eq(mpr_io_stream_feed(&s, "tail", 4), 0);
    ck_assert_uint_eq(mpr_io_stream_pending(&s), 8);
    ck_assert_int_eq(mpr_io_stream_flush(&s), -MPR_ERR_IO);
    ck_assert_uint_eq(mpr_io_stream_pending(&s), 0);
    mpr_io_stream_fini(&s);
    close(p[1]);
    close(devnull);
}
END_TEST

/* 100,000 lines through feed into /dev/null: catches per-byte writes and quadratic copies. */
START_TEST(test_throughput)
{
    enum { LINES = 100000 };
    struct mpr_io_stream s;
    char *text = malloc((size_t)LINES * 48);
    size_t len = 0;
    int fd = open("/dev/null", O_WRONLY);
    struct timespec t0, t1;
    double secs;

    for (int i = 0; i < LINES; i++) {
        len += (size_t)snprintf(text + len, 48, "rank output line %d of the run\n", i);
    }
    mpr_io_stream_init(&s, 0, fd, MPR_IO_TAG);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (size_t pos = 0; pos < len; pos += 4096) {
        size_t n = len - pos < 4096 ? len - pos : 4096;

        ck_assert_int_eq(mpr_io_stream_feed(&s, text + pos, n), 0);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    if (getenv("MPR_TEST_VERBOSE") != NULL) {
        printf("io: %d lines (%zu bytes) in %.2f ms: %.1f Mlines/s\n", LINES, len, secs * 1e3,
               LINES / secs / 1e6);
    }
    ck_assert_double_lt(secs, 2.0); /* ~100x the expected time: only gross regressions fail */
    mpr_io_stream_fini(&s);
    close(fd);
    free(text);
}
END_TEST

static Suite *io_suite(void)
{
    Suite *s = suite_create("io");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_split_lines);
    tcase_add_test(tc, test_one_write_per_feed);
    tcase_add_test(tc, test_two_streams_interleave);
    tcase_add_test(tc, test_tag_at_line_starts);
    tcase_add_test(tc, test_raw_progress);
    tcase_add_test(tc, test_long_line);
    tcase_add_test(tc, test_many_lines_checksum);
    tcase_add_test(tc, test_read_eof);
    tcase_add_test(tc, test_write_error);
    tcase_add_test(tc, test_throughput);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(io_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
