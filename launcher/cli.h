/* mplaunch command line: argv -> struct mpr_cli, with no side effects.
 *
 *   mplaunch [options] prog [args] [: [app options] prog2 [args] ...]
 *
 * Options before the first program are global; -n/-np, -x and --wdir among them also belong to
 * the first app context. After a lone ":" only -n/-np, -x and --wdir are accepted. Everything
 * after a program name belongs to that program until a lone ":" (so a program cannot receive a
 * lone ":" argument). A lone "--" ends the options of a context: the next argument is the program.
 * Long options take "--opt value" or "--opt=value"; short ones (-n, -np, -x) only "-n value".
 *
 * Strings (program arguments, -x entries, --wdir) point into the argv given to mpr_cli_parse and
 * live as long as it does; the arrays holding them are owned by struct mpr_cli. */
#ifndef MPR_LAUNCHER_CLI_H
#define MPR_LAUNCHER_CLI_H

#include <stddef.h>
#include <stdio.h>

/* A level of the machine hierarchy, used by both --map-by and --bind-to. NONE is valid only for
 * --bind-to. */
enum mpr_level {
    MPR_LEVEL_NONE,
    MPR_LEVEL_CORE,
    MPR_LEVEL_L3CACHE,
    MPR_LEVEL_NUMA,
    MPR_LEVEL_SOCKET,
    MPR_LEVEL_MAX
};

/* Which ranks get mplaunch's stdin. */
enum mpr_stdin_mode {
    MPR_STDIN_RANK, /* only rank stdin_rank (default: rank 0) */
    MPR_STDIN_ALL,  /* every rank gets a copy */
    MPR_STDIN_NONE  /* every rank reads /dev/null */
};

/* One app context: "[-n N] [-x VAR[=value]]... [--wdir DIR] prog [args...]". */
struct mpr_app {
    int nprocs;       /* -n/-np; 0 = not given: the caller chooses (e.g. number of cores) */
    int argc;         /* >= 1 */
    char **argv;      /* argc program name and arguments, then NULL: ready for execvp */
    const char *wdir; /* effective working directory: this context's --wdir, else the global
                       * one, else NULL (inherit the launcher's) */
    int nenv;         /* effective -x list: the global entries, then this context's own */
    const char **env; /* "VAR" (pass the launcher's value) or "VAR=value"; later entries win */
};

struct mpr_cli {
    int napps; /* >= 1 unless only --help/--version was asked for (then 0) */
    struct mpr_app *apps;
    enum mpr_level map_by;  /* CORE, L3CACHE, NUMA or SOCKET; default CORE */
    enum mpr_level bind_to; /* any level; default CORE */
    int cpus_per_rank;      /* default 1 */
    int report_bindings;    /* --report-bindings */
    int tag_output;         /* --tag-output */
    int output_raw;         /* --output raw (1) or line (0, default) */
    int quiet;              /* -q/--quiet */
    int show_version;       /* --version */
    int show_help;          /* -h/--help */
    enum mpr_stdin_mode stdin_mode;
    int stdin_rank;   /* with MPR_STDIN_RANK; not checked against the job size here */
    double timeout_s; /* --timeout; 0 = none */
    int nenv;         /* global -x entries (given before the first program) */
    const char **env; /* already folded into every app's env */
    const char *wdir; /* global --wdir (given before the first program), already folded */
};

/* Parses argv[1..argc-1]. Returns 0 and fills *out, or -1 with a one-line message in err (no
 * "mplaunch:" prefix, no newline; the caller prints it and exits with status 2). *out needs
 * mpr_cli_fini only after success. Prints nothing, reads no environment. */
int mpr_cli_parse(int argc, char **argv, struct mpr_cli *out, char *err, size_t errlen);

void mpr_cli_fini(struct mpr_cli *cli);

/* The --help text. */
void mpr_cli_usage(FILE *f);

/* "core", "l3cache", "numa", "socket", "none". */
const char *mpr_level_name(enum mpr_level level);

#endif
