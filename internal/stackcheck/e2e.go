package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"create-supertokens-app/internal/testcore"
)

// How `stackcheck e2e` runs a stack:
//
//   - The stand-in core (internal/testcore) runs in this process on 127.0.0.1 with
//     access tokens that live --token-lifetime (5s), so expiry and refresh happen within
//     seconds. Every server gets its URL in SUPERTOKENS_CONNECTION_URI.
//   - The project is generated with the CLI's own install step. The website and the API
//     get free ports, passed through PORT, API_DOMAIN, WEBSITE_DOMAIN and the public
//     VITE_, PUBLIC_ and NEXT_PUBLIC_ variables, so several runs can share a machine.
//     Frontends in fixedWebsitePorts are the exception.
//   - Backends and fullstack servers go through the API flow (e2e_api.go) in cookie mode,
//     with a cookie jar, as a browser would.
//   - SPA frontends are built with `npm run build` and served from dist/ by a static
//     server in this process. Fullstack frameworks are built and started with their own
//     start script. Then browser/auth-flow.mjs signs up through the prebuilt UI in
//     headless Chromium, without intercepting any request.
//   - User ids from both flows are compared with the stand-in core's user for the email.

// Defaults of `stackcheck e2e`.
const (
	defaultTokenLifetime = 5 * time.Second
	defaultChromium      = "/usr/bin/chromium"
	// browserTimeout bounds one run of the browser script, launch included.
	browserTimeout = 5 * time.Minute
)

// passwordlessStacks are the stacks that also run the passwordless recipe through the
// prebuilt UI, in every mode that selects them: a Node and a Python backend. Go backends
// are left out because supertokens-golang v0.26.0 has no switch that stops it from sending
// the code through the SuperTokens email service, and the run must stay on localhost.
var passwordlessStacks = []string{"react+express", "react+flask"}

// E2ECase is one project of the e2e run: a stack generated with one recipe.
type E2ECase struct {
	Stack  Stack
	Recipe string
}

// Name is the stack name, followed by the recipe when it is not the default.
func (c E2ECase) Name() string {
	if c.Recipe == DefaultRecipe {
		return c.Stack.Name
	}
	return c.Stack.Name + " " + c.Recipe
}

// Folder is the case's folder name under the work folder.
func (c E2ECase) Folder() string {
	if c.Recipe == DefaultRecipe {
		return c.Stack.Slug()
	}
	return c.Stack.Slug() + "-" + c.Recipe
}

// ReportStack returns the stack under the case's name, for the reporter, which keys
// results by stack name.
func (c E2ECase) ReportStack() Stack {
	s := c.Stack
	s.Name = c.Name()
	return s
}

// E2ECases returns an email-password case per stack, followed by a passwordless case for
// each selected stack that passwordlessStacks names and a multi-factor case for each that
// mfaStacks names.
func E2ECases(stacks []Stack) []E2ECase {
	cases := make([]E2ECase, 0, len(stacks)+len(passwordlessStacks))
	for _, s := range stacks {
		cases = append(cases, E2ECase{Stack: s, Recipe: DefaultRecipe})
	}
	for _, name := range passwordlessStacks {
		for _, s := range stacks {
			if s.Name == name && s.HasFrontend() {
				cases = append(cases, E2ECase{Stack: s, Recipe: "passwordless"})
			}
		}
	}
	return append(cases, mfaCases(stacks)...)
}

// e2eRun is the shared state of one `stackcheck e2e` run.
type e2eRun struct {
	opts     *Options
	env      []string
	core     *testcore.Server
	chromium string
	toolsDir string
	script   string
	// runID makes the email addresses of this run unique in the stand-in core.
	runID string
}

func (r *e2eRun) coreURL() string { return r.core.URL() }

// runE2E implements `stackcheck e2e`. Every selected stack is generated with the CLI's
// own install step and run against an in-process stand-in core. Backends go through the
// email-password API flow over HTTP, and websites through the prebuilt UI in headless
// Chromium.
func runE2E(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("e2e", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: stackcheck e2e [flags]")
		fmt.Fprintln(stderr, "Generates every stack with the built CLI (with its install "+
			"step), runs it against a stand-in SuperTokens core and signs up, in, out "+
			"over HTTP and through the prebuilt UI in headless Chromium.")
		fs.PrintDefaults()
	}
	var o Options
	o.Register(fs)
	lifetime := fs.Duration("token-lifetime", defaultTokenLifetime,
		"access token lifetime of the stand-in core; the API flow waits this long for "+
			"the token to expire")
	chromiumPath := fs.String("chromium", defaultChromium, "Chromium executable for Playwright")
	toolsDir := fs.String("tools", "tools",
		"folder whose node_modules contains playwright-core (make tools installs it)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "stackcheck e2e: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *lifetime < time.Second {
		fmt.Fprintf(stderr, "stackcheck e2e: invalid --token-lifetime %s: must be at least "+
			"1s\n", *lifetime)
		return 2
	}
	stacks, status := loadStacks(ctx, "e2e", &o, stderr)
	if status != 0 {
		return status
	}
	run, err := prepareE2E(&o, *chromiumPath, *toolsDir)
	if err != nil {
		fmt.Fprintln(stderr, "stackcheck e2e:", err)
		return 2
	}
	cases := E2ECases(stacks)

	coreLog, err := os.Create(filepath.Join(o.WorkDir, "core.log"))
	if err != nil {
		fmt.Fprintln(stderr, "stackcheck e2e:", err)
		return 1
	}
	defer coreLog.Close()
	run.core, err = testcore.Start(testcore.Options{
		AccessTokenLifetime: *lifetime,
		Logger: slog.New(slog.NewTextHandler(coreLog,
			&slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		fmt.Fprintln(stderr, "stackcheck e2e: starting the stand-in core failed:", err)
		return 1
	}
	defer run.core.Close()

	reportStacks := make([]Stack, len(cases))
	names := make([]string, len(cases))
	byName := map[string]E2ECase{}
	for i, c := range cases {
		reportStacks[i] = c.ReportStack()
		names[i] = c.Name()
		byName[c.Name()] = c
	}
	rep := NewReporter(stdout, reportStacks)
	rep.Printf("toolchain: %s\n", DescribeToolchain(ctx, run.env))
	rep.Printf("work folder: %s, caches: %s\n", o.WorkDir, o.CacheDir)
	rep.Printf("stand-in core: %s (access tokens live %s; log %s)\n", run.coreURL(),
		*lifetime, coreLog.Name())
	rep.Printf("not run: TOTP, third-party and WebAuthn, which the stand-in core does not " +
		"implement\n")
	rep.Printf("checking %d stacks: %s\n", len(cases), strings.Join(names, ", "))

	RunStacks(ctx, reportStacks, o.Jobs, rep, func(ctx context.Context, s Stack) StackResult {
		return run.runCase(ctx, byName[s.Name], rep)
	})
	return finishRun(ctx, &o, rep, reportStacks)
}

// prepareE2E checks the browser toolchain and writes the browser script into the work
// folder.
func prepareE2E(o *Options, chromiumPath, toolsDir string) (*e2eRun, error) {
	if _, err := exec.LookPath(chromiumPath); err != nil {
		return nil, fmt.Errorf("Chromium %s was not found (%v); install Debian's chromium "+
			"package or pass --chromium", chromiumPath, err)
	}
	tools, err := filepath.Abs(toolsDir)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(tools, "node_modules", "playwright-core",
		"package.json")); err != nil {
		return nil, fmt.Errorf("playwright-core is not installed in %s (%v); run make tools "+
			"or pass --tools", tools, err)
	}
	script := filepath.Join(o.WorkDir, "auth-flow.mjs")
	if err := os.WriteFile(script, authFlowScript, 0o644); err != nil {
		return nil, err
	}
	return &e2eRun{
		opts:     o,
		env:      Environment(o.CacheDir),
		chromium: chromiumPath,
		toolsDir: tools,
		script:   script,
		runID:    time.Now().Format("150405"),
	}, nil
}
