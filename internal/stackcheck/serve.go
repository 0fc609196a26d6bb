package main

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"time"
)

// StackServer is a stack's API server (the backend, or the production server of a
// fullstack framework) listening on a free port of localhost.
type StackServer struct {
	*Server
	Port int
	// BaseURL is the server's origin, which is also its API_DOMAIN.
	BaseURL string
	// Startup is the time from the start until the port accepted connections.
	Startup time.Duration
}

// ServerArgv returns the command that starts a stack's API server from the project root:
// the root script start:backend for split stacks, the production start script for
// fullstack frameworks.
func ServerArgv(s Stack) []string {
	if s.Fullstack() {
		argv := []string{"npm", "run", "start"}
		if extra := FrameworkFor(s.Frontend).StartArgs; len(extra) > 0 {
			argv = append(append(argv, "--"), extra...)
		}
		return argv
	}
	return []string{"npm", "run", "start:backend"}
}

// ServerEnv returns env with the listen port, the host and the domains of a server on
// port: API_DOMAIN is the server itself, WEBSITE_DOMAIN stays the default website origin,
// so the preflight comes from another origin in every stack.
func ServerEnv(env []string, port int) []string {
	return mergeEnv(env, map[string]string{
		"PORT":           strconv.Itoa(port),
		"HOST":           "localhost",
		"API_DOMAIN":     "http://localhost:" + strconv.Itoa(port),
		"WEBSITE_DOMAIN": WebsiteOrigin,
	})
}

// StartStackServer starts the API server of the project and waits until it listens on
// its port. When it fails, the server is already stopped.
func StartStackServer(ctx context.Context, project string, s Stack, env []string, log string,
	timeout time.Duration) (*StackServer, error) {
	port, err := FreePort()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	srv, err := StartServer(Command{Dir: project, Env: ServerEnv(env, port), Argv: ServerArgv(s),
		Log: log})
	if err != nil {
		return nil, err
	}
	addr := net.JoinHostPort("localhost", strconv.Itoa(port))
	if err := srv.WaitListening(ctx, addr, timeout); err != nil {
		srv.Stop()
		return nil, err
	}
	return &StackServer{Server: srv, Port: port, BaseURL: "http://" + addr,
		Startup: time.Since(start)}, nil
}

// String describes the server for logs.
func (s *StackServer) String() string {
	return fmt.Sprintf("%s (process group %d)", s.BaseURL, s.PID())
}
