/*
 * Line-atomic forwarding of the ranks' stdout and stderr.
 *
 * mplaunch reads every rank's output pipes in one single-threaded poll loop and hands what it
 * reads to one mpr_io_stream per (rank, stdout|stderr) pipe. A stream keeps the partial last line
 * and writes only complete lines, so streams sharing an output fd never cut into each other's
 * lines: every write() a stream makes holds whole lines only, and it completes (partial writes
 * and EINTR are retried; EAGAIN waits in poll() for the fd) before the caller can feed another
 * stream. All complete lines available after one feed leave in as few write() calls as possible:
 * one when they fit in the stream's buffer.
 *
 * Exceptions, by design:
 *   - A line longer than MPR_IO_BUF_MAX bytes (tag included) is written in MPR_IO_BUF_MAX-sized
 *     pieces, so that a stream's memory stays bounded; other output may land between the pieces.
 *   - mpr_io_stream_flush writes the partial last line as is (used at EOF: nothing is lost when a
 *     rank dies mid-line; no newline is added).
 *   - MPR_IO_RAW streams write whatever arrives at once (for '\r' progress bars).
 *
 * A stream's buffer starts small and grows up to MPR_IO_BUF_MAX bytes, never beyond.
 */
#ifndef MPR_LAUNCHER_IO_H
#define MPR_LAUNCHER_IO_H

#include <stdbool.h>
#include <stddef.h>

#define MPR_IO_BUF_MAX 65536u /* most bytes a stream holds; also the longest unsplit line */
#define MPR_IO_TAG_MAX 16u    /* "[rank] " with any int rank, NUL included */

enum mpr_io_flags {
    MPR_IO_TAG = 1u << 0, /* prefix "[rank] " at the start of every line (never mid-line) */
    MPR_IO_RAW = 1u << 1, /* unbuffered pass-through; with TAG, a prefix only after '\n' */
};

/* One per (rank, stdout|stderr) pipe. Fields are private to io.c. */
struct mpr_io_stream {
    int rank;
    int out_fd;
    unsigned flags;
    bool at_line_start; /* the next byte fed begins a line: the tag goes before it */
    bool logged;        /* an error was logged already: log once per stream */
    char tag[MPR_IO_TAG_MAX];
    size_t tag_len;
    char *buf;    /* pending output, tags inserted; between calls, line mode holds no '\n' */
    size_t len;   /* bytes in buf */
    size_t alloc; /* bytes allocated, <= MPR_IO_BUF_MAX */
    size_t clean; /* bytes at the front of buf known to hold no '\n' (never scanned twice) */
};

/* Never fails: the buffer is allocated on the first feed. flags: MPR_IO_TAG | MPR_IO_RAW. */
void mpr_io_stream_init(struct mpr_io_stream *s, int rank, int out_fd, unsigned flags);

/*
 * Take n bytes of the rank's output: write every complete line to out_fd (RAW: everything), keep
 * the partial last line. Returns 0, -MPR_ERR_IO (a write failed; logged once per stream, the
 * bytes of that write are dropped so the stream keeps going), or -MPR_ERR_NOMEM.
 */
int mpr_io_stream_feed(struct mpr_io_stream *s, const char *data, size_t n);

/*
 * One read() from in_fd (EINTR retried), fed to the stream. Returns the bytes read (> 0); 0 at
 * EOF, after writing the partial last line (ended with a '\n' in line mode, so that it cannot run
 * into another stream's output); -MPR_ERR_AGAIN when a nonblocking in_fd has nothing;
 * -MPR_ERR_IO when read() failed (logged) or a write failed (see feed).
 */
int mpr_io_stream_read(struct mpr_io_stream *s, int in_fd);

/* Write the partial last line as is, without adding a newline. Returns 0 or -MPR_ERR_IO. */
int mpr_io_stream_flush(struct mpr_io_stream *s);

/* Bytes held back (the partial last line, tag included); at most MPR_IO_BUF_MAX. */
size_t mpr_io_stream_pending(const struct mpr_io_stream *s);

/* Free the buffer. Pending bytes are discarded: call mpr_io_stream_flush first to keep them. */
void mpr_io_stream_fini(struct mpr_io_stream *s);

#endif
