/*
 * Collective schedules: every collective algorithm is written as a schedule, a list of rounds.
 * A round starts all its sends and receives at once; when they have all completed, its local
 * steps (reduce, copy) run in order; then the next round starts. The progress engine drives
 * started schedules, so a schedule is a nonblocking collective; a blocking collective is a
 * schedule started and waited for.
 *
 * Messages of a schedule travel on the communicator's collective context (context_id + 1) with
 * the schedule's tag, a sequence number every rank draws in the same order (collectives are
 * called in the same order on every rank), so they never mix with point-to-point traffic or with
 * another outstanding collective. Within one schedule, messages between two ranks keep their
 * order (non-overtaking).
 *
 * Buffers given to the builder must stay valid until the schedule completes; mpr_sched_tmp()
 * hands out scratch memory freed with the schedule. Builders return 0 or -MPR_ERR_NOMEM; on error
 * the caller frees the schedule with mpr_sched_free.
 */
#ifndef MPR_SCHED_H
#define MPR_SCHED_H

#include <mpi.h>
#include <stddef.h>

struct mpr_comm;
struct mpr_request;
struct mpr_sched;

/* A new, empty schedule on comm (draws the next collective tag). NULL when out of memory. */
struct mpr_sched *mpr_sched_new(struct mpr_comm *comm);
void mpr_sched_free(struct mpr_sched *s);

/* Communication steps of the current round; peer is a rank of the communicator. */
int mpr_sched_send(struct mpr_sched *s, const void *buf, size_t bytes, int peer);
int mpr_sched_recv(struct mpr_sched *s, void *buf, size_t bytes, int peer);
/* Local steps, run in order after the round's communication completed. */
int mpr_sched_copy(struct mpr_sched *s, void *dst, const void *src, size_t bytes);
/* inout[i] = in[i] op inout[i], as MPI_Reduce_local (the order matters for non-commutative ops). */
int mpr_sched_reduce(struct mpr_sched *s, const void *in, void *inout, MPI_Count count,
                     MPI_Datatype dtype, MPI_Op op);
/* End the current round: the next steps wait for everything before. No-op on an empty round. */
int mpr_sched_round(struct mpr_sched *s);
/* Scratch memory that lives as long as the schedule (NULL when out of memory). */
void *mpr_sched_tmp(struct mpr_sched *s, size_t bytes);

/*
 * Start it. *req completes when the last round is done; the request owns the schedule (it is
 * freed with the request). 0 or -MPR_ERR_NOMEM.
 */
int mpr_sched_start(struct mpr_sched *s, struct mpr_request **req);
/* Start and wait: a blocking collective. Frees the schedule. 0 or -MPR_ERR_*. */
int mpr_sched_run(struct mpr_sched *s);

#endif
