/*
 * The byte movers. Each peer (world rank) gets exactly one transport, the first that reaches
 * it in the order self > shm > ofi. A transport is a const table of functions plus limits;
 * pt2pt never looks inside it.
 *
 * Receiving is an upcall: a transport's progress() hands each arriving record to
 * mpr_pt2pt_incoming() while the record still sits in its ring (the receive transaction), so an
 * eager message matching a posted receive is copied once, straight into the user buffer.
 */
#ifndef MPR_TRANSPORT_H
#define MPR_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

struct mpr_transport {
    const char *name;

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
     * Copy len bytes at `addr` in peer's address space into dst (single-copy rendezvous).
     * May block for the copy only. 0, or -MPR_ERR_IO (the caller falls back to CTS/DATA).
     */
    int (*pull)(int peer, void *dst, uint64_t addr, size_t len);

    /* Copy len bytes from src into peer's address space at `addr` (split copy). Like pull(). */
    int (*push)(int peer, uint64_t addr, const void *src, size_t len);

    /* Whether pull() and push() work to this peer (CMA allowed and not disabled). */
    int (*can_pull)(int peer);

    /*
     * Hand every record that has arrived to mpr_pt2pt_incoming(). Never blocks. Returns how many
     * records it delivered (0: nothing new).
     */
    int (*progress)(void);

    /* Release everything; called once at finalize, after the last progress(). */
    void (*fini)(void);
};

/* Upcall from a transport's progress(): one record from world rank `peer`. */
void mpr_pt2pt_incoming(int peer, const void *head, size_t headlen, const void *payload,
                        size_t len);

#endif
