/*
 * Point-to-point on (buffer, count, datatype), as runtime/api/pt2pt.c calls it for types that
 * may not be contig. A contig type goes straight to the byte calls of pt2pt.h; any other is
 * packed before a send and unpacked when a receive completes (datatype/stage.h), the stage
 * riding on the request. Arguments are checked by the caller; these return 0 or a negative
 * MPR_ERR_* like the byte calls they wrap.
 */
#ifndef MPR_PT2PT_TYPED_H
#define MPR_PT2PT_TYPED_H

#include "pt2pt/pt2pt.h"

/*
 * mpr_pt2pt_send_now for a type that is not contig: a small message is packed on the stack and
 * sent at once (1), else 0 and the caller takes the general path.
 */
int mpr_pt2pt_send_now_dt(const void *buf, int count, MPI_Datatype dt, int dest, int tag,
                          struct mpr_comm *comm);
/* Any send mode, MPR_MODE_BUFFERED included. */
int mpr_pt2pt_isend_dt(const void *buf, int count, MPI_Datatype dt, int dest, int tag,
                       struct mpr_comm *comm, enum mpr_send_mode mode, struct mpr_request **out);
int mpr_pt2pt_irecv_dt(void *buf, int count, MPI_Datatype dt, int src, int tag,
                       struct mpr_comm *comm, struct mpr_request **out);
/* Blocking receive (mpr_pt2pt_recv); a truncated message unpacks what fitted. */
int mpr_pt2pt_recv_dt(void *buf, int count, MPI_Datatype dt, int src, int tag,
                      struct mpr_comm *comm, MPI_Status *status);
int mpr_pt2pt_imrecv_dt(void *buf, int count, MPI_Datatype dt, struct mpr_message *msg,
                        struct mpr_request **out);

#endif
