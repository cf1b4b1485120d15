/*
 * Requests: one object per point-to-point operation, from start to completion. Blocking calls
 * use a request on the stack-free fast path too (allocated from a free list), so every path
 * completes the same way.
 */
#ifndef MPR_REQUEST_H
#define MPR_REQUEST_H

#include "transport/transport.h"

#include <mpi.h>
#include <stddef.h>
#include <stdint.h>

#define MPR_REQUEST_MAGIC 0x4d5052726571756full /* "MPRrequo" */

enum mpr_req_kind {
    MPR_REQ_SEND,
    MPR_REQ_RECV,
    MPR_REQ_PERSIST_SEND, /* MPI_Send_init and friends: `inner` is the active operation */
    MPR_REQ_PERSIST_RECV,
    MPR_REQ_DONE, /* a request that is complete from the start (MPI_PROC_NULL) */
    MPR_REQ_COLL, /* a collective schedule (coll/sched.c) */
};

enum mpr_send_mode { MPR_MODE_STANDARD, MPR_MODE_SYNC, MPR_MODE_READY, MPR_MODE_BUFFERED };

/* Where a send stands in its protocol. */
enum mpr_send_state {
    MPR_SEND_QUEUED,   /* waiting for room to inject its first record */
    MPR_SEND_WAIT_ACK, /* eager sync: injected, waiting for the match */
    MPR_SEND_WAIT_FIN, /* rendezvous: RTS sent, waiting for FIN or CTS */
    MPR_SEND_STREAM,   /* rendezvous without single-copy: sending DATA fragments */
};

struct mpr_comm;
struct mpr_bsend_block;
struct mpr_sched;
struct mpr_stage;

struct mpr_request {
    uint64_t magic;
    enum mpr_req_kind kind;
    int complete; /* set once, when the operation is done; MPI_Test returns it */
    int freed;    /* MPI_Request_free called while active: release at completion */
    int cancelled;
    int error; /* MPI error class for the status (MPI_ERR_TRUNCATE) */
    int peer;  /* world rank of the other side (-1 for ANY_SOURCE until matched) */
    int rank;  /* comm rank: destination of a send, source filter of a receive */
    int tag;   /* tag of a send; tag filter of a receive */
    struct mpr_comm *comm;
    uint32_t ctx;
    /* the bytes moved: the user buffer, or a packed copy for a type that is not contig */
    void *buf;
    size_t bytes; /* send: message size; receive: buffer capacity */
    /* result, for receives: who sent it, how much arrived */
    int src;
    int rtag;
    size_t got;
    /* send protocol */
    enum mpr_send_mode mode;
    enum mpr_send_state state;
    int rndv;                /* large: RTS, then pull or CTS/DATA; else the data goes eagerly */
    uint64_t rreq;           /* CTS: the receiver's request */
    struct mpr_tp_desc desc; /* rendezvous send: the buffer as exposed (addr 0: not exposed) */
    void *tp_handle;         /* and what the transport's expose() took */
    uint64_t sreq;           /* rendezvous receive: the sender's request, for the FIN */
    size_t offset;           /* STREAM: bytes sent so far */
    struct mpr_bsend_block *bsend; /* buffered send: its space in the attached buffer */
    /* persistent requests */
    struct mpr_request *inner;
    int persist_active;
    MPI_Datatype dtype; /* kept for Start and for Get_elements */
    int count;
    /* receive protocol, fallback path: bytes received as DATA so far */
    size_t recvd;
    struct mpr_sched *sched; /* MPR_REQ_COLL: the schedule it runs */
    /* Derived datatypes (datatype/stage.h): temporaries to unpack from and free once the
     * operation is complete, before the user sees it so (mpr_request_unstage). NULL for
     * contig data. */
    struct mpr_stage *stage;
    /* list links: posted queue or per-peer send queue (a request is on at most one) */
    struct mpr_request *next;
};

/* A fresh request of `kind` (zeroed, magic set), or NULL when out of memory. */
struct mpr_request *mpr_request_new(enum mpr_req_kind kind);
/* Return it to the free list. */
void mpr_request_release(struct mpr_request *req);
/* Mark complete; releases it (after unstaging) if MPI_Request_free was called on it before. */
void mpr_request_complete(struct mpr_request *req);
/* Hand req the stage of its operation (NULL: nothing to stage). */
void mpr_request_set_stage(struct mpr_request *req, struct mpr_stage *st);
/*
 * For a complete request: finish its stage, i.e. unpack received data into the user's layout
 * and free the temporaries. Called where the user learns of the completion (MPI_Wait/Test...,
 * MPI_Request_get_status, MPI_Request_free), not in the progress engine: unpacking there would
 * hold up the transfers still in flight, the peer's included.
 */
void mpr_request_unstage(struct mpr_request *req);
/* Validity for argument checks. */
static inline int mpr_request_ok(const struct mpr_request *r)
{
    return r != NULL && r->magic == MPR_REQUEST_MAGIC;
}

/* Fill an MPI_Status from a completed request (status may be MPI_STATUS_IGNORE). */
void mpr_request_status(const struct mpr_request *req, MPI_Status *status);

#endif
