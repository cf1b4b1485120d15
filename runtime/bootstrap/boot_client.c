#include "bootstrap/boot.h"

#include "bootstrap/boot_msg.h"
#include "core/errcode.h"
#include "core/log.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static int boot_fd = -1;
static struct mpr_boot_decoder decoder;
static unsigned char out_buf[sizeof(struct mpr_boot_hdr) + MPR_BOOT_PAYLOAD_MAX];

int mpr_boot_init(int fd)
{
    if (fd < 0) {
        boot_fd = -1;
        return 0;
    }
    /* Programs that fork/exec (system()) must not hand the socket on. */
    if (fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
        mpr_log_error("MPR_BOOT_FD=%d is not an open descriptor (%s); start the program with "
                      "mplaunch or without MPR_BOOT_FD",
                      fd, strerror(errno));
        return -MPR_ERR_IO;
    }
    boot_fd = fd;
    mpr_boot_decoder_init(&decoder);
    return 0;
}

void mpr_boot_fini(void)
{
    if (boot_fd >= 0) {
        close(boot_fd);
    }
    boot_fd = -1;
}

static int send_all(const void *buf, size_t len)
{
    const char *p = buf;

    while (len > 0) {
        ssize_t n = write(boot_fd, p, len);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            mpr_log_error("lost the connection to mplaunch: %s", strerror(errno));
            return -MPR_ERR_IO;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

static int send_encoded(long len)
{
    if (len < 0) {
        return (int)len;
    }
    return send_all(out_buf, (size_t)len);
}

/* Block until the next message arrives; it must be of type `want`. */
static int recv_msg(uint32_t want, struct mpr_boot_msg *msg)
{
    for (;;) {
        int rc = mpr_boot_decode_next(&decoder, msg);
        if (rc < 0) {
            mpr_log_error("malformed message from mplaunch");
            return rc;
        }
        if (rc == 1) {
            break;
        }
        size_t room;
        unsigned char *space = mpr_boot_decoder_space(&decoder, &room);
        ssize_t n = read(boot_fd, space, room);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            mpr_log_error("lost the connection to mplaunch (%s); the job is ending",
                          n == 0 ? "closed" : strerror(errno));
            return -MPR_ERR_IO;
        }
        mpr_boot_decoder_added(&decoder, (size_t)n);
    }
    if (msg->type != want) {
        mpr_log_error("unexpected message type %u from mplaunch", msg->type);
        return -MPR_ERR_PROTO;
    }
    return 0;
}

int mpr_boot_put(const char *key, const void *val, uint32_t vlen)
{
    if (boot_fd < 0) {
        return 0;
    }
    return send_encoded(mpr_boot_encode_put(key, val, vlen, out_buf, sizeof(out_buf)));
}

int mpr_boot_fence(void)
{
    struct mpr_boot_msg msg;
    int rc;

    if (boot_fd < 0) {
        return 0;
    }
    rc = send_encoded(mpr_boot_encode(MPR_BOOT_FENCE, NULL, 0, out_buf, sizeof(out_buf)));
    if (rc == 0) {
        rc = recv_msg(MPR_BOOT_FENCE_DONE, &msg);
    }
    return rc;
}

int mpr_boot_get(int rank, const char *key, void *val, uint32_t cap, uint32_t *vlen)
{
    struct mpr_boot_msg msg;
    uint32_t found;
    int rc;

    if (boot_fd < 0) {
        return -MPR_ERR_NOENT;
    }
    rc = send_encoded(mpr_boot_encode_get((uint32_t)rank, key, out_buf, sizeof(out_buf)));
    if (rc == 0) {
        rc = recv_msg(MPR_BOOT_GET_REPLY, &msg);
    }
    if (rc != 0) {
        return rc;
    }
    if (msg.len < 4) {
        return -MPR_ERR_PROTO;
    }
    memcpy(&found, msg.payload, 4);
    if (!found) {
        return -MPR_ERR_NOENT;
    }
    *vlen = msg.len - 4;
    memcpy(val, msg.payload + 4, *vlen < cap ? *vlen : cap);
    return 0;
}

int mpr_boot_report_state(uint32_t state)
{
    if (boot_fd < 0) {
        return 0;
    }
    return send_encoded(mpr_boot_encode_u32(MPR_BOOT_STATE, state, out_buf, sizeof(out_buf)));
}

int mpr_boot_abort(int code, const char *why)
{
    if (boot_fd < 0) {
        return 0;
    }
    return send_encoded(mpr_boot_encode_abort(code, why, out_buf, sizeof(out_buf)));
}
