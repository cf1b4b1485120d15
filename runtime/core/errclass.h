/* Error classes: names and texts for MPI_Error_string, plus user-added classes and codes. */
#ifndef MPR_ERRCLASS_H
#define MPR_ERRCLASS_H

/* "MPI_ERR_COMM" for MPI_ERR_COMM; NULL for a value that is no predefined class. */
const char *mpr_errclass_name(int errclass);
/* The text MPI_Error_string gives for a code; NULL for an unknown code. */
const char *mpr_errcode_text(int code);
/* Class of a predefined or user code; -1 for an unknown code. */
int mpr_errcode_class(int code);

/* User classes and codes (MPI_Add_error_class/code/string). Return 0 or -MPR_ERR_*. */
int mpr_errclass_add(int *errclass);
int mpr_errcode_add(int errclass, int *code);
int mpr_errcode_set_text(int code, const char *text);
/* The largest code in use (the MPI_LASTUSEDCODE attribute). */
int mpr_errcode_last_used(void);

/* Map an internal -MPR_ERR_* to the MPI class a user sees. */
int mpr_errclass_from_internal(int rc);

#endif
