/* One-line diagnostics to stderr, prefixed so a user knows which rank and host said it. */
#ifndef MPR_LOG_H
#define MPR_LOG_H

/* `mpr: rank R on HOST: <message>` (or `mpr: <message>` before the rank is known). */
void mpr_log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Same prefix with `warning: `; for problems that do not stop the run. */
void mpr_log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
