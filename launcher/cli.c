/* mplaunch command-line parsing: a table of options, one pass over argv, no side effects. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum opt_id {
    OPT_NPROCS,
    OPT_ENV,
    OPT_WDIR,
    OPT_MAP_BY,
    OPT_BIND_TO,
    OPT_CPUS_PER_RANK,
    OPT_REPORT_BINDINGS,
    OPT_TAG_OUTPUT,
    OPT_OUTPUT,
    OPT_STDIN,
    OPT_TIMEOUT,
    OPT_QUIET,
    OPT_VERSION,
    OPT_HELP,
};

struct opt_def {
    const char *name;
    enum opt_id id;
    int has_value;
    int app_ok;        /* accepted after a ':' */
    const char *usage; /* the --help line; NULL for an alias listed on its main spelling's line */
};

static const struct opt_def opts[] = {
    {"-n", OPT_NPROCS, 1, 1, "-n, -np N               number of ranks (default: number of cores)"},
    {"-np", OPT_NPROCS, 1, 1, NULL},
    {"-x", OPT_ENV, 1, 1, "-x VAR[=value]          export VAR to the ranks (repeatable)"},
    {"--wdir", OPT_WDIR, 1, 1, "--wdir DIR              working directory of the ranks"},
    {"--map-by", OPT_MAP_BY, 1, 0,
     "--map-by LEVEL          core, l3cache, numa, socket: ranks round-robin over LEVEL (core)"},
    {"--bind-to", OPT_BIND_TO, 1, 0,
     "--bind-to LEVEL         core, l3cache, numa, socket, none: pin each rank (core)"},
    {"--cpus-per-rank", OPT_CPUS_PER_RANK, 1, 0,
     "--cpus-per-rank K       cores given to each rank (1)"},
    {"--report-bindings", OPT_REPORT_BINDINGS, 0, 0,
     "--report-bindings       print each rank's binding at start"},
    {"--tag-output", OPT_TAG_OUTPUT, 0, 0,
     "--tag-output            prefix each output line with its rank"},
    {"--output", OPT_OUTPUT, 1, 0,
     "--output line|raw       forward whole lines (line, default) or bytes as they come"},
    {"--stdin", OPT_STDIN, 1, 0, "--stdin none|all|N      which rank reads mplaunch's stdin (0)"},
    {"--timeout", OPT_TIMEOUT, 1, 0,
     "--timeout SECS          kill the job after SECS seconds (fractions allowed)"},
    {"-q", OPT_QUIET, 0, 0, "-q, --quiet             print only errors"},
    {"--quiet", OPT_QUIET, 0, 0, NULL},
    {"--version", OPT_VERSION, 0, 0, "--version               print the version and exit"},
    {"-h", OPT_HELP, 0, 0, "-h, --help              print this help and exit"},
    {"--help", OPT_HELP, 0, 0, NULL},
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_SUGGEST_LEN 64

static const char *const level_names[MPR_LEVEL_MAX] = {
    [MPR_LEVEL_NONE] = "none", [MPR_LEVEL_CORE] = "core",     [MPR_LEVEL_L3CACHE] = "l3cache",
    [MPR_LEVEL_NUMA] = "numa", [MPR_LEVEL_SOCKET] = "socket",
};

struct parser {
    int argc;
    char **argv;
    int i; /* next argument */
    struct mpr_cli *cli;
    struct mpr_app *app; /* the context being parsed; its env holds only its own entries */
    int ctx;             /* index of that context */
    int nowned;          /* apps[0..nowned) have their own argv array (see finish) */
    char *err;
    size_t errlen;
};

const char *mpr_level_name(enum mpr_level level)
{
    return level >= 0 && level < MPR_LEVEL_MAX ? level_names[level] : "?";
}

void mpr_cli_usage(FILE *f)
{
    fputs("usage: mplaunch [options] prog [args] [: [-n N] [-x VAR[=value]] [--wdir DIR] prog2 "
          "[args] ...]\noptions:\n",
          f);
    for (size_t k = 0; k < ARRAY_SIZE(opts); k++) {
        if (opts[k].usage != NULL) {
            fprintf(f, "  %s\n", opts[k].usage);
        }
    }
    fputs("A lone ':' starts the next program (MPMD); a lone '--' ends the options.\n", f);
}

static int fail(struct parser *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err, p->errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t row[MAX_SUGGEST_LEN + 1];
    for (size_t j = 0; j <= lb; j++) {
        row[j] = j;
    }
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best) {
                best = up + 1;
            }
            if (row[j - 1] + 1 < best) {
                best = row[j - 1] + 1;
            }
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* The valid option closest to name: within edit distance 2 (and less than half its length, so
 * that "--xyz" does not suggest "-x"), or one that name is a prefix of ("--bind" -> "--bind-to").
 */
static const char *suggest(const char *name)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX, len = strlen(name);
    const char *bare = name + strspn(name, "-");
    if (len > MAX_SUGGEST_LEN) {
        return NULL;
    }
    for (size_t k = 0; k < ARRAY_SIZE(opts); k++) {
        const char *cand = opts[k].name;
        size_t d = edit_distance(name, cand);
        const char *cand_bare = cand + strspn(cand, "-");
        int prefix = strlen(bare) >= 3 && strncmp(cand_bare, bare, strlen(bare)) == 0;
        if (((d <= 2 && 2 * d < len) || prefix) && d < best_d) {
            best = cand;
            best_d = d;
        }
    }
    return best;
}

static int unknown_option(struct parser *p, const char *name)
{
    const char *s = suggest(name);
    if (s != NULL) {
        return fail(p, "unknown option '%s'; did you mean '%s'?", name, s);
    }
    return fail(p, "unknown option '%s'; see mplaunch --help", name);
}

static int push_str(struct parser *p, const char ***arr, int *n, const char *s)
{
    const char **grown = realloc(*arr, (size_t)(*n + 1) * sizeof(**arr));
    if (grown == NULL) {
        return fail(p, "out of memory");
    }
    grown[(*n)++] = s;
    *arr = grown;
    return 0;
}

/* Digits only (no sign, no blanks), value in [min, INT_MAX]. */
static int parse_int(const char *s, int min, int *out)
{
    char *end;
    if (s[0] < '0' || s[0] > '9') {
        return -1;
    }
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0' || v < min || v > INT_MAX) {
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int parse_seconds(const char *s, double *out)
{
    char *end;
    if ((s[0] < '0' || s[0] > '9') && s[0] != '.') {
        return -1;
    }
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || *end != '\0' || !isfinite(v) || v <= 0) {
        return -1;
    }
    *out = v;
    return 0;
}

static int valid_env_name(const char *s)
{
    size_t len = strcspn(s, "=");
    if (len == 0 || (s[0] >= '0' && s[0] <= '9')) {
        return 0;
    }
    for (size_t k = 0; k < len; k++) {
        char c = s[k];
        if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9'))) {
            return 0;
        }
    }
    return 1;
}

static int parse_level(struct parser *p, const char *opt, const char *v, int allow_none,
                       enum mpr_level *out)
{
    for (int l = allow_none ? MPR_LEVEL_NONE : MPR_LEVEL_CORE; l < MPR_LEVEL_MAX; l++) {
        if (strcmp(v, level_names[l]) == 0) {
            *out = (enum mpr_level)l;
            return 0;
        }
    }
    return fail(p, "%s: '%s' is not one of core, l3cache, numa, socket%s", opt, v,
                allow_none ? ", none" : "");
}

/* -n/-np, -x, --wdir: the options of an app context. Before the first program, -x and --wdir are
 * global (they apply to every context). */
static int apply_app_option(struct parser *p, const struct opt_def *d, const char *opt,
                            const char *v)
{
    struct mpr_app *app = p->app;
    if (d->id == OPT_NPROCS) {
        if (parse_int(v, 1, &app->nprocs) != 0) {
            return fail(p, "%s: '%s' is not a positive number of ranks", opt, v);
        }
        return 0;
    }
    if (d->id == OPT_ENV) {
        if (!valid_env_name(v)) {
            return fail(p, "%s: '%s' is not a valid environment variable name", opt, v);
        }
        if (p->ctx == 0) {
            return push_str(p, &p->cli->env, &p->cli->nenv, v);
        }
        return push_str(p, &app->env, &app->nenv, v);
    }
    if (p->ctx == 0) {
        p->cli->wdir = v;
    } else {
        app->wdir = v;
    }
    return 0;
}

static int apply_output_option(struct parser *p, const struct opt_def *d, const char *opt,
                               const char *v)
{
    struct mpr_cli *cli = p->cli;
    if (d->id == OPT_OUTPUT) {
        if (strcmp(v, "raw") != 0 && strcmp(v, "line") != 0) {
            return fail(p, "%s: '%s' is not one of line, raw", opt, v);
        }
        cli->output_raw = strcmp(v, "raw") == 0;
        return 0;
    }
    if (strcmp(v, "none") == 0) {
        cli->stdin_mode = MPR_STDIN_NONE;
    } else if (strcmp(v, "all") == 0) {
        cli->stdin_mode = MPR_STDIN_ALL;
    } else if (parse_int(v, 0, &cli->stdin_rank) == 0) {
        cli->stdin_mode = MPR_STDIN_RANK;
    } else {
        return fail(p, "%s: '%s' is not one of none, all or a rank number", opt, v);
    }
    return 0;
}

static int apply_option(struct parser *p, const struct opt_def *d, const char *opt, const char *v)
{
    struct mpr_cli *cli = p->cli;
    switch (d->id) {
    case OPT_NPROCS:
    case OPT_ENV:
    case OPT_WDIR:
        return apply_app_option(p, d, opt, v);
    case OPT_MAP_BY:
        return parse_level(p, opt, v, 0, &cli->map_by);
    case OPT_BIND_TO:
        return parse_level(p, opt, v, 1, &cli->bind_to);
    case OPT_CPUS_PER_RANK:
        if (parse_int(v, 1, &cli->cpus_per_rank) != 0) {
            return fail(p, "%s: '%s' is not a positive number of cores", opt, v);
        }
        return 0;
    case OPT_OUTPUT:
    case OPT_STDIN:
        return apply_output_option(p, d, opt, v);
    case OPT_TIMEOUT:
        if (parse_seconds(v, &cli->timeout_s) != 0) {
            return fail(p, "%s: '%s' is not a positive number of seconds", opt, v);
        }
        return 0;
    case OPT_REPORT_BINDINGS:
        cli->report_bindings = 1;
        return 0;
    case OPT_TAG_OUTPUT:
        cli->tag_output = 1;
        return 0;
    case OPT_QUIET:
        cli->quiet = 1;
        return 0;
    case OPT_VERSION:
        cli->show_version = 1;
        return 0;
    case OPT_HELP:
        cli->show_help = 1;
        return 0;
    }
    return fail(p, "internal error: option '%s' has no handler", opt);
}

/* argv[p->i] is an option: look it up, fetch its value, apply it. */
static int parse_option(struct parser *p)
{
    char name[MAX_SUGGEST_LEN + 1];
    const char *arg = p->argv[p->i++];
    const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
    size_t len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
    const struct opt_def *d = NULL;
    snprintf(name, sizeof(name), "%.*s", (int)len, arg);
    for (size_t k = 0; k < ARRAY_SIZE(opts) && len <= MAX_SUGGEST_LEN; k++) {
        if (strcmp(opts[k].name, name) == 0) {
            d = &opts[k];
        }
    }
    if (d == NULL) {
        return unknown_option(p, len <= MAX_SUGGEST_LEN ? name : arg);
    }
    if (p->ctx > 0 && !d->app_ok) {
        return fail(p,
                    "%s: must come before the first program (after ':' only -n/-np, -x and "
                    "--wdir are accepted)",
                    name);
    }
    if (!d->has_value) {
        return eq != NULL ? fail(p, "%s: takes no value", name) : apply_option(p, d, name, NULL);
    }
    const char *v = eq != NULL ? eq + 1 : NULL;
    if (v == NULL && p->i < p->argc && strcmp(p->argv[p->i], ":") != 0) {
        v = p->argv[p->i++];
    }
    if (v == NULL || v[0] == '\0') {
        return fail(p, "%s: missing value", name);
    }
    return apply_option(p, d, name, v);
}

static int add_context(struct parser *p)
{
    struct mpr_cli *cli = p->cli;
    struct mpr_app *grown = realloc(cli->apps, (size_t)(cli->napps + 1) * sizeof(*grown));
    if (grown == NULL) {
        return fail(p, "out of memory");
    }
    cli->apps = grown;
    p->app = &grown[cli->napps++];
    memset(p->app, 0, sizeof(*p->app));
    return 0;
}

/* Options then the program and its arguments, up to a lone ':' or the end. The program's argv
 * points straight into the caller's argv until finish() copies it. */
static int parse_context(struct parser *p)
{
    while (p->i < p->argc && strcmp(p->argv[p->i], ":") != 0) {
        const char *a = p->argv[p->i];
        if (strcmp(a, "--") == 0) {
            p->i++;
            break;
        }
        if (a[0] != '-' || a[1] == '\0') {
            break;
        }
        if (parse_option(p) != 0) {
            return -1;
        }
    }
    int start = p->i;
    while (p->i < p->argc && strcmp(p->argv[p->i], ":") != 0) {
        p->i++;
    }
    p->app->argv = &p->argv[start];
    p->app->argc = p->i - start;
    return 0;
}

/* Gives every app its own NULL-terminated argv and its effective env and wdir. */
static int finish(struct parser *p)
{
    struct mpr_cli *cli = p->cli;
    for (int k = 0; k < cli->napps; k++) {
        struct mpr_app *app = &cli->apps[k];
        char **av = malloc((size_t)(app->argc + 1) * sizeof(*av));
        const char **env = malloc((size_t)(cli->nenv + app->nenv + 1) * sizeof(*env));
        if (av == NULL || env == NULL) {
            free(av);
            free(env);
            return fail(p, "out of memory");
        }
        memcpy(av, app->argv, (size_t)app->argc * sizeof(*av));
        av[app->argc] = NULL;
        app->argv = av;
        p->nowned++;
        for (int e = 0; e < cli->nenv; e++) {
            env[e] = cli->env[e];
        }
        for (int e = 0; e < app->nenv; e++) {
            env[cli->nenv + e] = app->env[e];
        }
        free(app->env);
        app->env = env;
        app->nenv += cli->nenv;
        if (app->wdir == NULL) {
            app->wdir = cli->wdir;
        }
    }
    return 0;
}

static int parse_all(struct parser *p)
{
    for (p->ctx = 0;; p->ctx++) {
        if (add_context(p) != 0 || parse_context(p) != 0) {
            return -1;
        }
        if (p->app->argc == 0) {
            if (p->ctx > 0) {
                return fail(p, "nothing after ':'");
            }
            if (p->i < p->argc) {
                return fail(p, "nothing before ':'");
            }
            if (p->cli->show_help || p->cli->show_version) {
                free(p->cli->apps);
                p->cli->apps = NULL;
                p->cli->napps = 0;
                return 0;
            }
            return fail(p, "no program given");
        }
        if (p->i == p->argc) {
            return finish(p);
        }
        p->i++; /* the ':' */
    }
}

static void free_apps(struct mpr_cli *cli, int nowned)
{
    for (int k = 0; k < cli->napps; k++) {
        if (k < nowned) {
            free(cli->apps[k].argv);
        }
        free(cli->apps[k].env);
    }
    free(cli->apps);
    free(cli->env);
}

int mpr_cli_parse(int argc, char **argv, struct mpr_cli *out, char *err, size_t errlen)
{
    struct mpr_cli cli = {
        .map_by = MPR_LEVEL_CORE,
        .bind_to = MPR_LEVEL_CORE,
        .cpus_per_rank = 1,
        .stdin_mode = MPR_STDIN_RANK,
    };
    struct parser p = {
        .argc = argc, .argv = argv, .i = 1, .cli = &cli, .err = err, .errlen = errlen};
    if (parse_all(&p) != 0) {
        free_apps(&cli, p.nowned);
        return -1;
    }
    *out = cli;
    return 0;
}

void mpr_cli_fini(struct mpr_cli *cli)
{
    free_apps(cli, cli->napps);
    memset(cli, 0, sizeof(*cli));
}
