/*
 * The byte movers. Each peer (world rank) gets exactly one transport, the first in the const
 * array of transports (self > shm > ofi, transport_table.c) that is up and reaches it. A transport
 * is a const table of functions plus limits; pt2pt never looks inside it, and it never looks
 * inside pt2pt's records.
 *
 * Records are opaque bytes to a transport, delivered whole and in the order they were sent to
 * the same peer (per-peer FIFO: MPI's non-overtaking rule rests on it). The first byte of every
 * record pt2pt sends is below MPR_TP_KIND_PRIVATE; a transport may interleave records of its
 * own whose first byte is at or above it, and must never deliver those upward.
 *
 * Receiving is an upcall: a transport's progress() hands each arriving record to
 * mpr_pt2pt_incoming() while the record still sits in its ring or receive buffer (the receive
 * transaction), so an eager message matching a posted receive is copied once, straight into the
 * user buffer.
 *
 * Rendezvous is a transport-neutral, asynchronous get: the sender exposes its buffer, which
 * yields an opaque descriptor carried in the RTS; the receiver starts a get of that descriptor
 * straight into its buffer, and the transport reports completion through mpr_pt2pt_get_done().
 * A transport (or a peer, or a buffer) that cannot be read that way says so, and pt2pt streams
 * the data as records instead (CTS/DATA: also the path for data packed as it is sent).
 */
#ifndef MPR_TRANSPORT_H
#define MPR_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

/* First byte of a record at or above this: the transport's own, never delivered upward. */
#define MPR_TP_KIND_PRIVATE 0xf0u

/* How a peer can read a rendezvous buffer: opaque outside the transport that made it. */
struct mpr_tp_desc {
    uint64_t addr; /* 0: not exposed (stream the data instead) */
    uint64_t key;
    uint64_t aux;
};
_Static_assert(sizeof(struct mpr_tp_desc) == 24, "remote descriptor is 24 bytes on the wire");

struct mpr_transport {
    const char *name;

    /*
     * Bring the transport up for this job. Collective over every rank of the job (all transports'
     * init run in the same order everywhere, and each may fence through the bootstrap). Returns 0
     * whether or not the transport turns out usable here (see up()), or a negative MPR_ERR_* for
     * a failure that must end the job (after logging one line saying what to change). Always
     * leaves a state fini() can destroy.
     */
    int (*init)(void);

    /* Whether init left the transport usable (e.g. shm: a node segment; ofi: an endpoint). */
    int (*up)(void);

    /* Whether this transport reaches world rank `peer`. Only asked when up(). */
    int (*reaches)(int peer);

    /* Largest head + payload one send() may carry (the eager limit stays below it). Fixed once
     * the transport is up. */
    size_t (*max_record)(void);

    /*
     * Queue one record (head bytes, then payload bytes) to `peer`. Never blocks. Copies both:
     * the caller may reuse its buffers on return. Returns 0, or -MPR_ERR_AGAIN when there is no
     * room now (the caller keeps the record and retries from progress; never an error to users).
     * May deliver synchronously (self) by calling mpr_pt2pt_incoming() before returning.
     */
    int (*send)(int peer, const void *head, size_t headlen, const void *payload, size_t len);

    /*
     * Sender side of a rendezvous: make len bytes at buf readable by `peer` until unexpose().
     * Fills *desc (sent to the peer) and *handle (kept here, given back to unexpose). Never
     * blocks. Returns 0, or -MPR_ERR_UNSUPPORTED when the peer cannot read this buffer directly
     * (then *desc is left untouched and the data must be streamed).
     */
    int (*expose)(int peer, const void *buf, size_t len, struct mpr_tp_desc *desc, void **handle);
    /* The peer is done reading (its FIN arrived): release what expose() took. */
    void (*unexpose)(void *handle);

    /*
     * Receiver side: start reading len bytes of the peer's exposed buffer `desc` into dst.
     * Never blocks for the transfer; completion is reported exactly once, from this call or a
     * later progress(), by mpr_pt2pt_get_done(ctx). dst belongs to the transport until then.
     * Returns 0 (started or done), or -MPR_ERR_UNSUPPORTED when it cannot be read (stream it).
     */
    int (*get)(int peer, void *dst, size_t len, const struct mpr_tp_desc *desc, void *ctx);

    /*
     * Deliver every record that has arrived (mpr_pt2pt_incoming) and every completed get
     * (mpr_pt2pt_get_done), move what the transport queued itself. Never blocks. Returns how many
     * events it handled (0: nothing new).
     */
    int (*progress)(void);

    /*
     * Optional: non-zero while operations the transport posted have not completed (ofi: sends
     * and reads in flight). Finalize waits until no transport is busy before the endpoints
     * close, and a busy rank yields instead of sleeping.
     */
    int (*busy)(void);

    /*
     * Sleep until this transport may have work, or timeout_ns passes. Returns at once if work
     * is already there. May leave a "wake me" flag up that unblock() lowers at the end of the
     * wait (shm). NULL: the transport cannot sleep (the wait policy yields instead).
     */
    void (*block)(long timeout_ns);
    void (*unblock)(void);

    /* Release everything; called once at finalize, after the last progress(). */
    void (*fini)(void);
};

/* Upcall from a transport's progress(): one record from world rank `peer`. */
void mpr_pt2pt_incoming(int peer, const void *rec, size_t len);

/* Upcall: the get started with `ctx` has landed. */
void mpr_pt2pt_get_done(void *ctx);

#endif
