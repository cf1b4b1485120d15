/*
 * Which libfabric provider and interface the fabric transport uses.
 *
 * Preference: fabric hardware first (verbs, efa, psm3, psm2, opx, cxi), then the Ethernet
 * providers in the order measured here (docs/performance.md), then nothing: providers that only
 * reach the same node (shm) or are meant for debugging (sockets, udp) are used only when
 * MPR_OFI_PROVIDER names them. The interface (the domain, for the socket providers) is
 * MPR_OFI_IFACE, else loopback for a job on one node, else the first that is not loopback and not
 * a container or VM bridge: jobs of other MPIs hang for hours on a docker0 or virbr0 address.
 */
#include "core/errcode.h"
#include "core/log.h"
#include "core/param.h"
#include "transport/ofi/ofi_impl.h"

#include <rdma/fi_endpoint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const preferred[] = {
    "verbs;ofi_rxm", "efa",         "psm3", "psm2", "opx", "cxi", /* fabric hardware */
    "net",           "tcp;ofi_rxm", "tcp",                        /* Ethernet, fastest first */
};
#define NPREFERRED ((int)(sizeof(preferred) / sizeof(preferred[0])))

static int rank_of(const char *prov)
{
    for (int i = 0; i < NPREFERRED; i++) {
        if (!strcmp(prov, preferred[i])) {
            return i;
        }
    }
    return NPREFERRED;
}

/* Interfaces a default never picks on a job over several nodes. */
static int bridge(const char *dom)
{
    return !strncmp(dom, "docker", 6) || !strncmp(dom, "virbr", 5) || !strncmp(dom, "br-", 3) ||
           !strcmp(dom, "lo");
}

static struct fi_info *hints_new(int rma)
{
    struct fi_info *h = mpr_fi.dupinfo(NULL);

    if (!h) {
        return NULL;
    }
    h->caps = FI_MSG | (rma ? FI_RMA | FI_READ | FI_REMOTE_READ : 0);
    h->mode = FI_CONTEXT | FI_CONTEXT2;
    h->ep_attr->type = FI_EP_RDM;
    h->domain_attr->mr_mode =
        FI_MR_LOCAL | FI_MR_VIRT_ADDR | FI_MR_ALLOCATED | FI_MR_PROV_KEY | FI_MR_ENDPOINT;
    h->domain_attr->threading = FI_THREAD_DOMAIN;
    h->domain_attr->av_type = FI_AV_TABLE;
    h->tx_attr->msg_order = FI_ORDER_SAS;
    h->rx_attr->msg_order = FI_ORDER_SAS;
    return h;
}

static int want(const struct fi_info *i, const char *prov, const char *iface, int one_node)
{
    const char *p = i->fabric_attr->prov_name, *d = i->domain_attr->name;

    if (prov) {
        if (strcmp(p, prov) != 0) {
            return 0;
        }
    } else if (rank_of(p) == NPREFERRED) {
        return 0;
    }
    if (iface) {
        return !strcmp(d, iface) || !strcmp(i->fabric_attr->name, iface);
    }
    /* One node: loopback if the provider has it (never a real network for local traffic). */
    return one_node ? 1 : !bridge(d);
}

/* Better of two acceptable entries: preferred provider, then loopback on one node, then IPv4. */
static int better(const struct fi_info *a, const struct fi_info *b, int one_node)
{
    int ra = rank_of(a->fabric_attr->prov_name), rb = rank_of(b->fabric_attr->prov_name);

    if (ra != rb) {
        return ra < rb;
    }
    if (one_node) {
        int la = !strcmp(a->domain_attr->name, "lo"), lb = !strcmp(b->domain_attr->name, "lo");
        if (la != lb) {
            return la;
        }
    }
    return a->addr_format == FI_SOCKADDR_IN && b->addr_format != FI_SOCKADDR_IN;
}

/* "a, b, c": the distinct provider (or domain) names of the list, for an error line. */
static void names(const struct fi_info *list, int domains, const char *prov, char *out, size_t cap)
{
    size_t n = 0;

    out[0] = '\0';
    for (const struct fi_info *i = list; i; i = i->next) {
        const char *s = domains ? i->domain_attr->name : i->fabric_attr->prov_name;
        const char *p = i->fabric_attr->prov_name;
        /* Interfaces: of the provider asked for, else of those a default may pick. */
        if ((domains && (prov ? strcmp(p, prov) != 0 : rank_of(p) == NPREFERRED)) ||
            strstr(out, s)) {
            continue;
        }
        n += (size_t)snprintf(out + n, n < cap ? cap - n : 0, "%s%s", n ? ", " : "", s);
    }
    if (!out[0]) {
        snprintf(out, cap, "none");
    }
}

static int not_found(const struct fi_info *list, const char *prov, const char *iface)
{
    char have[512];

    if (prov && !iface) {
        names(list, 0, NULL, have, sizeof(have));
        mpr_log_error("MPR_OFI_PROVIDER='%s' is not available here (providers with reliable "
                      "datagram endpoints: %s); set MPR_OFI_PROVIDER to one of them or unset it",
                      prov, have);
    } else if (iface) {
        names(list, 1, prov, have, sizeof(have));
        mpr_log_error("MPR_OFI_IFACE='%s' is not an interface%s%s%s can use (it has: %s); set "
                      "MPR_OFI_IFACE to one of them or unset it",
                      iface, prov ? " provider '" : " the fabric transport", prov ? prov : "",
                      prov ? "'" : "", have);
    } else {
        names(list, 0, NULL, have, sizeof(have));
        mpr_log_error("no usable libfabric provider or interface for ranks on several nodes "
                      "(found: %s); set MPR_OFI_PROVIDER and MPR_OFI_IFACE",
                      have);
    }
    return -MPR_ERR_IO;
}

static struct fi_info *query(int rma)
{
    struct fi_info *hints = hints_new(rma), *list = NULL;
    int rc;

    if (!hints) {
        return NULL;
    }
    rc = mpr_fi.getinfo(FI_VERSION(1, 9), NULL, NULL, 0, hints, &list);
    mpr_fi.freeinfo(hints);
    return rc == 0 ? list : NULL;
}

/*
 * rxm's default queues (FI_OFI_RXM_*_SIZE) make fi_enable zero ~70 MB of buffers per rank: a
 * second or more of page faults each on a small VM, for queue depth mpr does not use (its own
 * receive buffers are pre-posted, and "no room" is an ordinary return). A value the user set wins.
 */
static void provider_defaults(void)
{
    static const char *const vars[] = {"FI_OFI_RXM_MSG_RX_SIZE", "FI_OFI_RXM_MSG_TX_SIZE",
                                       "FI_OFI_RXM_RX_SIZE", "FI_OFI_RXM_TX_SIZE"};

    for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
        setenv(vars[i], "128", 0);
    }
}

int mpr_ofi_choose(int one_node, struct fi_info **out)
{
    const char *prov = mpr_param_str(MPR_P_OFI_PROVIDER);
    const char *iface = mpr_param_str(MPR_P_OFI_IFACE);
    struct fi_info *list, *best = NULL;

    provider_defaults();
    list = query(1);
    /* Without RMA reads the data of large messages streams as records. */
    if (!list) {
        list = query(0);
    }
    for (struct fi_info *i = list; i; i = i->next) {
        if (want(i, prov, iface, one_node) && (!best || better(i, best, one_node))) {
            best = i;
        }
    }
    if (!best) {
        int rc = not_found(list, prov, iface);
        mpr_fi.freeinfo(list);
        return rc;
    }
    *out = mpr_fi.dupinfo(best);
    mpr_fi.freeinfo(list);
    return *out ? 0 : -MPR_ERR_NOMEM;
}
