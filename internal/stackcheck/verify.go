package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Step limits of verify, sized for cold installs on a busy two-core machine.
const (
	generateTimeout = 20 * time.Minute
	buildTimeout    = 15 * time.Minute
	// startTimeout includes the compilation that `go run .` does before a Go backend
	// listens.
	startTimeout = 5 * time.Minute
)

// runVerify implements `stackcheck verify`: every selected stack is generated with the
// CLI's own install step, its frontend is built, and its API server is started and probed.
func runVerify(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: stackcheck verify [flags]")
		fmt.Fprintln(stderr, "Generates every stack with the built CLI (with its install step), "+
			"builds each frontend and probes each API server.")
		fs.PrintDefaults()
	}
	var o Options
	o.Register(fs)
	list := fs.Bool("list", false, "print the selected stacks, one per line, and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "stackcheck verify: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *list {
		o.WorkDir = os.TempDir()
	}
	stacks, status := loadStacks(ctx, "verify", &o, stderr)
	if status != 0 {
		return status
	}
	if *list {
		for _, s := range stacks {
			fmt.Fprintln(stdout, s.Name)
		}
		return 0
	}

	env := Environment(o.CacheDir)
	rep := NewReporter(stdout, stacks)
	rep.Printf("toolchain: %s\n", DescribeToolchain(ctx, env))
	rep.Printf("work folder: %s, caches: %s\n", o.WorkDir, o.CacheDir)
	names := make([]string, len(stacks))
	for i, s := range stacks {
		names[i] = s.Name
	}
	rep.Printf("checking %d stacks: %s\n", len(stacks), strings.Join(names, ", "))

	RunStacks(ctx, stacks, o.Jobs, rep, func(ctx context.Context, s Stack) StackResult {
		return verifyStack(ctx, &o, env, s)
	})
	return finishRun(ctx, &o, rep, stacks)
}

// verifyStack generates one stack, builds its frontend, starts its API server and runs
// ServerChecks against it. Logs go to <workdir>/<slug>/<step>.log.
func verifyStack(ctx context.Context, o *Options, env []string, s Stack) (r StackResult) {
	r.Stack = s
	dir := filepath.Join(o.WorkDir, s.Slug())
	logPath := func(step string) string { return filepath.Join(dir, step+".log") }
	defer func() {
		r.Interrupted = ctx.Err() != nil && !r.Passed()
	}()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		r.Fail("setup", err.Error(), "")
		return r
	}

	start := time.Now()
	project, err := Generation{Binary: o.Binary, Stack: s, Parent: dir, Env: env,
		Log: logPath("generate"), Timeout: generateTimeout}.Run(ctx)
	r.Time("generate+install", time.Since(start))
	if err != nil {
		r.Fail("generate+install", err.Error(), logPath("generate"))
		return r
	}

	if s.HasFrontend() {
		buildDir := project
		if !s.Fullstack() {
			buildDir = filepath.Join(project, "frontend")
		}
		start = time.Now()
		err := Command{Dir: buildDir, Env: env, Argv: []string{"npm", "run", "build"},
			Log: logPath("build"), Timeout: buildTimeout}.Run(ctx)
		r.Time("build", time.Since(start))
		if err != nil {
			r.Fail("build", err.Error(), logPath("build"))
			return r
		}
	}

	if s.HasSplitBackend() || s.Fullstack() {
		if failed := checkServer(ctx, &r, project, env, logPath); failed {
			return r
		}
	}

	if !o.Keep {
		if err := os.RemoveAll(project); err != nil {
			r.Fail("cleanup", err.Error(), "")
		}
	}
	return r
}

// checkServer starts the stack's API server, runs the checks and stops the server. It
// records timings and failures in r and reports whether anything failed.
func checkServer(ctx context.Context, r *StackResult, project string, env []string,
	logPath func(string) string) (failed bool) {
	srv, err := StartStackServer(ctx, project, r.Stack, env, logPath("start"), startTimeout)
	if err != nil {
		r.Fail("start", err.Error(), logPath("start"))
		return true
	}
	defer func() {
		if srv.Stop() {
			appendLine(logPath("start"), "the server needed SIGKILL to stop")
		}
	}()
	r.Time("start", srv.Startup)

	checksLog, err := openLog(logPath("checks"))
	if err != nil {
		r.Fail("checks", err.Error(), "")
		return true
	}
	defer checksLog.Close()
	fmt.Fprintf(checksLog, "server: %s\n\n", srv)
	start := time.Now()
	results := RunChecks(ctx, srv.BaseURL, ServerChecks(EndpointsFor(r.Stack), WebsiteOrigin),
		checksLog)
	r.Time("checks", time.Since(start))
	bad := FailedChecks(results)
	if len(bad) == 0 {
		return false
	}
	msgs := make([]string, len(bad))
	for i, b := range bad {
		msgs[i] = b.Check.Name + ": " + b.Err.Error()
	}
	// After a crash, the server log shows the cause. Otherwise the exchange log is clearer.
	log := logPath("checks")
	select {
	case <-srv.Exited():
		msgs = append(msgs, fmt.Sprintf("the server exited: %v", srv.ExitError()))
		log = logPath("start")
	default:
	}
	r.Fail("checks", strings.Join(msgs, "; "), log)
	return true
}

func appendLine(path, line string) {
	if f, err := openLog(path); err == nil {
		fmt.Fprintln(f, line)
		f.Close()
	}
}
