/*
 * Line-atomic output forwarding (see io.h for the contract).
 *
 * Bytes are copied once, into the stream's buffer, with tags inserted on the way; complete lines
 * then leave in one write() per feed (or per buffer-full). The bytes kept after a write are the
 * partial last line, and the next write that happens takes them along, so each byte is moved at
 * most once; `clean` keeps the search for the last '\n' from rescanning a long partial line on
 * every small feed. Forwarding stays linear in the output size.
 */
#include "io.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/errcode.h"

enum { IO_BUF_MIN = 4096 };

static void io_log_once(struct mpr_io_stream *s, const char *what, int err)
{
    if (!s->logged) {
        fprintf(stderr, "mplaunch: forwarding output of rank %d: %s failed: %s\n", s->rank, what,
                strerror(err));
        s->logged = true;
    }
}

/* Write all n bytes, waiting out partial writes, EINTR and a nonblocking fd that is full. */
static int io_write_all(struct mpr_io_stream *s, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(s->out_fd, p, n);

        if (w >= 0) {
            p += w;
            n -= (size_t)w;
        } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
            struct pollfd pfd = {.fd = s->out_fd, .events = POLLOUT};

            (void)poll(&pfd, 1, -1);
        } else if (errno != EINTR) {
            io_log_once(s, "write", errno);
            return -MPR_ERR_IO;
        }
    }
    return 0;
}

/* Write the first n buffered bytes and keep the rest at the front. Failed bytes are dropped. */
static int io_write_front(struct mpr_io_stream *s, size_t n)
{
    int rc = io_write_all(s, s->buf, n);

    memmove(s->buf, s->buf + n, s->len - n);
    s->len -= n;
    return rc;
}

/* Write every complete line; with `all` (raw mode, flush) every byte. */
static int io_drain(struct mpr_io_stream *s, bool all)
{
    const char *nl;
    int rc = 0;

    if (all && s->len > 0) {
        rc = io_write_front(s, s->len);
    } else if (!all && s->len > s->clean) {
        nl = memrchr(s->buf + s->clean, '\n', s->len - s->clean);
        rc = nl != NULL ? io_write_front(s, (size_t)(nl - s->buf) + 1) : 0;
    }
    /* What is left follows the last '\n': the partial last line. */
    s->clean = s->len;
    return rc;
}

/* The buffer is full: whole lines go out; a buffer without one holds an over-long line, cut. */
static int io_drain_full(struct mpr_io_stream *s)
{
    int rc = io_drain(s, false);

    if (s->len == s->alloc) {
        rc = io_drain(s, true);
    }
    return rc;
}

/* Free bytes at the end of the buffer, growing it towards len + want (up to the cap). */
static size_t io_room(struct mpr_io_stream *s, size_t want)
{
    size_t need = s->len + want;

    if (need > s->alloc && s->alloc < MPR_IO_BUF_MAX) {
        size_t alloc = s->alloc == 0 ? IO_BUF_MIN : s->alloc;
        char *buf;

        while (alloc < need && alloc < MPR_IO_BUF_MAX) {
            alloc *= 2;
        }
        alloc = alloc > MPR_IO_BUF_MAX ? MPR_IO_BUF_MAX : alloc;
        buf = realloc(s->buf, alloc);
        if (buf != NULL) {
            s->buf = buf;
            s->alloc = alloc;
        }
    }
    return s->alloc - s->len;
}

/*
 * Free at least `min` bytes, growing the buffer towards `want` free bytes or, when it is at the
 * cap, writing out. Sets *room to the free bytes. Returns 0, -MPR_ERR_IO (bytes dropped, room
 * made anyway) or -MPR_ERR_NOMEM (nothing could be allocated).
 */
static int io_reserve(struct mpr_io_stream *s, size_t want, size_t min, size_t *room)
{
    int rc = 0;

    *room = io_room(s, want);
    if (*room < min) {
        if (s->alloc == 0) {
            return -MPR_ERR_NOMEM;
        }
        rc = io_drain_full(s);
        *room = s->alloc - s->len;
    }
    return rc;
}

/*
 * Copy into the buffer, inserting tags; writes only when the buffer is full. At a line start
 * the buffer holds whole lines only, so making room for a tag empties it: a tag always fits
 * together with at least one byte of its line.
 */
static int io_append(struct mpr_io_stream *s, const char *data, size_t n)
{
    bool tagged = (s->flags & MPR_IO_TAG) != 0;
    int rc = 0;

    while (n > 0) {
        bool put_tag = tagged && s->at_line_start;
        size_t tag_len = put_tag ? s->tag_len : 0;
        size_t room, take;
        int step = io_reserve(s, n + tag_len, tag_len + 1, &room);

        if (step == -MPR_ERR_NOMEM) {
            return step;
        }
        rc = step < 0 ? step : rc;
        memcpy(s->buf + s->len, s->tag, tag_len);
        s->len += tag_len;
        room -= tag_len;
        take = n < room ? n : room;
        if (tagged) {
            const char *nl = memchr(data, '\n', take);

            take = nl != NULL ? (size_t)(nl - data) + 1 : take;
            s->at_line_start = nl != NULL;
        }
        memcpy(s->buf + s->len, data, take);
        s->len += take;
        data += take;
        n -= take;
    }
    return rc;
}

void mpr_io_stream_init(struct mpr_io_stream *s, int rank, int out_fd, unsigned flags)
{
    int tl;

    memset(s, 0, sizeof(*s));
    s->rank = rank;
    s->out_fd = out_fd;
    s->flags = flags;
    s->at_line_start = true;
    tl = snprintf(s->tag, sizeof(s->tag), "[%d] ", rank);
    s->tag_len = tl > 0 ? (size_t)tl : 0;
}

int mpr_io_stream_feed(struct mpr_io_stream *s, const char *data, size_t n)
{
    int rc = io_append(s, data, n);
    int drc = io_drain(s, (s->flags & MPR_IO_RAW) != 0);

    return rc < 0 ? rc : drc;
}

int mpr_io_stream_read(struct mpr_io_stream *s, int in_fd)
{
    char tmp[MPR_IO_BUF_MAX];
    ssize_t r;
    int rc;

    do {
        r = read(in_fd, tmp, sizeof(tmp));
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            return -MPR_ERR_AGAIN;
        }
        io_log_once(s, "read", errno);
        return -MPR_ERR_IO;
    }
    if (r > 0) {
        rc = mpr_io_stream_feed(s, tmp, (size_t)r);
        return rc < 0 ? rc : (int)r;
    }
    /* EOF: in line mode a last line without '\n' is ended here, or the next rank's output would
     * continue it on the same line. */
    rc = s->len > 0 && !(s->flags & MPR_IO_RAW) ? mpr_io_stream_feed(s, "\n", 1) : 0;
    return rc < 0 ? rc : mpr_io_stream_flush(s);
}

int mpr_io_stream_flush(struct mpr_io_stream *s)
{
    return io_drain(s, true);
}

size_t mpr_io_stream_pending(const struct mpr_io_stream *s)
{
    return s->len;
}

void mpr_io_stream_fini(struct mpr_io_stream *s)
{
    free(s->buf);
    s->buf = NULL;
    s->len = 0;
    s->alloc = 0;
}
