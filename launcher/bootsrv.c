#include "bootsrv.h"

#include "core/errcode.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int mpr_bootsrv_init(struct mpr_bootsrv *s, int nranks)
{
    s->fence_waiting = 0;
    s->kvs = mpr_kvs_create(nranks);
    return s->kvs ? 0 : -MPR_ERR_NOMEM;
}

void mpr_bootsrv_fini(struct mpr_bootsrv *s)
{
    if (s->kvs) {
        mpr_kvs_destroy(s->kvs);
    }
    s->kvs = NULL;
}

/* Replies are small and the rank is blocked reading them, so waiting for room is bounded. */
static int send_reply(int fd, const unsigned char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n > 0) {
            buf += n;
            len -= (size_t)n;
        } else if (n < 0 && errno == EAGAIN) {
            struct pollfd pfd = {.fd = fd, .events = POLLOUT};
            poll(&pfd, 1, 100);
        } else if (!(n < 0 && errno == EINTR)) {
            return -MPR_ERR_IO;
        }
    }
    return 0;
}

static void release_fence(struct mpr_bootsrv *s, struct mpr_job *job)
{
    unsigned char buf[sizeof(struct mpr_boot_hdr)];
    long len = mpr_boot_encode(MPR_BOOT_FENCE_DONE, NULL, 0, buf, sizeof(buf));

    for (int r = 0; r < job->nranks; r++) {
        struct mpr_proc *p = &job->procs[r];
        p->in_fence = 0;
        if (p->boot_fd >= 0) {
            send_reply(p->boot_fd, buf, (size_t)len);
        }
    }
    s->fence_waiting = 0;
}

static int handle_get(struct mpr_bootsrv *s, struct mpr_proc *p, const struct mpr_boot_msg *m)
{
    static unsigned char buf[sizeof(struct mpr_boot_hdr) + MPR_BOOT_PAYLOAD_MAX];
    unsigned char reply[4 + MPR_BOOT_PAYLOAD_MAX - 4];
    const void *val = NULL;
    uint32_t rank, vlen = 0, found;
    const char *key;

    if (mpr_boot_parse_get(m, &rank, &key) != 0) {
        return -MPR_ERR_PROTO;
    }
    found = mpr_kvs_get(s->kvs, (int)rank, key, &val, &vlen) == 0;
    if (!found || vlen > sizeof(reply) - 4) {
        found = 0;
        vlen = 0;
    }
    memcpy(reply, &found, 4);
    if (vlen) {
        memcpy(reply + 4, val, vlen);
    }
    long len = mpr_boot_encode(MPR_BOOT_GET_REPLY, reply, 4 + vlen, buf, sizeof(buf));
    return len < 0 ? (int)len : send_reply(p->boot_fd, buf, (size_t)len);
}

static int handle_msg(struct mpr_bootsrv *s, struct mpr_job *job, struct mpr_proc *p,
                      const struct mpr_boot_msg *m, struct mpr_bootsrv_result *res)
{
    const char *key, *why;
    const void *val;
    uint32_t vlen, state;
    int32_t code;

    switch (m->type) {
    case MPR_BOOT_PUT:
        if (mpr_boot_parse_put(m, &key, &val, &vlen) != 0) {
            return -MPR_ERR_PROTO;
        }
        return mpr_kvs_put(s->kvs, p->rank, key, val, vlen);
    case MPR_BOOT_GET:
        return handle_get(s, p, m);
    case MPR_BOOT_FENCE:
        if (!p->in_fence) {
            p->in_fence = 1;
            if (++s->fence_waiting == job->nranks) {
                release_fence(s, job);
            }
        }
        return 0;
    case MPR_BOOT_STATE:
        if (mpr_boot_parse_u32(m, &state) != 0) {
            return -MPR_ERR_PROTO;
        }
        p->mpi = state == MPR_BOOT_STATE_FINALIZED ? MPR_MPI_FINALIZED : MPR_MPI_INIT;
        return 0;
    case MPR_BOOT_ABORT:
        if (mpr_boot_parse_abort(m, &code, &why) != 0) {
            return -MPR_ERR_PROTO;
        }
        res->event = MPR_BOOTSRV_ABORT;
        res->abort_code = code;
        snprintf(res->abort_why, sizeof(res->abort_why), "%s", why);
        return 0;
    default:
        return -MPR_ERR_PROTO;
    }
}

static void close_boot(struct mpr_proc *p)
{
    close(p->boot_fd);
    p->boot_fd = -1;
}

void mpr_bootsrv_read(struct mpr_bootsrv *s, struct mpr_job *job, int rank,
                      struct mpr_bootsrv_result *res)
{
    struct mpr_proc *p = &job->procs[rank];
    struct mpr_boot_msg m;
    size_t room;
    unsigned char *space = mpr_boot_decoder_space(p->dec, &room);
    ssize_t n = read(p->boot_fd, space, room);

    res->event = MPR_BOOTSRV_OK;
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        return;
    }
    if (n <= 0) {
        close_boot(p);
        res->event = n == 0 ? MPR_BOOTSRV_CLOSED : MPR_BOOTSRV_ERROR;
        return;
    }
    mpr_boot_decoder_added(p->dec, (size_t)n);
    for (;;) {
        int rc = mpr_boot_decode_next(p->dec, &m);
        if (rc == 0 || res->event == MPR_BOOTSRV_ABORT) {
            return;
        }
        if (rc < 0 || handle_msg(s, job, p, &m, res) != 0) {
            close_boot(p);
            res->event = MPR_BOOTSRV_ERROR;
            return;
        }
    }
}
