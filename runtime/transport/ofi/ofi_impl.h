/*
 * The fabric transport's internals (libfabric RDM endpoints), shared by its files:
 * ofi_info.c (which provider and interface), ofi.c (endpoint, records, progress, waiting),
 * ofi_rma.c (rendezvous gets with fi_read).
 *
 * Every operation posted to the endpoint carries an object that starts with a struct
 * mpr_ofi_op (its fi_context2 is the operation's context), so a completion, or an error, leads
 * back to what it was for and to the peer involved.
 */
#ifndef MPR_OFI_IMPL_H
#define MPR_OFI_IMPL_H

#include "transport/transport.h"

#include <rdma/fabric.h>
#include <rdma/fi_domain.h>
#include <stddef.h>
#include <stdint.h>

enum mpr_ofi_op_kind { MPR_OFI_OP_RECV, MPR_OFI_OP_SEND, MPR_OFI_OP_READ };

struct mpr_ofi_op {
    struct fi_context2 ctx; /* first: the provider's scratch (FI_CONTEXT, FI_CONTEXT2) */
    enum mpr_ofi_op_kind kind;
    int peer; /* world rank on the other side (-1 for a receive until it completes) */
};

/*
 * What travels in front of every record: the sender's world rank (RDM receives do not say who
 * sent them without FI_SOURCE) and its sequence number to this peer, which makes delivery in
 * send order independent of the order the provider reports completions in.
 */
struct mpr_ofi_frame {
    uint32_t src;
    uint32_t seq;
};
_Static_assert(sizeof(struct mpr_ofi_frame) == 8, "fabric frame header is 8 bytes");

/* A pre-posted receive buffer or a send buffer: one record, framed. */
struct mpr_ofi_buf {
    struct mpr_ofi_op op;
    struct mpr_ofi_buf *next; /* free list (sends), repost list (receives) */
    unsigned char *data;      /* frame + record, `mpr_ofi.buf_size` bytes */
};

/* A record that arrived ahead of an earlier one from the same peer (kept until its turn). */
struct mpr_ofi_early;

struct mpr_ofi_peer {
    uint32_t tx_seq;             /* sequence number of the next record to this peer */
    uint32_t rx_seq;             /* the one expected next from it */
    struct mpr_ofi_early *early; /* out-of-order arrivals, by seq */
};

struct mpr_ofi_state {
    int up;
    struct fi_info *info;
    struct fid_fabric *fabric;
    struct fid_domain *domain;
    struct fid_cq *cq;
    struct fid_av *av;
    struct fid_ep *ep;
    int wait_fd;     /* the completion queue's wait fd, or -1 (sleep in short slices) */
    fi_addr_t *addr; /* world rank -> address vector entry */
    struct mpr_ofi_peer *peers;
    int rma;      /* fi_read works: rendezvous reads, else data streams as records */
    int mr_local; /* FI_MR_LOCAL: local buffers need descriptors */
    int mr_virt;  /* FI_MR_VIRT_ADDR: remote addresses are virtual, else offsets */
    int mr_prov_key;
    int mr_endpoint;
    size_t buf_size; /* frame + largest record */
    size_t max_read; /* largest single fi_read */
    /* receive and send buffers: one registered region each */
    unsigned char *rx_mem, *tx_mem;
    struct fid_mr *rx_mr, *tx_mr;
    struct mpr_ofi_buf *rx, *tx;
    int nrx, ntx;
    struct mpr_ofi_buf *tx_free;
    struct mpr_ofi_buf *rx_repost; /* receive buffers the provider had no room to take back */
    int inflight;                  /* sends and reads posted, not completed */
    struct mpr_ofi_get *gets;      /* gets with chunks still to post */
};

extern struct mpr_ofi_state mpr_ofi;

/* The functions libfabric exports, loaded by mpr_ofi_dl_open (ofi_dl.c). */
struct mpr_fi_api {
    int (*getinfo)(uint32_t version, const char *node, const char *service, uint64_t flags,
                   const struct fi_info *hints, struct fi_info **info);
    void (*freeinfo)(struct fi_info *info);
    struct fi_info *(*dupinfo)(const struct fi_info *info);
    int (*fabric)(struct fi_fabric_attr *attr, struct fid_fabric **fabric, void *context);
    const char *(*strerror)(int errnum);
};
extern struct mpr_fi_api mpr_fi;

/* dlopen libfabric once: 0, or -MPR_ERR_IO after a line saying what to install. */
int mpr_ofi_dl_open(void);

/*
 * Pick the provider and interface (MPR_OFI_PROVIDER, MPR_OFI_IFACE, else the preference order).
 * 0 with *out set (free with fi_freeinfo), 1 when nothing usable exists and none was asked
 * for (the fabric stays down), or -MPR_ERR_IO after one line saying what to set.
 */
int mpr_ofi_choose(int one_node, struct fi_info **out);

/* Register len bytes at buf for `access` (FI_SEND|FI_RECV|FI_READ|FI_REMOTE_READ...). */
int mpr_ofi_mr_reg(const void *buf, size_t len, uint64_t access, struct fid_mr **mr);
/* The descriptor of mr to pass with a local buffer (NULL when FI_MR_LOCAL is off). */
void *mpr_ofi_mr_desc(struct fid_mr *mr);

/* A completion of a READ op (ofi_rma.c), and the chunks waiting for room. */
void mpr_ofi_read_done(struct mpr_ofi_op *op);
int mpr_ofi_gets_retry(void);
void mpr_ofi_rma_fini(void);

int mpr_ofi_expose(int peer, const void *buf, size_t len, struct mpr_tp_desc *desc, void **handle);
void mpr_ofi_unexpose(void *handle);
int mpr_ofi_get(int peer, void *dst, size_t len, const struct mpr_tp_desc *desc, void *ctx);

/* A failed fabric operation with `peer`: one line naming the rank, and the job ends. */
_Noreturn void mpr_ofi_fatal(int peer, const char *what, int err);

#endif
