/* The life cycle behind MPI_Init, MPI_Finalize and MPI_Abort. */
#ifndef MPR_RUNTIME_H
#define MPR_RUNTIME_H

/* Bring the runtime up; *provided gets the thread level mpr guarantees. 0 or -MPR_ERR_*. */
int mpr_runtime_init(int required, int *provided);
/* Collective: every rank enters, then each detaches. 0 or -MPR_ERR_*. */
int mpr_runtime_finalize(void);
/* End the whole job with exit status `code`; `why` is printed by mplaunch. Never returns. */
_Noreturn void mpr_runtime_abort(int code, const char *why);

#endif
