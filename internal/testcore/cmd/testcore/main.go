// Command testcore runs the in-memory SuperTokens core stand-in as a process, for test
// harnesses written in shell or Node. It listens on 127.0.0.1, prints its base URL as the first
// line of standard output and stops on SIGINT or SIGTERM. Logs go to standard error.
//
// It is a test double: see package create-supertokens-app/internal/testcore.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"create-supertokens-app/internal/testcore"
)

func main() {
	err := run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "testcore:", err)
		os.Exit(1)
	}
}

func run() error {
	port := flag.Int("port", 0, "TCP port on 127.0.0.1 to listen on; 0 picks a free port")
	apiKey := flag.String("api-key", "",
		"API key that SDK requests must send; empty disables the check")
	accessTokenLifetime := flag.Duration("access-token-lifetime", time.Hour,
		"validity of access tokens, e.g. 5s to exercise refresh (rounded up to whole seconds)")
	codeLifetime := flag.Duration("code-lifetime", 15*time.Minute,
		"validity of passwordless codes")
	verbose := flag.Bool("verbose", false,
		"log every request to standard error, not only rejected ones")
	flag.Parse()

	if *port < 0 || *port > 65535 {
		return fmt.Errorf("invalid -port %d: expected 0 to 65535", *port)
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	srv, err := testcore.Start(testcore.Options{
		Addr:                     "127.0.0.1:" + strconv.Itoa(*port),
		APIKey:                   *apiKey,
		AccessTokenLifetime:      *accessTokenLifetime,
		PasswordlessCodeLifetime: *codeLifetime,
		Logger:                   logger,
	})
	if err != nil {
		return err
	}
	// Harnesses read this line to learn the URL, so it must come first on stdout.
	fmt.Println(srv.URL())

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	received := <-signals
	logger.Info("testcore: stopping", "signal", received.String())
	return srv.Close()
}
