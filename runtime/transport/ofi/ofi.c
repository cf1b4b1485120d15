/*
 * The fabric transport: libfabric RDM endpoints, one per rank. Records travel as framed sends
 * into pre-posted receive buffers; rendezvous data is read with fi_read (ofi_rma.c). Progress is
 * driven by mpr's engine; a rank with nothing to do sleeps on the completion queue's wait fd.
 */
#include "bootstrap/boot.h"
#include "core/errcode.h"
#include "core/log.h"
#include "core/param.h"
#include "core/runtime.h"
#include "core/state.h"
#include "transport/ofi/ofi_impl.h"
#include "transport/transport_table.h"

#include <poll.h>
#include <signal.h>
#include <rdma/fi_cm.h>
#include <rdma/fi_endpoint.h>
#include <rdma/fi_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct mpr_ofi_state mpr_ofi = {.wait_fd = -1};

/* Sends in flight at once per rank: each holds one buffer of buf_size bytes. */
#define NTX 64
/* Completions read per fi_cq_read. */
#define CQ_BATCH 16
/* Sleep slice when the provider has no wait fd. */
#define NOFD_SLICE_NS 200000L

struct mpr_ofi_early {
    struct mpr_ofi_early *next;
    uint32_t seq;
    size_t len;
    unsigned char rec[];
};

_Noreturn void mpr_ofi_fatal(int peer, const char *what, int err)
{
    char why[512];

    if (peer >= 0) {
        snprintf(why, sizeof(why),
                 "lost the fabric connection to rank %d (%s: %s); the job "
                 "ends",
                 peer, what, mpr_fi.strerror(err));
    } else {
        snprintf(why, sizeof(why), "fabric error (%s: %s); the job ends", what,
                 mpr_fi.strerror(err));
    }
    mpr_runtime_abort(1, why);
}

int mpr_ofi_mr_reg(const void *buf, size_t len, uint64_t access, struct fid_mr **mr)
{
    static uint64_t next_key = 1;
    int rc = fi_mr_reg(mpr_ofi.domain, buf, len, access, 0, mpr_ofi.mr_prov_key ? 0 : next_key++, 0,
                       mr, NULL);

    if (rc == 0 && mpr_ofi.mr_endpoint) {
        rc = fi_mr_bind(*mr, &mpr_ofi.ep->fid, 0);
        if (rc == 0) {
            rc = fi_mr_enable(*mr);
        }
        if (rc != 0) {
            fi_close(&(*mr)->fid);
        }
    }
    return rc;
}

void *mpr_ofi_mr_desc(struct fid_mr *mr)
{
    return mpr_ofi.mr_local && mr ? fi_mr_desc(mr) : NULL;
}

/* Whether this job needs the fabric at all: ranks on other nodes, or MPR_TRANSPORT says so. */
static int needed(void)
{
    const char *mode = mpr_param_str(MPR_P_TRANSPORT);

    if (mpr_state.size == 1) {
        return 0;
    }
    return mpr_state.local_size < mpr_state.size ||
           (mode && (!strcmp(mode, "ofi") || !strcmp(mode, "parity")));
}

static int open_endpoint(void)
{
    struct fi_info *i = mpr_ofi.info;
    struct fi_cq_attr cq = {.format = FI_CQ_FORMAT_DATA,
                            .wait_obj = FI_WAIT_FD,
                            .size = (size_t)(NTX + mpr_ofi.nrx) * 2};
    struct fi_av_attr av = {.type = FI_AV_TABLE, .count = (size_t)mpr_state.size};
    int rc = mpr_fi.fabric(i->fabric_attr, &mpr_ofi.fabric, NULL);

    if (rc == 0) {
        rc = fi_domain(mpr_ofi.fabric, i, &mpr_ofi.domain, NULL);
    }
    if (rc == 0 && fi_cq_open(mpr_ofi.domain, &cq, &mpr_ofi.cq, NULL) != 0) {
        /* No wait object: the wait policy sleeps in short slices instead. */
        cq.wait_obj = FI_WAIT_NONE;
        rc = fi_cq_open(mpr_ofi.domain, &cq, &mpr_ofi.cq, NULL);
    }
    if (rc == 0 && cq.wait_obj == FI_WAIT_FD &&
        fi_control(&mpr_ofi.cq->fid, FI_GETWAIT, &mpr_ofi.wait_fd) != 0) {
        mpr_ofi.wait_fd = -1;
    }
    if (rc == 0) {
        rc = fi_av_open(mpr_ofi.domain, &av, &mpr_ofi.av, NULL);
    }
    if (rc == 0) {
        rc = fi_endpoint(mpr_ofi.domain, i, &mpr_ofi.ep, NULL);
    }
    if (rc == 0) {
        rc = fi_ep_bind(mpr_ofi.ep, &mpr_ofi.cq->fid, FI_TRANSMIT | FI_RECV);
    }
    if (rc == 0) {
        rc = fi_ep_bind(mpr_ofi.ep, &mpr_ofi.av->fid, 0);
    }
    if (rc == 0) {
        rc = fi_enable(mpr_ofi.ep);
    }
    if (rc != 0) {
        mpr_log_error("cannot open a libfabric endpoint on provider '%s', interface '%s': %s; "
                      "choose another with MPR_OFI_PROVIDER or MPR_OFI_IFACE",
                      i->fabric_attr->prov_name, i->domain_attr->name, mpr_fi.strerror(-rc));
        return -MPR_ERR_IO;
    }
    return 0;
}

/* Carve `n` buffers out of one registered region. */
static int make_bufs(int n, uint64_t access, unsigned char **mem, struct fid_mr **mr,
                     struct mpr_ofi_buf **bufs)
{
    *mem = aligned_alloc(64, (size_t)n * mpr_ofi.buf_size);
    *bufs = calloc((size_t)n, sizeof(**bufs));
    if (!*mem || !*bufs) {
        return -MPR_ERR_NOMEM;
    }
    for (int k = 0; k < n; k++) {
        (*bufs)[k].data = *mem + (size_t)k * mpr_ofi.buf_size;
        (*bufs)[k].op.peer = -1;
    }
    if (mpr_ofi.mr_local && mpr_ofi_mr_reg(*mem, (size_t)n * mpr_ofi.buf_size, access, mr) != 0) {
        mpr_log_error("cannot register fabric buffers with provider '%s'",
                      mpr_ofi.info->fabric_attr->prov_name);
        return -MPR_ERR_IO;
    }
    return 0;
}

static int post_recv(struct mpr_ofi_buf *b)
{
    b->op.kind = MPR_OFI_OP_RECV;
    return (int)fi_recv(mpr_ofi.ep, b->data, mpr_ofi.buf_size, mpr_ofi_mr_desc(mpr_ofi.rx_mr),
                        FI_ADDR_UNSPEC, &b->op.ctx);
}

static int setup_buffers(void)
{
    int rc = make_bufs(mpr_ofi.nrx, FI_RECV, &mpr_ofi.rx_mem, &mpr_ofi.rx_mr, &mpr_ofi.rx);

    if (rc == 0) {
        rc = make_bufs(NTX, FI_SEND, &mpr_ofi.tx_mem, &mpr_ofi.tx_mr, &mpr_ofi.tx);
    }
    for (int k = 0; rc == 0 && k < NTX; k++) {
        mpr_ofi.tx[k].op.kind = MPR_OFI_OP_SEND;
        mpr_ofi.tx[k].next = mpr_ofi.tx_free;
        mpr_ofi.tx_free = &mpr_ofi.tx[k];
    }
    mpr_ofi.ntx = NTX;
    for (int k = 0; rc == 0 && k < mpr_ofi.nrx; k++) {
        rc = post_recv(&mpr_ofi.rx[k]);
        if (rc != 0) {
            mpr_log_error("cannot post fabric receive buffers: %s", mpr_fi.strerror(-rc));
            rc = -MPR_ERR_IO;
        }
    }
    return rc;
}

/* Every rank's endpoint name through the bootstrap; inserted in rank order. */
static int exchange_names(void)
{
    char name[256];
    size_t len = sizeof(name);
    int rc = fi_getname(&mpr_ofi.ep->fid, name, &len);

    if (rc != 0) {
        mpr_log_error("cannot read this rank's fabric address: %s", mpr_fi.strerror(-rc));
        return -MPR_ERR_IO;
    }
    rc = mpr_boot_put("ofi-name", name, (uint32_t)len);
    if (rc == 0) {
        rc = mpr_boot_fence();
    }
    mpr_ofi.addr = calloc((size_t)mpr_state.size, sizeof(*mpr_ofi.addr));
    mpr_ofi.peers = calloc((size_t)mpr_state.size, sizeof(*mpr_ofi.peers));
    if (rc == 0 && (!mpr_ofi.addr || !mpr_ofi.peers)) {
        rc = -MPR_ERR_NOMEM;
    }
    for (int r = 0; rc == 0 && r < mpr_state.size; r++) {
        char peer[256];
        uint32_t plen;
        rc = mpr_boot_get(r, "ofi-name", peer, sizeof(peer), &plen);
        if (rc == 0 && (plen > sizeof(peer) ||
                        fi_av_insert(mpr_ofi.av, peer, 1, &mpr_ofi.addr[r], 0, NULL) != 1)) {
            mpr_log_error("cannot add rank %d's fabric address", r);
            rc = -MPR_ERR_IO;
        }
    }
    return rc;
}

static void read_caps(void)
{
    const struct fi_info *i = mpr_ofi.info;
    uint64_t mode = (uint64_t)i->domain_attr->mr_mode;
    long rec = mpr_param_int(MPR_P_OFI_RECORD);
    long nrx = mpr_param_int(MPR_P_OFI_RECV_BUFS);

    mpr_ofi.rma = (i->caps & FI_READ) && (i->caps & FI_REMOTE_READ);
    mpr_ofi.mr_local = (mode & FI_MR_LOCAL) != 0;
    mpr_ofi.mr_virt = (mode & FI_MR_VIRT_ADDR) != 0;
    mpr_ofi.mr_prov_key = (mode & FI_MR_PROV_KEY) != 0;
    mpr_ofi.mr_endpoint = (mode & FI_MR_ENDPOINT) != 0;
    rec = rec < 256 ? 256 : rec;
    mpr_ofi.buf_size = sizeof(struct mpr_ofi_frame) + (size_t)rec;
    if (i->ep_attr->max_msg_size && mpr_ofi.buf_size > i->ep_attr->max_msg_size) {
        mpr_ofi.buf_size = i->ep_attr->max_msg_size;
    }
    mpr_ofi.max_read = i->ep_attr->max_msg_size ? i->ep_attr->max_msg_size : SIZE_MAX;
    mpr_ofi.nrx = nrx < 8 ? 8 : (int)nrx;
}

/*
 * Some providers' libraries (psm, psm2) install handlers for fatal signals when loaded or probed,
 * which print a backtrace and exit(1): a rank killed by SIGSEGV must die of it (the launcher
 * reports the signal, the job's status is 128+11). Whatever the probe installed is undone.
 */
static const int kept_signals[] = {SIGSEGV, SIGBUS,  SIGILL,  SIGFPE, SIGABRT,
                                   SIGINT,  SIGTERM, SIGQUIT, SIGHUP, SIGUSR1};
#define NKEPT (sizeof(kept_signals) / sizeof(kept_signals[0]))

static int open_fabric(void)
{
    struct sigaction saved[NKEPT];
    int rc;

    for (size_t k = 0; k < NKEPT; k++) {
        sigaction(kept_signals[k], NULL, &saved[k]);
    }
    setenv("IPATH_NO_BACKTRACE", "1", 0);
    setenv("HFI_NO_BACKTRACE", "1", 0);
    rc = mpr_ofi_dl_open();
    if (rc == 0) {
        rc = mpr_ofi_choose(mpr_state.local_size == mpr_state.size, &mpr_ofi.info);
    }
    if (rc == 0) {
        read_caps();
        rc = open_endpoint();
    }
    for (size_t k = 0; k < NKEPT; k++) {
        sigaction(kept_signals[k], &saved[k], NULL);
    }
    return rc;
}

static int ofi_init(void)
{
    int rc;

    if (!needed()) {
        return 0;
    }
    rc = open_fabric();
    if (rc == 0) {
        rc = setup_buffers();
    }
    if (rc == 0) {
        rc = exchange_names();
    }
    mpr_ofi.up = rc == 0;
    return rc;
}

static int ofi_up(void)
{
    return mpr_ofi.up;
}

static int ofi_reaches(int peer)
{
    return mpr_ofi.up && peer >= 0 && peer < mpr_state.size;
}

static size_t ofi_max_record(void)
{
    return mpr_ofi.buf_size - sizeof(struct mpr_ofi_frame);
}

static int ofi_send(int peer, const void *head, size_t headlen, const void *payload, size_t len)
{
    struct mpr_ofi_buf *b = mpr_ofi.tx_free;
    struct mpr_ofi_frame f = {.src = (uint32_t)mpr_state.rank, .seq = mpr_ofi.peers[peer].tx_seq};
    size_t total = sizeof(f) + headlen + len;
    ssize_t rc;

    if (total > mpr_ofi.buf_size) {
        return -MPR_ERR_ARG;
    }
    if (!b) {
        return -MPR_ERR_AGAIN; /* every send buffer in flight: progress frees them */
    }
    memcpy(b->data, &f, sizeof(f));
    memcpy(b->data + sizeof(f), head, headlen);
    if (len) {
        memcpy(b->data + sizeof(f) + headlen, payload, len);
    }
    b->op.peer = peer;
    rc = fi_send(mpr_ofi.ep, b->data, total, mpr_ofi_mr_desc(mpr_ofi.tx_mr), mpr_ofi.addr[peer],
                 &b->op.ctx);
    if (rc == -FI_EAGAIN) {
        return -MPR_ERR_AGAIN;
    }
    if (rc != 0) {
        mpr_ofi_fatal(peer, "fi_send", (int)-rc);
    }
    mpr_ofi.tx_free = b->next;
    mpr_ofi.peers[peer].tx_seq++;
    mpr_ofi.inflight++;
    return 0;
}

/* Keep a record that came before its turn (a copy: its buffer goes back to the provider). */
static void keep_early(struct mpr_ofi_peer *p, uint32_t seq, const unsigned char *rec, size_t len)
{
    struct mpr_ofi_early *e = malloc(sizeof(*e) + len), **at = &p->early;

    if (!e) {
        mpr_log_error("out of memory holding an early fabric record");
        abort();
    }
    e->seq = seq;
    e->len = len;
    memcpy(e->rec, rec, len);
    while (*at && (int32_t)((*at)->seq - seq) < 0) {
        at = &(*at)->next;
    }
    e->next = *at;
    *at = e;
}

/* Deliver a record in its turn, then any early ones whose turn has come. */
static void deliver(int src, uint32_t seq, const unsigned char *rec, size_t len)
{
    struct mpr_ofi_peer *p = &mpr_ofi.peers[src];

    if (seq != p->rx_seq) {
        keep_early(p, seq, rec, len);
        return;
    }
    mpr_pt2pt_incoming(src, rec, len);
    p->rx_seq++;
    while (p->early && p->early->seq == p->rx_seq) {
        struct mpr_ofi_early *e = p->early;
        p->early = e->next;
        mpr_pt2pt_incoming(src, e->rec, e->len);
        p->rx_seq++;
        free(e);
    }
}

static void repost(struct mpr_ofi_buf *b)
{
    int rc = post_recv(b);

    if (rc == -FI_EAGAIN) {
        b->next = mpr_ofi.rx_repost;
        mpr_ofi.rx_repost = b;
    } else if (rc != 0) {
        mpr_ofi_fatal(-1, "fi_recv", -rc);
    }
}

static void on_recv(struct mpr_ofi_buf *b, size_t len)
{
    struct mpr_ofi_frame f;

    if (len < sizeof(f)) {
        mpr_log_error("short fabric record (%zu bytes)", len);
        abort();
    }
    memcpy(&f, b->data, sizeof(f));
    if (f.src >= (uint32_t)mpr_state.size) {
        mpr_log_error("fabric record from unknown rank %u", f.src);
        abort();
    }
    deliver((int)f.src, f.seq, b->data + sizeof(f), len - sizeof(f));
    repost(b);
}

static void on_completion(const struct fi_cq_data_entry *e)
{
    struct mpr_ofi_op *op = e->op_context;

    switch (op->kind) {
    case MPR_OFI_OP_RECV:
        on_recv((struct mpr_ofi_buf *)op, e->len);
        break;
    case MPR_OFI_OP_SEND: {
        struct mpr_ofi_buf *b = (struct mpr_ofi_buf *)op;
        b->next = mpr_ofi.tx_free;
        mpr_ofi.tx_free = b;
        mpr_ofi.inflight--;
        break;
    }
    case MPR_OFI_OP_READ:
        mpr_ofi.inflight--;
        mpr_ofi_read_done(op);
        break;
    }
}

static void on_error(void)
{
    struct fi_cq_err_entry err = {0};
    const struct mpr_ofi_op *op;

    if (fi_cq_readerr(mpr_ofi.cq, &err, 0) < 0) {
        return;
    }
    op = err.op_context;
    mpr_ofi_fatal(op ? op->peer : -1,
                  !op                           ? "completion"
                  : op->kind == MPR_OFI_OP_SEND ? "send"
                  : op->kind == MPR_OFI_OP_READ ? "read"
                                                : "receive",
                  err.err);
}

static int retry_reposts(void)
{
    struct mpr_ofi_buf *list = mpr_ofi.rx_repost;

    mpr_ofi.rx_repost = NULL;
    while (list) {
        struct mpr_ofi_buf *b = list;
        list = b->next;
        repost(b);
    }
    return 0;
}

static int ofi_progress(void)
{
    struct fi_cq_data_entry e[CQ_BATCH];
    int events = 0;
    ssize_t n;

    if (mpr_ofi.rx_repost) {
        retry_reposts();
    }
    if (mpr_ofi.gets) {
        events += mpr_ofi_gets_retry();
    }
    while ((n = fi_cq_read(mpr_ofi.cq, e, CQ_BATCH)) > 0) {
        for (ssize_t k = 0; k < n; k++) {
            on_completion(&e[k]);
        }
        events += (int)n;
    }
    if (n == -FI_EAVAIL) {
        on_error();
    } else if (n < 0 && n != -FI_EAGAIN) {
        mpr_ofi_fatal(-1, "fi_cq_read", (int)-n);
    }
    return events;
}

/* Sends and reads posted and not completed: finalize waits for them (see ofi_fini). */
static int ofi_busy(void)
{
    return mpr_ofi.up && mpr_ofi.inflight > 0;
}

static void ofi_block(long timeout_ns)
{
    struct fid *f = &mpr_ofi.cq->fid;

    if (mpr_ofi.wait_fd < 0) {
        struct timespec ts = {0, timeout_ns < NOFD_SLICE_NS ? timeout_ns : NOFD_SLICE_NS};
        nanosleep(&ts, NULL);
        return;
    }
    /* fi_trywait: nothing is pending, and the fd will signal what comes next. */
    if (fi_trywait(mpr_ofi.fabric, &f, 1) == FI_SUCCESS) {
        struct pollfd p = {.fd = mpr_ofi.wait_fd, .events = POLLIN};
        poll(&p, 1, (int)((timeout_ns + 999999) / 1000000));
    }
}

static void close_fid(void *fidp)
{
    struct fid **f = fidp;

    if (*f) {
        fi_close(*f);
        *f = NULL;
    }
}

static void ofi_fini(void)
{
    for (int r = 0; mpr_ofi.peers && r < mpr_state.size; r++) {
        while (mpr_ofi.peers[r].early) {
            struct mpr_ofi_early *e = mpr_ofi.peers[r].early;
            mpr_ofi.peers[r].early = e->next;
            free(e);
        }
    }
    mpr_ofi_rma_fini();
    close_fid(&mpr_ofi.ep);
    close_fid(&mpr_ofi.rx_mr);
    close_fid(&mpr_ofi.tx_mr);
    close_fid(&mpr_ofi.av);
    close_fid(&mpr_ofi.cq);
    close_fid(&mpr_ofi.domain);
    close_fid(&mpr_ofi.fabric);
    if (mpr_ofi.info) {
        mpr_fi.freeinfo(mpr_ofi.info);
    }
    free(mpr_ofi.rx_mem);
    free(mpr_ofi.tx_mem);
    free(mpr_ofi.rx);
    free(mpr_ofi.tx);
    free(mpr_ofi.addr);
    free(mpr_ofi.peers);
    memset(&mpr_ofi, 0, sizeof(mpr_ofi));
    mpr_ofi.wait_fd = -1;
}

const struct mpr_transport mpr_transport_ofi = {
    .name = "ofi",
    .init = ofi_init,
    .up = ofi_up,
    .reaches = ofi_reaches,
    .max_record = ofi_max_record,
    .send = ofi_send,
    .expose = mpr_ofi_expose,
    .unexpose = mpr_ofi_unexpose,
    .get = mpr_ofi_get,
    .progress = ofi_progress,
    .busy = ofi_busy,
    .block = ofi_block,
    .fini = ofi_fini,
};
