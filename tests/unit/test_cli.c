/* unit.cli: mplaunch command-line parsing (launcher/cli.c). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_ARGS 64

static char line_buf[2048];
static char *args[MAX_ARGS];
static char err[256];

/* Splits line at spaces into argv (argv[0] = "mplaunch") and parses it. The strings stay valid
 * until the next call, which is what struct mpr_cli needs. */
static int parse(const char *line, struct mpr_cli *cli)
{
    int argc = 0;
    snprintf(line_buf, sizeof(line_buf), "%s", line);
    args[argc++] = "mplaunch";
    for (char *tok = strtok(line_buf, " "); tok != NULL; tok = strtok(NULL, " ")) {
        ck_assert_int_lt(argc, MAX_ARGS - 1);
        args[argc++] = tok;
    }
    args[argc] = NULL;
    err[0] = '\0';
    return mpr_cli_parse(argc, args, cli, err, sizeof(err));
}

static void parse_ok(const char *line, struct mpr_cli *cli)
{
    int rc = parse(line, cli);
    ck_assert_msg(rc == 0, "'%s' failed: %s", line, err);
}

static void parse_fails(const char *line, const char *msg)
{
    struct mpr_cli cli;
    ck_assert_msg(parse(line, &cli) == -1, "'%s' was accepted", line);
    ck_assert_str_eq(err, msg);
}

START_TEST(test_defaults)
{
    struct mpr_cli c;
    parse_ok("./a.out", &c);
    ck_assert_int_eq(c.napps, 1);
    ck_assert_int_eq(c.apps[0].nprocs, 0);
    ck_assert_int_eq(c.apps[0].argc, 1);
    ck_assert_str_eq(c.apps[0].argv[0], "./a.out");
    ck_assert_ptr_null(c.apps[0].argv[1]);
    ck_assert_ptr_null(c.apps[0].wdir);
    ck_assert_int_eq(c.apps[0].nenv, 0);
    ck_assert_int_eq(c.map_by, MPR_LEVEL_CORE);
    ck_assert_int_eq(c.bind_to, MPR_LEVEL_CORE);
    ck_assert_int_eq(c.cpus_per_rank, 1);
    ck_assert_int_eq(c.report_bindings + c.tag_output + c.output_raw + c.quiet, 0);
    ck_assert_int_eq(c.show_version + c.show_help, 0);
    ck_assert_int_eq(c.stdin_mode, MPR_STDIN_RANK);
    ck_assert_int_eq(c.stdin_rank, 0);
    ck_assert_double_eq(c.timeout_s, 0.0);
    ck_assert_int_eq(c.nenv, 0);
    ck_assert_ptr_null(c.wdir);
    mpr_cli_fini(&c);
}
END_TEST

START_TEST(test_nprocs)
{
    struct mpr_cli c;
    parse_ok("-n 4 ./a", &c);
    ck_assert_int_eq(c.apps[0].nprocs, 4);
    mpr_cli_fini(&c);
    parse_ok("-np 7 ./a", &c);
    ck_assert_int_eq(c.apps[0].nprocs, 7);
    mpr_cli_fini(&c);
    parse_ok("-n 2 -n 3 ./a", &c);
    ck_assert_int_eq(c.apps[0].nprocs, 3);
    mpr_cli_fini(&c);
    parse_ok("-n 2147483647 ./a", &c);
    ck_assert_int_eq(c.apps[0].nprocs, 2147483647);
    mpr_cli_fini(&c);
}
END_TEST

START_TEST(test_nprocs_errors)
{
    parse_fails("-n 0 ./a", "-n: '0' is not a positive number of ranks");
    parse_fails("-n abc ./a", "-n: 'abc' is not a positive number of ranks");
    parse_fails("-n -3 ./a", "-n: '-3' is not a positive number of ranks");
    parse_fails("-n 99999999999 ./a", "-n: '99999999999' is not a positive number of ranks");
    parse_fails("-n 4x ./a", "-n: '4x' is not a positive number of ranks");
    parse_fails("-n +4 ./a", "-n: '+4' is not a positive number of ranks");
    parse_fails("-np 0 ./a", "-np: '0' is not a positive number of ranks");
    parse_fails("-n", "-n: missing value");
    parse_fails("-n : ./a", "-n: missing value");
    parse_fails("-n=4 ./a", "unknown option '-n=4'; see mplaunch --help");
}
END_TEST

START_TEST(test_levels)
{
    static const char *const names[] = {"none", "core", "l3cache", "numa", "socket"};
    char line[128];
    struct mpr_cli c;
    for (int l = MPR_LEVEL_NONE; l < MPR_LEVEL_MAX; l++) {
        ck_assert_str_eq(mpr_level_name((enum mpr_level)l), names[l]);
        snprintf(line, sizeof(line), "--bind-to %s ./a", names[l]);
        parse_ok(line, &c);
        ck_assert_int_eq(c.bind_to, l);
        mpr_cli_fini(&c);
        snprintf(line, sizeof(line), "--bind-to=%s ./a", names[l]);
        parse_ok(line, &c);
        ck_assert_int_eq(c.bind_to, l);
        mpr_cli_fini(&c);
        if (l == MPR_LEVEL_NONE) {
            continue;
        }
        snprintf(line, sizeof(line), "--map-by %s ./a", names[l]);
        parse_ok(line, &c);
        ck_assert_int_eq(c.map_by, l);
        mpr_cli_fini(&c);
        snprintf(line, sizeof(line), "--map-by=%s ./a", names[l]);
        parse_ok(line, &c);
        ck_assert_int_eq(c.map_by, l);
        mpr_cli_fini(&c);
    }
}
END_TEST

START_TEST(test_level_errors)
{
    parse_fails("--bind-to cores ./a",
                "--bind-to: 'cores' is not one of core, l3cache, numa, socket, none");
    parse_fails("--map-by none ./a", "--map-by: 'none' is not one of core, l3cache, numa, socket");
    parse_fails("--map-by=l3 ./a", "--map-by: 'l3' is not one of core, l3cache, numa, socket");
    parse_fails("--map-by", "--map-by: missing value");
    parse_fails("--map-by= ./a", "--map-by: missing value");
    parse_fails("--bind-to : ./a", "--bind-to: missing value");
}
END_TEST

START_TEST(test_cpus_per_rank)
{
    struct mpr_cli c;
    parse_ok("--cpus-per-rank 3 ./a", &c);
    ck_assert_int_eq(c.cpus_per_rank, 3);
    mpr_cli_fini(&c);
    parse_ok("--cpus-per-rank=2 ./a", &c);
    ck_assert_int_eq(c.cpus_per_rank, 2);
    mpr_cli_fini(&c);
    parse_fails("--cpus-per-rank 0 ./a", "--cpus-per-rank: '0' is not a positive number of cores");
    parse_fails("--cpus-per-rank=x ./a", "--cpus-per-rank: 'x' is not a positive number of cores");
    parse_fails("--cpus-per-rank", "--cpus-per-rank: missing value");
}
END_TEST

START_TEST(test_flags)
{
    struct mpr_cli c;
    parse_ok("--report-bindings --tag-output -q ./a", &c);
    ck_assert_int_eq(c.report_bindings, 1);
    ck_assert_int_eq(c.tag_output, 1);
    ck_assert_int_eq(c.quiet, 1);
    mpr_cli_fini(&c);
    parse_ok("--quiet ./a", &c);
    ck_assert_int_eq(c.quiet, 1);
    mpr_cli_fini(&c);
    parse_fails("--quiet=1 ./a", "--quiet: takes no value");
    parse_fails("--tag-output=yes ./a", "--tag-output: takes no value");
}
END_TEST

START_TEST(test_help_version)
{
    struct mpr_cli c;
    parse_ok("--version", &c);
    ck_assert_int_eq(c.show_version, 1);
    ck_assert_int_eq(c.napps, 0);
    mpr_cli_fini(&c);
    parse_ok("-h", &c);
    ck_assert_int_eq(c.show_help, 1);
    ck_assert_int_eq(c.napps, 0);
    mpr_cli_fini(&c);
    parse_ok("--help", &c);
    ck_assert_int_eq(c.show_help, 1);
    mpr_cli_fini(&c);
    parse_ok("--help -n 2 ./a", &c);
    ck_assert_int_eq(c.show_help, 1);
    ck_assert_int_eq(c.napps, 1);
    mpr_cli_fini(&c);
    parse_fails("--help --bogus", "unknown option '--bogus'; see mplaunch --help");
}
END_TEST

START_TEST(test_env_values)
{
    struct mpr_cli c;
    parse_ok("-x FOO -x BAR=a=b -x _X1= ./a", &c);
    ck_assert_int_eq(c.nenv, 3);
    ck_assert_str_eq(c.env[0], "FOO");
    ck_assert_str_eq(c.env[1], "BAR=a=b");
    ck_assert_str_eq(c.env[2], "_X1=");
    ck_assert_int_eq(c.apps[0].nenv, 3);
    ck_assert_str_eq(c.apps[0].env[1], "BAR=a=b");
    mpr_cli_fini(&c);
    parse_fails("-x 1FOO ./a", "-x: '1FOO' is not a valid environment variable name");
    parse_fails("-x FOO-BAR=1 ./a", "-x: 'FOO-BAR=1' is not a valid environment variable name");
    parse_fails("-x =1 ./a", "-x: '=1' is not a valid environment variable name");
    parse_fails("-x", "-x: missing value");
}
END_TEST

START_TEST(test_wdir_output_stdin)
{
    struct mpr_cli c;
    parse_ok("--wdir /tmp --output raw --stdin all ./a", &c);
    ck_assert_str_eq(c.wdir, "/tmp");
    ck_assert_str_eq(c.apps[0].wdir, "/tmp");
    ck_assert_int_eq(c.output_raw, 1);
    ck_assert_int_eq(c.stdin_mode, MPR_STDIN_ALL);
    mpr_cli_fini(&c);
    parse_ok("--wdir=/var --output=line --stdin=none ./a", &c);
    ck_assert_str_eq(c.apps[0].wdir, "/var");
    ck_assert_int_eq(c.output_raw, 0);
    ck_assert_int_eq(c.stdin_mode, MPR_STDIN_NONE);
    mpr_cli_fini(&c);
    parse_ok("--output raw --output line --stdin 3 ./a", &c);
    ck_assert_int_eq(c.output_raw, 0);
    ck_assert_int_eq(c.stdin_mode, MPR_STDIN_RANK);
    ck_assert_int_eq(c.stdin_rank, 3);
    mpr_cli_fini(&c);
    parse_ok("--stdin=0 ./a", &c);
    ck_assert_int_eq(c.stdin_mode, MPR_STDIN_RANK);
    ck_assert_int_eq(c.stdin_rank, 0);
    mpr_cli_fini(&c);
    parse_fails("--output full ./a", "--output: 'full' is not one of line, raw");
    parse_fails("--stdin -1 ./a", "--stdin: '-1' is not one of none, all or a rank number");
    parse_fails("--stdin=some ./a", "--stdin: 'some' is not one of none, all or a rank number");
    parse_fails("--wdir", "--wdir: missing value");
}
END_TEST

START_TEST(test_timeout)
{
    struct mpr_cli c;
    parse_ok("--timeout 2.5 ./a", &c);
    ck_assert_double_eq(c.timeout_s, 2.5);
    mpr_cli_fini(&c);
    parse_ok("--timeout=10 ./a", &c);
    ck_assert_double_eq(c.timeout_s, 10.0);
    mpr_cli_fini(&c);
    parse_ok("--timeout .5 ./a", &c);
    ck_assert_double_eq(c.timeout_s, 0.5);
    mpr_cli_fini(&c);
    parse_fails("--timeout 0 ./a", "--timeout: '0' is not a positive number of seconds");
    parse_fails("--timeout -1 ./a", "--timeout: '-1' is not a positive number of seconds");
    parse_fails("--timeout 1s ./a", "--timeout: '1s' is not a positive number of seconds");
    parse_fails("--timeout inf ./a", "--timeout: 'inf' is not a positive number of seconds");
    parse_fails("--timeout nan ./a", "--timeout: 'nan' is not a positive number of seconds");
    parse_fails("--timeout 1e999 ./a", "--timeout: '1e999' is not a positive number of seconds");
}
END_TEST

START_TEST(test_program_args)
{
    struct mpr_cli c;
    parse_ok("-n 2 ./prog -n 5 --foo -x : -n 1 ./b --bind-to x --", &c);
    ck_assert_int_eq(c.napps, 2);
    ck_assert_int_eq(c.apps[0].nprocs, 2);
    ck_assert_int_eq(c.apps[0].argc, 5);
    ck_assert_str_eq(c.apps[0].argv[0], "./prog");
    ck_assert_str_eq(c.apps[0].argv[1], "-n");
    ck_assert_str_eq(c.apps[0].argv[2], "5");
    ck_assert_str_eq(c.apps[0].argv[3], "--foo");
    ck_assert_str_eq(c.apps[0].argv[4], "-x");
    ck_assert_ptr_null(c.apps[0].argv[5]);
    ck_assert_int_eq(c.apps[1].nprocs, 1);
    ck_assert_int_eq(c.apps[1].argc, 4);
    ck_assert_str_eq(c.apps[1].argv[1], "--bind-to");
    ck_assert_str_eq(c.apps[1].argv[3], "--");
    ck_assert_int_eq(c.bind_to, MPR_LEVEL_CORE);
    mpr_cli_fini(&c);
    parse_fails("-n 2 ./prog -n 5 --foo -x : -n 1 ./b --bind-to x -- :", "nothing after ':'");
    parse_ok("-n 2 -- -weird x", &c);
    ck_assert_int_eq(c.apps[0].argc, 2);
    ck_assert_str_eq(c.apps[0].argv[0], "-weird");
    ck_assert_str_eq(c.apps[0].argv[1], "x");
    mpr_cli_fini(&c);
}
END_TEST

START_TEST(test_mpmd_two)
{
    struct mpr_cli c;
    parse_ok("-n 1 ./master : -n 3 ./worker a b", &c);
    ck_assert_int_eq(c.napps, 2);
    ck_assert_int_eq(c.apps[0].nprocs, 1);
    ck_assert_int_eq(c.apps[0].argc, 1);
    ck_assert_str_eq(c.apps[0].argv[0], "./master");
    ck_assert_ptr_null(c.apps[0].argv[1]);
    ck_assert_int_eq(c.apps[1].nprocs, 3);
    ck_assert_int_eq(c.apps[1].argc, 3);
    ck_assert_str_eq(c.apps[1].argv[0], "./worker");
    ck_assert_str_eq(c.apps[1].argv[1], "a");
    ck_assert_str_eq(c.apps[1].argv[2], "b");
    ck_assert_ptr_null(c.apps[1].argv[3]);
    mpr_cli_fini(&c);
}
END_TEST

START_TEST(test_mpmd_three)
{
    struct mpr_cli c;
    parse_ok("--bind-to numa -x G=1 --wdir /g -n 2 --tag-output ./a 1 : -np 3 -x L=2 --wdir=/l "
             "./b : -x M ./c x y",
             &c);
    ck_assert_int_eq(c.napps, 3);
    ck_assert_int_eq(c.bind_to, MPR_LEVEL_NUMA);
    ck_assert_int_eq(c.tag_output, 1);
    ck_assert_int_eq(c.nenv, 1);
    ck_assert_str_eq(c.env[0], "G=1");
    ck_assert_str_eq(c.wdir, "/g");

    ck_assert_int_eq(c.apps[0].nprocs, 2);
    ck_assert_int_eq(c.apps[0].argc, 2);
    ck_assert_str_eq(c.apps[0].argv[1], "1");
    ck_assert_str_eq(c.apps[0].wdir, "/g");
    ck_assert_int_eq(c.apps[0].nenv, 1);
    ck_assert_str_eq(c.apps[0].env[0], "G=1");

    ck_assert_int_eq(c.apps[1].nprocs, 3);
    ck_assert_str_eq(c.apps[1].argv[0], "./b");
    ck_assert_str_eq(c.apps[1].wdir, "/l");
    ck_assert_int_eq(c.apps[1].nenv, 2);
    ck_assert_str_eq(c.apps[1].env[0], "G=1");
    ck_assert_str_eq(c.apps[1].env[1], "L=2");

    ck_assert_int_eq(c.apps[2].nprocs, 0);
    ck_assert_int_eq(c.apps[2].argc, 3);
    ck_assert_str_eq(c.apps[2].argv[2], "y");
    ck_assert_ptr_null(c.apps[2].argv[3]);
    ck_assert_str_eq(c.apps[2].wdir, "/g");
    ck_assert_int_eq(c.apps[2].nenv, 2);
    ck_assert_str_eq(c.apps[2].env[1], "M");
    mpr_cli_fini(&c);
}
END_TEST

START_TEST(test_mpmd_errors)
{
    parse_fails("./a : --bind-to core ./b", "--bind-to: must come before the first program "
                                            "(after ':' only -n/-np, -x and --wdir are accepted)");
    parse_fails("./a : --report-bindings ./b",
                "--report-bindings: must come before the first program (after ':' only -n/-np, "
                "-x and --wdir are accepted)");
    parse_fails("./a : -n 0 ./b", "-n: '0' is not a positive number of ranks");
    parse_fails("./a : --bind ./b", "unknown option '--bind'; did you mean '--bind-to'?");
    parse_fails(": ./a", "nothing before ':'");
    parse_fails("-n 2 : ./a", "nothing before ':'");
    parse_fails("./a :", "nothing after ':'");
    parse_fails("./a : : ./b", "nothing after ':'");
    parse_fails("./a : -n 2", "nothing after ':'");
    parse_fails("./a : -n 2 : ./c", "nothing after ':'");
}
END_TEST

START_TEST(test_unknown_options)
{
    parse_fails("--bind core ./a", "unknown option '--bind'; did you mean '--bind-to'?");
    parse_fails("--bind=core ./a", "unknown option '--bind'; did you mean '--bind-to'?");
    parse_fails("--bindto core ./a", "unknown option '--bindto'; did you mean '--bind-to'?");
    parse_fails("--map core ./a", "unknown option '--map'; did you mean '--map-by'?");
    parse_fails("--np 2 ./a", "unknown option '--np'; did you mean '-np'?");
    parse_fails("--n 2 ./a", "unknown option '--n'; did you mean '-n'?");
    parse_fails("--verison", "unknown option '--verison'; did you mean '--version'?");
    parse_fails("--report-binding ./a",
                "unknown option '--report-binding'; did you mean '--report-bindings'?");
    parse_fails("--xyz ./a", "unknown option '--xyz'; see mplaunch --help");
    parse_fails("-v ./a", "unknown option '-v'; see mplaunch --help");
}
END_TEST

START_TEST(test_no_program)
{
    parse_fails("", "no program given");
    parse_fails("-n 2 --bind-to none", "no program given");
    parse_fails("-n 2 --", "no program given");
}
END_TEST

START_TEST(test_usage)
{
    static const char *const names[] = {"-n, -np N",         "-x VAR",       "--wdir DIR",
                                        "--map-by",          "--bind-to",    "--cpus-per-rank",
                                        "--report-bindings", "--tag-output", "--output",
                                        "--stdin",           "--timeout",    "-q, --quiet",
                                        "--version",         "-h, --help"};
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    mpr_cli_usage(f);
    fclose(f);
    ck_assert_msg(strncmp(text, "usage: mplaunch ", 16) == 0, "%s", text);
    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
        ck_assert_msg(strstr(text, names[k]) != NULL, "usage lacks %s", names[k]);
    }
    for (char *l = text; *l != '\0'; l = strchr(l, '\n') + 1) {
        ck_assert_int_le(strcspn(l, "\n"), 100);
    }
    free(text);
}
END_TEST

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, test_defaults);
    tcase_add_test(tc, test_nprocs);
    tcase_add_test(tc, test_nprocs_errors);
    tcase_add_test(tc, test_levels);
    tcase_add_test(tc, test_level_errors);
    tcase_add_test(tc, test_cpus_per_rank);
    tcase_add_test(tc, test_flags);
    tcase_add_test(tc, test_help_version);
    tcase_add_test(tc, test_env_values);
    tcase_add_test(tc, test_wdir_output_stdin);
    tcase_add_test(tc, test_timeout);
    tcase_add_test(tc, test_program_args);
    tcase_add_test(tc, test_mpmd_two);
    tcase_add_test(tc, test_mpmd_three);
    tcase_add_test(tc, test_mpmd_errors);
    tcase_add_test(tc, test_unknown_options);
    tcase_add_test(tc, test_no_program);
    tcase_add_test(tc, test_usage);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(cli_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
