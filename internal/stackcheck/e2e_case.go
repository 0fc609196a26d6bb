package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// fixedWebsitePorts lists frontends whose browser code ignores the domain variables and
// always calls the default website and API domains, so they only work on those ports.
// NOTE: the Nuxt template renders its frontend config without an environment source, so
// its website must be http://localhost:3000; check templates/builtin/frontends/nuxtjs
// when that changes.
var fixedWebsitePorts = map[string]int{"nuxtjs": 3000}

// e2eCase is one case in progress: its folders, ports and result.
type e2eCase struct {
	run     *e2eRun
	c       E2ECase
	dir     string
	project string
	r       *StackResult
	rep     *Reporter
	// apiPort serves the auth API; it equals webPort for fullstack frameworks.
	apiPort, webPort int
}

func (k *e2eCase) logPath(step string) string { return filepath.Join(k.dir, step+".log") }

func (k *e2eCase) apiOrigin() string { return "http://localhost:" + strconv.Itoa(k.apiPort) }
func (k *e2eCase) webOrigin() string { return "http://localhost:" + strconv.Itoa(k.webPort) }

// email returns an address unique to this run, case and flow.
func (k *e2eCase) email(flow string) string {
	return fmt.Sprintf("e2e-%s-%s-%s@example.com", k.run.runID, k.c.Folder(), flow)
}

// timed runs fn as a step of the result and reports whether it succeeded. A failure is
// recorded with the step, the error and the log to show.
func (k *e2eCase) timed(step, log string, fn func() error) bool {
	start := time.Now()
	err := fn()
	k.r.Time(step, time.Since(start))
	if err != nil {
		k.r.Fail(step, err.Error(), log)
		return false
	}
	return true
}

// runCase generates a case's project and runs its flows: the API flow against the
// backend or fullstack server, then the browser flow against the website.
func (run *e2eRun) runCase(ctx context.Context, c E2ECase, rep *Reporter) (r StackResult) {
	r.Stack = c.ReportStack()
	k := &e2eCase{run: run, c: c, dir: filepath.Join(run.opts.WorkDir, c.Folder()), r: &r,
		rep: rep}
	started := time.Now()
	defer func() {
		r.Time("total", time.Since(started))
		r.Interrupted = ctx.Err() != nil && !r.Passed()
	}()
	if err := os.MkdirAll(k.dir, 0o755); err != nil {
		r.Fail("setup", err.Error(), "")
		return r
	}
	if !k.timed("generate", k.logPath("generate"), func() (err error) {
		k.project, err = Generation{Binary: run.opts.Binary, Stack: c.Stack, Recipe: c.Recipe,
			Parent: k.dir, Env: run.env, Log: k.logPath("generate"),
			Timeout: generateTimeout}.Run(ctx)
		return err
	}) {
		return r
	}
	if err := k.allocatePorts(); err != nil {
		r.Fail("ports", err.Error(), "")
		return r
	}

	switch {
	case c.Stack.Fullstack():
		k.runFullstack(ctx)
	default:
		k.runSplit(ctx)
	}
	if r.Passed() && !run.opts.Keep {
		if err := os.RemoveAll(k.project); err != nil {
			r.Fail("cleanup", err.Error(), "")
		}
	}
	return r
}

func (k *e2eCase) allocatePorts() error {
	var err error
	if port, fixed := fixedWebsitePorts[k.c.Stack.Frontend]; fixed {
		if !portFree(port) {
			return fmt.Errorf("%s only works on port %d, which is in use", k.c.Stack.Frontend,
				port)
		}
		k.webPort = port
	} else if k.webPort, err = FreePort(); err != nil {
		return err
	}
	if k.c.Stack.Fullstack() {
		k.apiPort = k.webPort
		return nil
	}
	k.apiPort, err = FreePort()
	return err
}

// portFree reports whether nothing listens on port of 127.0.0.1.
func portFree(port int) bool {
	l, err := net.Listen("tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return false
	}
	l.Close()
	return true
}

// runSplit runs a split stack: the backend with the API flow, then the frontend's build,
// served from a static server, with the browser flow.
func (k *e2eCase) runSplit(ctx context.Context) {
	srv, ok := k.startServer(ctx, "backend")
	if !ok {
		return
	}
	defer k.stopServer(srv, "backend")

	if k.c.Recipe == DefaultRecipe && !k.runAPIFlow(ctx, srv) {
		return
	}
	if k.c.Recipe == mfaRecipe && !k.runMFAAPIFlow(ctx, srv) {
		return
	}
	if !k.c.Stack.HasFrontend() {
		return
	}
	frontend := filepath.Join(k.project, "frontend")
	if !k.timed("build", k.logPath("build"), func() error {
		return Command{Dir: frontend, Env: k.siteEnv(), Argv: []string{"npm", "run", "build"},
			Log: k.logPath("build"), Timeout: buildTimeout}.Run(ctx)
	}) {
		return
	}
	var site *StaticSite
	if !k.timed("serve", k.logPath("site"), func() (err error) {
		site, err = ServeBuild(frontend, k.webPort, k.logPath("site"))
		return err
	}) {
		return
	}
	defer site.Close()
	k.runBrowserFlow(ctx, srv)
}

// runFullstack runs a fullstack framework: its production build, its server with the API
// flow, and the browser flow against the same server.
func (k *e2eCase) runFullstack(ctx context.Context) {
	if !k.timed("build", k.logPath("build"), func() error {
		return Command{Dir: k.project, Env: k.siteEnv(), Argv: []string{"npm", "run", "build"},
			Log: k.logPath("build"), Timeout: buildTimeout}.Run(ctx)
	}) {
		return
	}
	srv, ok := k.startServer(ctx, "server")
	if !ok {
		return
	}
	defer k.stopServer(srv, "server")
	if k.c.Recipe == DefaultRecipe && !k.runAPIFlow(ctx, srv) {
		return
	}
	k.runBrowserFlow(ctx, srv)
}

// siteEnv returns the environment of builds and servers: the stand-in core, the ports and
// every domain variable the templates read (Vite, Astro and Next.js public variables and
// the server-side API_DOMAIN and WEBSITE_DOMAIN). TEST_MODE=testing (supertokens-node) and
// SUPERTOKENS_ENV=testing (supertokens-python) keep the SDKs from sending passwordless
// codes through the SuperTokens email service. The browser flow reads the codes from the
// stand-in core instead.
func (k *e2eCase) siteEnv() []string {
	api, web := k.apiOrigin(), k.webOrigin()
	return mergeEnv(k.run.env, map[string]string{
		"SUPERTOKENS_CONNECTION_URI": k.run.coreURL(),
		"PORT":                       strconv.Itoa(k.apiPort),
		"HOST":                       "localhost",
		"API_DOMAIN":                 api,
		"WEBSITE_DOMAIN":             web,
		"VITE_API_DOMAIN":            api,
		"VITE_WEBSITE_DOMAIN":        web,
		"PUBLIC_API_DOMAIN":          api,
		"PUBLIC_WEBSITE_DOMAIN":      web,
		"NEXT_PUBLIC_API_DOMAIN":     api,
		"NEXT_PUBLIC_WEBSITE_DOMAIN": web,
		"TEST_MODE":                  "testing",
		"SUPERTOKENS_ENV":            "testing",
	})
}

// startServer starts the backend (split) or the production server (fullstack) on the
// API port and waits until it listens.
func (k *e2eCase) startServer(ctx context.Context, step string) (*Server, bool) {
	var srv *Server
	ok := k.timed(step, k.logPath(step), func() error {
		var err error
		srv, err = StartServer(Command{Dir: k.project, Env: k.siteEnv(),
			Argv: ServerArgv(k.c.Stack), Log: k.logPath(step)})
		if err != nil {
			return err
		}
		addr := net.JoinHostPort("localhost", strconv.Itoa(k.apiPort))
		if err := srv.WaitListening(ctx, addr, startTimeout); err != nil {
			srv.Stop()
			return err
		}
		return nil
	})
	return srv, ok
}

func (k *e2eCase) stopServer(srv *Server, step string) {
	if srv.Stop() {
		appendLine(k.logPath(step), "the server needed SIGKILL to stop")
	}
}

// runAPIFlow runs the email-password flow over HTTP and compares the user id with the
// stand-in core's.
func (k *e2eCase) runAPIFlow(ctx context.Context, srv *Server) bool {
	return k.runAPISteps(ctx, srv, func(flow *APIFlow, email string) (string, error) {
		res, err := flow.RunEmailPassword(ctx, email, e2ePassword)
		return res.UserID, err
	})
}

// runAPISteps runs one HTTP flow against the server, logging to the api step's log, and
// checks that the user id it returns is the stand-in core's user for the flow's email.
func (k *e2eCase) runAPISteps(ctx context.Context, srv *Server,
	steps func(flow *APIFlow, email string) (userID string, err error)) bool {
	log, err := openLog(k.logPath("api"))
	if err != nil {
		k.r.Fail("api", err.Error(), "")
		return false
	}
	defer log.Close()

	email := k.email("api")
	flow := NewAPIFlow(k.apiOrigin(), EndpointsFor(k.c.Stack), k.webOrigin(), log)
	ok := k.timed("api", k.logPath("api"), func() error {
		userID, err := steps(flow, email)
		if err != nil {
			return err
		}
		return expectCoreUser(ctx, k.run.coreURL(), email, userID)
	})
	if !ok {
		k.noteServerExit(srv)
	}
	return ok
}

// e2ePassword meets the default password rules of every SDK: at least 8 characters with
// a letter and a digit.
const e2ePassword = "e2e-Passw0rd"

// runBrowserFlow signs up through the prebuilt UI and compares the user id the dashboard
// shows with the stand-in core's.
func (k *e2eCase) runBrowserFlow(ctx context.Context, srv *Server) {
	email := k.email("ui")
	var res BrowserResult
	ok := k.timed("browser", k.logPath("browser"), func() (err error) {
		res, err = RunBrowserFlow(ctx, BrowserInput{
			WebsiteURL:    k.webOrigin(),
			APIURL:        k.apiOrigin(),
			CoreURL:       k.run.coreURL(),
			Email:         email,
			Password:      e2ePassword,
			Method:        k.c.Recipe,
			Chromium:      k.run.chromium,
			ToolsDir:      k.run.toolsDir,
			ArtifactsDir:  k.dir,
			TimeoutMillis: 60_000,
		}, k.run.script, k.dir, k.run.env)
		if err != nil {
			return err
		}
		return expectCoreUser(ctx, k.run.coreURL(), email, res.UserID)
	})
	for _, w := range res.PageErrors() {
		k.rep.Printf("warning %s: uncaught page error: %s\n", k.c.Name(), w)
	}
	if !ok {
		k.noteServerExit(srv)
	}
}

// noteServerExit points a failure at the server's log when the server has exited, since
// a crash explains the failed flow better than the flow's own log.
func (k *e2eCase) noteServerExit(srv *Server) {
	select {
	case <-srv.Exited():
		k.r.Failure += fmt.Sprintf(" (the server exited: %v)", srv.ExitError())
		k.r.Log = srv.Log
	default:
		k.r.Failure += " (server log: " + srv.Log + ")"
	}
}
