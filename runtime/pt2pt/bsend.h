/* Space in the buffer attached with MPI_Buffer_attach, handed out per buffered send. */
#ifndef MPR_BSEND_H
#define MPR_BSEND_H

struct mpr_bsend_block;

/* The send that used this block is done with its copy: the space is free again. */
void mpr_bsend_release(struct mpr_bsend_block *b);

#endif
