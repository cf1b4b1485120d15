/*
 * Staging: how communication moves data of a type that is not contig. The byte layers below
 * (pt2pt, coll) move contiguous bytes only, so data to send is packed into a temporary before
 * the operation starts, and data to receive lands in a temporary that is unpacked into the
 * user's layout when the operation completes: for a nonblocking operation when the user learns
 * of it (MPI_Wait, MPI_Test..., through mpr_request_unstage in pt2pt/request.c), so that the
 * progress engine never stops to unpack while transfers are in flight.
 *
 * A stage owns its temporaries, the list of (user buffer, count, type, temporary) to unpack, and
 * a reference on every type it was given, so MPI_Type_free on a type with an operation pending
 * frees nothing under it. Contig types never get a stage: they go straight through.
 */
#ifndef MPR_STAGE_H
#define MPR_STAGE_H

#include "datatype/datatype.h"

#include <stddef.h>

struct mpr_stage;

/* An empty stage; NULL when out of memory. */
struct mpr_stage *mpr_stage_new(void);
/* A temporary that lives as long as the stage (NULL when out of memory). */
void *mpr_stage_alloc(struct mpr_stage *st, size_t bytes);
/* Keep a reference on t until the stage ends (types a pending operation still reads). */
int mpr_stage_keep(struct mpr_stage *st, struct mpr_datatype *t);
/*
 * At the end, unpack count elements of t from the packed bytes at src (a temporary of this
 * stage) into buf. Parts unpack in the order they were added. 0 or -MPR_ERR_NOMEM.
 */
int mpr_stage_unpack_later(struct mpr_stage *st, void *buf, MPI_Count count, struct mpr_datatype *t,
                           const void *src);
/* The same from an image: src is laid out as t describes (a user op's buffer), not packed. */
int mpr_stage_copy_later(struct mpr_stage *st, void *buf, MPI_Count count, struct mpr_datatype *t,
                         const void *src);
/*
 * The operation is complete: unpack every part, drop the references, free everything. A stage
 * made by mpr_stage_recv unpacks only the `got` bytes the receive delivered (none for a receive
 * from MPI_PROC_NULL or a cancelled one); other stages ignore got. NULL is allowed.
 */
void mpr_stage_finish(struct mpr_stage *st, size_t got);
/* The operation never started: free everything without unpacking. NULL is allowed. */
void mpr_stage_discard(struct mpr_stage *st);

/*
 * A send of count elements of t at buf: *data and *bytes are what to send. A contig type sends
 * from buf itself (*st = NULL); any other is packed into a temporary held by *st, which the
 * caller finishes once the send no longer reads it. 0 or -MPR_ERR_NOMEM.
 */
int mpr_stage_send(const void *buf, MPI_Count count, struct mpr_datatype *t, const void **data,
                   size_t *bytes, struct mpr_stage **st);
/*
 * A receive into count elements of t at buf: receive at most *cap bytes at *data, then finish
 * *st with the bytes received (NULL for a contig type, which receives in place).
 * 0 or -MPR_ERR_NOMEM.
 */
int mpr_stage_recv(void *buf, MPI_Count count, struct mpr_datatype *t, void **data, size_t *cap,
                   struct mpr_stage **st);

/*
 * Streaming, for large messages: the two ranks pack and unpack at the same time instead of one
 * after the other. A streamed send keeps (buf, count, t) and packs each fragment just before it
 * leaves, into a bounce buffer of MPR_STAGE_FRAGMENT bytes; the receiver unpacks each fragment
 * straight from the transport into the user's layout as it arrives. Chosen with
 * bench/dtype_column and dtype_halo on the development machine (medians of 15 runs): a one-way
 * 32 KiB column takes 50 us instead of 80 (the hand-packed one 72), 8 KiB 14 instead of 18; 2 KiB
 * fragments from 4 KiB on did best there, and an exchange in both directions (the halo) came out
 * the same with any of 2-8 KiB fragments.
 */
#define MPR_STAGE_FRAGMENT ((size_t)2048)
/* Non-contig messages from this size on are streamed (pt2pt/typed.c). */
#define MPR_STAGE_STREAM_MIN ((size_t)4096)

/* The stage of a streamed send of count elements of t at buf. 0 or -MPR_ERR_NOMEM. */
int mpr_stage_send_streamed(const void *buf, MPI_Count count, struct mpr_datatype *t,
                            struct mpr_stage **st);
/* Pack bytes [off, off + n) of a streamed send (n <= MPR_STAGE_FRAGMENT); returns them. */
const void *mpr_stage_pack_range(struct mpr_stage *st, size_t off, size_t n);
/*
 * Bytes [off, off + n) of a message for a stage made by mpr_stage_recv, arriving now: unpacked
 * at once into the user's layout; the stage then unpacks nothing more at the end.
 */
void mpr_stage_unpack_range(struct mpr_stage *st, size_t off, const void *src, size_t n);

#endif
