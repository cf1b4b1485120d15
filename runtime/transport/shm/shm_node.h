/* Attaching to the node segment that mplaunch created and every local rank inherited. */
#ifndef MPR_SHM_NODE_H
#define MPR_SHM_NODE_H

#include <stddef.h>

struct mpr_shm_node {
    void *base; /* NULL for a singleton */
    size_t len;
};

extern struct mpr_shm_node mpr_shm_node;

/* Map the memfd `fd` (closed afterwards) and check its header; fd < 0 is a singleton. */
int mpr_shm_node_attach(int fd, int local_size);
void mpr_shm_node_detach(void);

#endif
