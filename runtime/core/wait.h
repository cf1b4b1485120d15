/*
 * The wait policy of every blocking call: spin on progress briefly, then yield the CPU, then
 * sleep until a peer wakes this rank. On an oversubscribed node the spinning phase is skipped:
 * a rank that spins there steals the core from the rank it waits for.
 * MPR_WAIT_MODE=spin|yield|block|auto overrides; MPR_SPIN_US and MPR_YIELD_US set the phases.
 */
#ifndef MPR_WAIT_H
#define MPR_WAIT_H

/* Read the parameters; called once at init. */
void mpr_wait_init(void);

/* Progress until done(arg) returns non-zero. */
void mpr_wait_until(int (*done)(const void *arg), const void *arg);

#endif
