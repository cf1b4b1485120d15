/* Unit tests for the bootstrap wire format (runtime/bootstrap/boot_msg.c). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bootstrap/boot_msg.h"
#include "core/errcode.h"

enum { HDR = sizeof(struct mpr_boot_hdr), WIRE_MAX = HDR + MPR_BOOT_PAYLOAD_MAX };

static unsigned char wire[WIRE_MAX];
static struct mpr_boot_decoder dec;

/*
 * Append n bytes to the decoder the way a reader does: through space() and added().
 * The caller takes whole messages between feeds, so all of n must fit.
 */
static void feed(struct mpr_boot_decoder *d, const unsigned char *p, size_t n)
{
    size_t room;
    unsigned char *dst = mpr_boot_decoder_space(d, &room);

    if (room < n) { /* not ck_assert on every byte: Check logs each assertion */
        ck_abort_msg("decoder room %zu < %zu", room, n);
    }
    memcpy(dst, p, n);
    mpr_boot_decoder_added(d, n);
}

/* Decode exactly one message from `len` encoded bytes. */
static struct mpr_boot_msg decode_one(long len)
{
    struct mpr_boot_msg m;

    ck_assert_int_gt(len, 0);
    mpr_boot_decoder_init(&dec);
    feed(&dec, wire, (size_t)len);
    ck_assert_int_eq(mpr_boot_decode_next(&dec, &m), 1);
    ck_assert_uint_eq(m.len + HDR, (size_t)len);
    ck_assert_int_eq(mpr_boot_decode_next(&dec, &(struct mpr_boot_msg){0}), 0);
    return m;
}

START_TEST(test_roundtrip_put)
{
    struct mpr_boot_msg m = decode_one(mpr_boot_encode_put("addr", "xyz", 3, wire, sizeof(wire)));
    const char *key;
    const void *val;
    uint32_t vlen;

    ck_assert_uint_eq(m.type, MPR_BOOT_PUT);
    ck_assert_int_eq(mpr_boot_parse_put(&m, &key, &val, &vlen), 0);
    ck_assert_str_eq(key, "addr");
    ck_assert_uint_eq(vlen, 3);
    ck_assert_int_eq(memcmp(val, "xyz", 3), 0);
    m = decode_one(mpr_boot_encode_put("e", NULL, 0, wire, sizeof(wire)));
    ck_assert_int_eq(mpr_boot_parse_put(&m, &key, &val, &vlen), 0);
    ck_assert_str_eq(key, "e");
    ck_assert_uint_eq(vlen, 0);
}
END_TEST

START_TEST(test_roundtrip_get)
{
    struct mpr_boot_msg m = decode_one(mpr_boot_encode_get(1023, "ep", wire, sizeof(wire)));
    uint32_t rank;
    const char *key;

    ck_assert_uint_eq(m.type, MPR_BOOT_GET);
    ck_assert_int_eq(mpr_boot_parse_get(&m, &rank, &key), 0);
    ck_assert_uint_eq(rank, 1023);
    ck_assert_str_eq(key, "ep");
}
END_TEST

START_TEST(test_roundtrip_empty_and_u32)
{
    struct mpr_boot_msg m = decode_one(mpr_boot_encode(MPR_BOOT_FENCE, NULL, 0, wire, 8));
    uint32_t v;

    ck_assert_uint_eq(m.type, MPR_BOOT_FENCE);
    ck_assert_uint_eq(m.len, 0);
    m = decode_one(mpr_boot_encode(MPR_BOOT_FENCE_DONE, NULL, 0, wire, sizeof(wire)));
    ck_assert_uint_eq(m.type, MPR_BOOT_FENCE_DONE);
    m = decode_one(mpr_boot_encode_u32(MPR_BOOT_STATE, MPR_BOOT_STATE_FINALIZED, wire, 12));
    ck_assert_uint_eq(m.type, MPR_BOOT_STATE);
    ck_assert_int_eq(mpr_boot_parse_u32(&m, &v), 0);
    ck_assert_uint_eq(v, MPR_BOOT_STATE_FINALIZED);
}
END_TEST

START_TEST(test_roundtrip_get_reply)
{
    struct mpr_boot_msg m = decode_one(mpr_boot_encode_get_reply(1, "v\0w", 3, wire, 64));
    uint32_t found;
    const void *val;
    uint32_t vlen;

    ck_assert_uint_eq(m.type, MPR_BOOT_GET_REPLY);
    ck_assert_int_eq(mpr_boot_parse_get_reply(&m, &found, &val, &vlen), 0);
    ck_assert_uint_eq(found, 1);
    ck_assert_uint_eq(vlen, 3);
    ck_assert_int_eq(memcmp(val, "v\0w", 3), 0);
    m = decode_one(mpr_boot_encode_get_reply(0, NULL, 0, wire, 64));
    ck_assert_int_eq(mpr_boot_parse_get_reply(&m, &found, &val, &vlen), 0);
    ck_assert_uint_eq(found, 0);
    ck_assert_uint_eq(vlen, 0);
    ck_assert_int_eq(mpr_boot_encode_get_reply(0, "x", 1, wire, 64), -MPR_ERR_ARG);
}
END_TEST

START_TEST(test_roundtrip_abort)
{
    struct mpr_boot_msg m = decode_one(mpr_boot_encode_abort(-3, "rank 2 died", wire, 64));
    int32_t code;
    const char *why;

    ck_assert_uint_eq(m.type, MPR_BOOT_ABORT);
    ck_assert_int_eq(mpr_boot_parse_abort(&m, &code, &why), 0);
    ck_assert_int_eq(code, -3);
    ck_assert_str_eq(why, "rank 2 died");
    m = decode_one(mpr_boot_encode_abort(7, NULL, wire, 64));
    ck_assert_int_eq(mpr_boot_parse_abort(&m, &code, &why), 0);
    ck_assert_int_eq(code, 7);
    ck_assert_str_eq(why, "");
    m = decode_one(mpr_boot_encode(MPR_BOOT_ABORT, &code, 4, wire, 64)); /* code only */
    ck_assert_int_eq(mpr_boot_parse_abort(&m, &code, &why), 0);
    ck_assert_int_eq(code, 7);
    ck_assert_str_eq(why, "");
}
END_TEST

/* Values are bytes, not strings: embedded NULs survive, and the largest value fits exactly. */
START_TEST(test_binary_and_max_value)
{
    static unsigned char big[MPR_BOOT_PAYLOAD_MAX];
    const uint32_t max_vlen = MPR_BOOT_PAYLOAD_MAX - 2; /* key "k" and its NUL */
    struct mpr_boot_msg m;
    const char *key;
    const void *val;
    uint32_t vlen;

    for (size_t i = 0; i < sizeof(big); i++) {
        big[i] = (unsigned char)(i * 7 % 251); /* NULs every 251 bytes */
    }
    m = decode_one(mpr_boot_encode_put("k", big, max_vlen, wire, sizeof(wire)));
    ck_assert_uint_eq(m.len, MPR_BOOT_PAYLOAD_MAX);
    ck_assert_int_eq(mpr_boot_parse_put(&m, &key, &val, &vlen), 0);
    ck_assert_str_eq(key, "k");
    ck_assert_uint_eq(vlen, max_vlen);
    ck_assert_int_eq(memcmp(val, big, max_vlen), 0);
    ck_assert_int_eq(mpr_boot_encode_put("k", big, max_vlen + 1, wire, sizeof(wire)), -MPR_ERR_ARG);
}
END_TEST

START_TEST(test_encode_errors)
{
    char key65[MPR_BOOT_KEY_MAX + 2];
    char key64[MPR_BOOT_KEY_MAX + 1];

    memset(key65, 'a', sizeof(key65) - 1);
    key65[sizeof(key65) - 1] = '\0';
    memset(key64, 'b', sizeof(key64) - 1);
    key64[sizeof(key64) - 1] = '\0';
    ck_assert_int_eq(mpr_boot_encode_put(key65, "v", 1, wire, sizeof(wire)), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_boot_encode_put("", "v", 1, wire, sizeof(wire)), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_boot_encode_get(0, key65, wire, sizeof(wire)), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_boot_encode_get(0, "", wire, sizeof(wire)), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_boot_encode(0, NULL, 0, wire, sizeof(wire)), -MPR_ERR_ARG);
    ck_assert_int_eq(mpr_boot_encode(MPR_BOOT_TYPE_MAX, NULL, 0, wire, sizeof(wire)), -MPR_ERR_ARG);
    /* A key of exactly MPR_BOOT_KEY_MAX characters is fine. */
    ck_assert_int_eq(mpr_boot_encode_put(key64, "v", 1, wire, sizeof(wire)),
                     HDR + MPR_BOOT_KEY_MAX + 2);
    /* Too small by one byte, and smaller than the header. */
    ck_assert_int_eq(mpr_boot_encode_put("key", "val", 3, wire, HDR + 6), -MPR_ERR_TRUNCATE);
    ck_assert_int_eq(mpr_boot_encode_put("key", "val", 3, wire, HDR + 7), HDR + 7);
    ck_assert_int_eq(mpr_boot_encode_get(1, "key", wire, HDR + 7), -MPR_ERR_TRUNCATE);
    ck_assert_int_eq(mpr_boot_encode_u32(MPR_BOOT_STATE, 1, wire, HDR + 3), -MPR_ERR_TRUNCATE);
    ck_assert_int_eq(mpr_boot_encode_abort(1, "why", wire, HDR + 7), -MPR_ERR_TRUNCATE);
    ck_assert_int_eq(mpr_boot_encode(MPR_BOOT_FENCE, NULL, 0, wire, HDR - 1), -MPR_ERR_TRUNCATE);
    ck_assert_int_eq(mpr_boot_encode_get_reply(1, "v", 1, wire, HDR + 4), -MPR_ERR_TRUNCATE);
}
END_TEST

static struct mpr_boot_msg raw_msg(uint32_t type, const void *payload, uint32_t len)
{
    return (struct mpr_boot_msg){.type = type, .len = len, .payload = payload};
}

START_TEST(test_parse_rejects)
{
    unsigned char key_too_long[MPR_BOOT_KEY_MAX + 3];
    struct mpr_boot_msg m;
    const char *key;
    const void *val;
    uint32_t vlen, rank, v;
    int32_t code;

    memset(key_too_long, 'a', sizeof(key_too_long));
    key_too_long[MPR_BOOT_KEY_MAX + 1] = '\0'; /* 65 characters, then NUL and one value byte */
    m = raw_msg(MPR_BOOT_PUT, key_too_long, sizeof(key_too_long));
    ck_assert_int_eq(mpr_boot_parse_put(&m, &key, &val, &vlen), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_PUT, "keyvalue", 8); /* no NUL */
    ck_assert_int_eq(mpr_boot_parse_put(&m, &key, &val, &vlen), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_PUT, "\0value", 6); /* empty key */
    ck_assert_int_eq(mpr_boot_parse_put(&m, &key, &val, &vlen), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_PUT, "", 0);
    ck_assert_int_eq(mpr_boot_parse_put(&m, &key, &val, &vlen), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_GET, "\1\0\0\0key", 7); /* no NUL */
    ck_assert_int_eq(mpr_boot_parse_get(&m, &rank, &key), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_GET, "\1\0\0\0", 5); /* empty key */
    ck_assert_int_eq(mpr_boot_parse_get(&m, &rank, &key), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_GET, "\1\0", 2);
    ck_assert_int_eq(mpr_boot_parse_get(&m, &rank, &key), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_GET, "\1\0\0\0k\0x", 8); /* trailing byte */
    ck_assert_int_eq(mpr_boot_parse_get(&m, &rank, &key), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_STATE, "\1\0\0", 3);
    ck_assert_int_eq(mpr_boot_parse_u32(&m, &v), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_STATE, "\1\0\0\0\0", 5);
    ck_assert_int_eq(mpr_boot_parse_u32(&m, &v), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_ABORT, "\1\0\0", 3);
    ck_assert_int_eq(mpr_boot_parse_abort(&m, &code, &key), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_ABORT, "\1\0\0\0why", 7); /* message without NUL */
    ck_assert_int_eq(mpr_boot_parse_abort(&m, &code, &key), -MPR_ERR_PROTO);
    m = raw_msg(MPR_BOOT_FENCE, "k\0v", 3); /* wrong type for the parser */
    ck_assert_int_eq(mpr_boot_parse_put(&m, &key, &val, &vlen), -MPR_ERR_PROTO);
}
END_TEST

static void put_hdr(uint32_t type, uint32_t len)
{
    struct mpr_boot_hdr h = {.type = type, .len = len};

    memcpy(wire, &h, HDR);
}

/* A bad header is refused as soon as the header is in, without waiting for its payload. */
START_TEST(test_decode_rejects)
{
    const uint32_t bad[][2] = {
        {0, 0}, {MPR_BOOT_TYPE_MAX, 0}, {1000, 4}, {MPR_BOOT_PUT, MPR_BOOT_PAYLOAD_MAX + 1}};
    struct mpr_boot_msg m;

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        put_hdr(bad[i][0], bad[i][1]);
        mpr_boot_decoder_init(&dec);
        feed(&dec, wire, HDR);
        ck_assert_int_eq(mpr_boot_decode_next(&dec, &m), -MPR_ERR_PROTO);
    }
}
END_TEST

START_TEST(test_decode_truncated)
{
    long len = mpr_boot_encode_put("key", "value", 5, wire, sizeof(wire));
    struct mpr_boot_msg m;

    mpr_boot_decoder_init(&dec);
    ck_assert_int_eq(mpr_boot_decode_next(&dec, &m), 0);
    feed(&dec, wire, HDR - 1);
    ck_assert_int_eq(mpr_boot_decode_next(&dec, &m), 0);
    feed(&dec, wire + HDR - 1, 1);
    ck_assert_int_eq(mpr_boot_decode_next(&dec, &m), 0);
    feed(&dec, wire + HDR, (size_t)len - HDR - 1);
    ck_assert_int_eq(mpr_boot_decode_next(&dec, &m), 0);
    feed(&dec, wire + len - 1, 1);
    ck_assert_int_eq(mpr_boot_decode_next(&dec, &m), 1);
    ck_assert_uint_eq(m.type, MPR_BOOT_PUT);
    ck_assert_uint_eq(m.len, (uint32_t)len - HDR);
}
END_TEST

/* Encode message i of a deterministic mixed sequence into buf; returns its length. */
static long encode_nth(int i, unsigned char *buf, size_t cap)
{
    static unsigned char val[3000];
    char key[32];

    for (size_t j = 0; j < sizeof(val); j++) {
        val[j] = (unsigned char)(i + j);
    }
    snprintf(key, sizeof(key), "key%d", i);
    switch (i % 6) {
    case 0:
        return mpr_boot_encode_put(key, val, (uint32_t)(i * 37 % sizeof(val)), buf, cap);
    case 1:
        return mpr_boot_encode(MPR_BOOT_FENCE, NULL, 0, buf, cap);
    case 2:
        return mpr_boot_encode_get((uint32_t)i, key, buf, cap);
    case 3:
        return mpr_boot_encode_u32(MPR_BOOT_STATE, (uint32_t)i, buf, cap);
    case 4:
        return mpr_boot_encode_abort(i, key, buf, cap);
    default:
        return mpr_boot_encode_get_reply(1, val, (uint32_t)(i % 100), buf, cap);
    }
}

enum { STREAM_MSGS = 600 };

static unsigned char stream[STREAM_MSGS * 3100];
static size_t stream_len, offsets[STREAM_MSGS + 1];

static void build_stream(void)
{
    stream_len = 0;
    for (int i = 0; i < STREAM_MSGS; i++) {
        long n = encode_nth(i, stream + stream_len, sizeof(stream) - stream_len);

        ck_assert_int_gt(n, 0);
        offsets[i] = stream_len;
        stream_len += (size_t)n;
    }
    offsets[STREAM_MSGS] = stream_len;
}

/* Feed the stream in chunks (1 byte, or seeded random sizes); compare every message decoded. */
static void decode_stream(unsigned seed)
{
    int next = 0, rc = 0, bad = 0;
    size_t pos = 0;

    srand(seed);
    mpr_boot_decoder_init(&dec);
    while (pos < stream_len) {
        size_t chunk = seed == 0 ? 1 : 1 + (size_t)rand() % 9000;
        struct mpr_boot_msg m;

        chunk = chunk > stream_len - pos ? stream_len - pos : chunk;
        feed(&dec, stream + pos, chunk);
        pos += chunk;
        while ((rc = mpr_boot_decode_next(&dec, &m)) == 1) {
            const unsigned char *want = stream + offsets[next];
            struct mpr_boot_hdr h;

            if (next == STREAM_MSGS) {
                ck_abort_msg("more messages decoded than encoded");
            }
            memcpy(&h, want, HDR);
            bad += m.type != h.type || m.len + HDR != offsets[next + 1] - offsets[next] ||
                   memcmp(m.payload, want + HDR, m.len) != 0;
            next++;
        }
        bad += rc != 0;
    }
    ck_assert_int_eq(bad, 0);
    ck_assert_int_eq(next, STREAM_MSGS);
    ck_assert_int_eq(mpr_boot_decode_next(&dec, &(struct mpr_boot_msg){0}), 0);
}

START_TEST(test_stream_bytewise)
{
    build_stream();
    decode_stream(0);
}
END_TEST

START_TEST(test_stream_random_chunks)
{
    build_stream();
    for (unsigned seed = 1; seed <= 20; seed++) {
        decode_stream(seed);
    }
}
END_TEST

static Suite *boot_msg_suite(void)
{
    Suite *s = suite_create("boot_msg");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_roundtrip_put);
    tcase_add_test(tc, test_roundtrip_get);
    tcase_add_test(tc, test_roundtrip_empty_and_u32);
    tcase_add_test(tc, test_roundtrip_get_reply);
    tcase_add_test(tc, test_roundtrip_abort);
    tcase_add_test(tc, test_binary_and_max_value);
    tcase_add_test(tc, test_encode_errors);
    tcase_add_test(tc, test_parse_rejects);
    tcase_add_test(tc, test_decode_rejects);
    tcase_add_test(tc, test_decode_truncated);
    tcase_add_test(tc, test_stream_bytewise);
    tcase_add_test(tc, test_stream_random_chunks);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(boot_msg_suite());
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
