/*
 * Point-to-point as runtime/api/pt2pt.c calls it. Arguments are already checked there; these
 * return 0 or a negative MPR_ERR_* (-MPR_ERR_NOMEM mostly). Buffers are contiguous byte ranges;
 * datatypes that are not contig are packed and unpacked around these calls (pt2pt/typed.h).
 */
#ifndef MPR_PT2PT_H
#define MPR_PT2PT_H

#include "pt2pt/request.h"

#include <mpi.h>
#include <stddef.h>
#include <stdint.h>

struct mpr_comm;
struct mpr_stage;

/* Bring up the transports for every peer; called by MPI_Init after the bootstrap is up. */
int mpr_pt2pt_init(void);
/* Finish pending sends and release transports; called by MPI_Finalize before its fence. */
void mpr_pt2pt_fini(void);

/*
 * Start a send of `bytes` at buf to comm rank `dest` (MPI_PROC_NULL allowed). The request
 * completes when buf may be reused (MPR_MODE_SYNC: also only after the receive matched).
 * MPR_MODE_BUFFERED is handled by the caller (copy into the attached buffer, then standard).
 */
int mpr_pt2pt_isend(const void *buf, size_t bytes, int dest, int tag, struct mpr_comm *comm,
                    enum mpr_send_mode mode, struct mpr_request **out);
/* The same on an explicit context (collectives use the communicator's collective context). */
int mpr_pt2pt_isend_ctx(const void *buf, size_t bytes, int dest, int tag, struct mpr_comm *comm,
                        uint32_t ctx, struct mpr_request **out);
/*
 * The same for a collective step whose receiver posts its receive in the same round (a
 * sendrecv pair of an exchange algorithm): it may go eagerly up to the point-to-point eager
 * limit instead of MPR_COLL_EAGER_LIMIT.
 */
int mpr_pt2pt_isend_exchange(const void *buf, size_t bytes, int dest, int tag,
                             struct mpr_comm *comm, uint32_t ctx, struct mpr_request **out);
int mpr_pt2pt_irecv_ctx(void *buf, size_t cap, int src, int tag, struct mpr_comm *comm,
                        uint32_t ctx, struct mpr_request **out);
/*
 * A rendezvous send of `bytes` whose data stage st packs fragment by fragment as it streams
 * (datatype/stage.h; pt2pt/typed.c makes it for large non-contig types). The request owns st.
 */
int mpr_pt2pt_isend_streamed(struct mpr_stage *st, size_t bytes, int dest, int tag,
                             struct mpr_comm *comm, enum mpr_send_mode mode,
                             struct mpr_request **out);

/*
 * Blocking standard send, fast path: a small message to a peer with nothing queued goes out at
 * once, without a request. Returns 1 when it was sent (or dest is MPI_PROC_NULL), 0 when the
 * caller must take the general path (mpr_pt2pt_isend + wait).
 */
int mpr_pt2pt_send_now(const void *buf, size_t bytes, int dest, int tag, struct mpr_comm *comm);
/*
 * Blocking receive with its request on the stack: waits, then fills *status (never
 * MPI_STATUS_IGNORE here). Returns 0 or -MPR_ERR_NOMEM; truncation is status->MPI_ERROR.
 */
int mpr_pt2pt_recv(void *buf, size_t cap, int src, int tag, struct mpr_comm *comm,
                   MPI_Status *status);
/* Start a receive into `cap` bytes at buf from comm rank `src` (or MPI_ANY_SOURCE, MPI_PROC_NULL).
 */
int mpr_pt2pt_irecv(void *buf, size_t cap, int src, int tag, struct mpr_comm *comm,
                    struct mpr_request **out);

/*
 * Look for a matching message without receiving it (progresses first). *flag = 1 and status
 * filled when one is there (count = its size in bytes). With `msg` non-NULL the message is
 * taken off the matching queues and returned as a matched message for mpr_pt2pt_imrecv.
 */
int mpr_pt2pt_iprobe(int src, int tag, struct mpr_comm *comm, int *flag, MPI_Status *status,
                     struct mpr_message **msg);
/* Receive a message taken by a matched probe; frees msg. */
int mpr_pt2pt_imrecv(void *buf, size_t cap, struct mpr_message *msg, struct mpr_request **out);

/* Cancel: a receive still posted is removed and completes cancelled; sends are not cancelled. */
void mpr_pt2pt_cancel(struct mpr_request *req);

/*
 * Whether the operation behind req is complete, without progressing: for a persistent request,
 * its current start (an inactive persistent request counts as complete); DONE requests are.
 */
int mpr_request_done(const struct mpr_request *req);
/*
 * For a request that is done: fill *status (MPI_STATUS_IGNORE allowed), then release it and set
 * *handle to MPI_REQUEST_NULL, or, for a persistent request, make it inactive and keep it.
 * Returns the operation's error class (MPI_SUCCESS, MPI_ERR_TRUNCATE, ...).
 */
int mpr_request_finish(MPI_Request *handle, MPI_Status *status);
/* MPI_Request_free: release now if done, else when the operation completes. */
void mpr_request_free(MPI_Request *handle);

/*
 * Persistent requests (MPI_Send_init & co.): arguments are kept, nothing moves until start.
 * mode MPR_MODE_BUFFERED is allowed here. kind is MPR_REQ_PERSIST_SEND or _RECV.
 */
int mpr_pt2pt_persist_init(enum mpr_req_kind kind, void *buf, int count, MPI_Datatype dtype,
                           int rank, int tag, struct mpr_comm *comm, enum mpr_send_mode mode,
                           struct mpr_request **out);
/* Start an inactive persistent request: 0, -MPR_ERR_BUFFER (bsend) or -MPR_ERR_NOMEM. */
int mpr_pt2pt_start(struct mpr_request *req);

/* MPI_Buffer_attach/detach: detach waits until every buffered send from it is done. */
int mpr_bsend_attach(void *buf, size_t size);
int mpr_bsend_detach(void **buf, size_t *size);
/* Copy the message into the attached buffer and start it: -MPR_ERR_BUFFER when it does not fit. */
int mpr_bsend_start(const void *buf, size_t bytes, int dest, int tag, struct mpr_comm *comm,
                    struct mpr_request **out);

/* Progress until req is complete, using the wait policy (spin, yield, sleep). */
void mpr_pt2pt_wait(struct mpr_request *req);
/* Progress until at least one of reqs[0..n) (NULL entries ignored) is complete. */
void mpr_pt2pt_wait_any(struct mpr_request **reqs, int n);

#endif
