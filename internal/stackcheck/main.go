// Command stackcheck generates projects with the built create-supertokens-app binary and
// checks them for real: dependencies install, frontends build, API servers start and
// answer as SuperTokens frontends expect.
//
//	go run ./internal/stackcheck verify [--smoke] [--only name,...] [--keep]
//	go run ./internal/stackcheck e2e [--smoke] [--only name,...] [--keep]
//
// e2e also signs up, signs in, refreshes and signs out against an in-memory stand-in of the
// SuperTokens core (internal/testcore), over HTTP and in headless Chromium. `make verify`,
// `make e2e` and their -smoke variants run it with Node.js 24 first on PATH.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `Usage: stackcheck <command> [flags]

Commands:
  verify   generate every stack with its install step, build each frontend and probe
           each API server (CORS preflight, 401 without a session, 404 for unknown routes)
  e2e      run every stack against a stand-in SuperTokens core: sign-up, sign-in, refresh
           and sign-out over HTTP, and the prebuilt UI in headless Chromium

Run "stackcheck <command> -h" for the flags of a command.
`

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "verify":
		return runVerify(ctx, args[1:], stdout, stderr)
	case "e2e":
		return runE2E(ctx, args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "stackcheck: unknown command %q\n\n%s", args[0], usage)
	return 2
}
