/* Datatype constructors and lifetime, as runtime/api/datatype.c calls them. */
#ifndef MPR_DATATYPE_OPS_H
#define MPR_DATATYPE_OPS_H

#include "datatype/datatype.h"

/* A new, uncommitted contiguous type: 0 or -MPR_ERR_NOMEM. */
int mpr_type_contiguous(int count, const struct mpr_datatype *old, struct mpr_datatype **out);
/* Drop a reference (MPI_Type_free); predefined types are never freed. */
void mpr_type_release(struct mpr_datatype *t);

#endif
