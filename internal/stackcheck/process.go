package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"time"
)

// Command is one program run in a folder, with its output appended to a log file.
type Command struct {
	Dir  string
	Env  []string
	Argv []string
	// Name, if set, replaces the whole argv in error messages.
	Name string
	// Log is the file that receives a header line, stdout, stderr and the exit status.
	Log string
	// Stdout, if set, is a file that receives standard output in place of Log.
	Stdout string
	// Timeout bounds the run; zero means no limit beyond the context.
	Timeout time.Duration
}

// String renders the command for logs.
func (c Command) String() string { return strings.Join(c.Argv, " ") }

// label names the command in error messages.
func (c Command) label() string {
	if c.Name != "" {
		return c.Name
	}
	return c.String()
}

// cancelGrace is how long a cancelled command may take to exit after SIGINT before its
// process group is killed.
const cancelGrace = 10 * time.Second

func openLog(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
}

// prepare builds the exec.Cmd in its own process group, with stdout and stderr going to
// files so that lingering grandchildren cannot block Wait on a pipe.
func (c Command) prepare() (*exec.Cmd, []*os.File, error) {
	if len(c.Argv) == 0 {
		return nil, nil, errors.New("empty command")
	}
	log, err := openLog(c.Log)
	if err != nil {
		return nil, nil, err
	}
	files := []*os.File{log}
	fmt.Fprintf(log, "$ %s\n  (in %s, started %s)\n", c, c.Dir, time.Now().Format(time.TimeOnly))
	cmd := exec.Command(c.Argv[0], c.Argv[1:]...)
	cmd.Dir = c.Dir
	cmd.Env = c.Env
	cmd.Stdout, cmd.Stderr = log, log
	if c.Stdout != "" {
		out, err := os.Create(c.Stdout)
		if err != nil {
			log.Close()
			return nil, nil, err
		}
		files = append(files, out)
		cmd.Stdout = out
	}
	setProcessGroup(cmd)
	return cmd, files, nil
}

func closeAll(files []*os.File) {
	for _, f := range files {
		f.Close()
	}
}

// Run runs the command to completion. On cancellation or timeout the whole process group
// gets SIGINT, then SIGKILL after cancelGrace. The group is also killed after every run, so
// no child outlives the step.
func (c Command) Run(ctx context.Context) error {
	if c.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.Timeout)
		defer cancel()
	}
	cmd, files, err := c.prepare()
	if err != nil {
		return err
	}
	defer closeAll(files)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(files[0], "failed to start: %v\n", err)
		return fmt.Errorf("%s failed to start: %w", c.label(), err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var runErr, stopCause error
	select {
	case runErr = <-done:
	case <-ctx.Done():
		stopCause = ctx.Err()
		signalGroup(cmd.Process.Pid, interruptSignal)
		select {
		case runErr = <-done:
		case <-time.After(cancelGrace):
			signalGroup(cmd.Process.Pid, killSignal)
			runErr = <-done
		}
	}
	signalGroup(cmd.Process.Pid, killSignal)
	elapsed := time.Since(start).Round(100 * time.Millisecond)
	switch {
	case errors.Is(stopCause, context.DeadlineExceeded):
		fmt.Fprintf(files[0], "timed out after %s\n\n", elapsed)
		return fmt.Errorf("%s timed out after %s", c.label(), elapsed)
	case stopCause != nil:
		fmt.Fprintf(files[0], "interrupted after %s\n\n", elapsed)
		return fmt.Errorf("%s interrupted: %w", c.label(), stopCause)
	case runErr != nil:
		fmt.Fprintf(files[0], "failed after %s: %v\n\n", elapsed, runErr)
		return fmt.Errorf("%s failed: %w", c.label(), runErr)
	}
	fmt.Fprintf(files[0], "finished in %s\n\n", elapsed)
	return nil
}

// Server is a long-running command, such as a backend, that runs until Stop.
type Server struct {
	cmd   *exec.Cmd
	files []*os.File
	done  chan struct{}
	err   error
	Log   string
}

// StartServer starts the command in its own process group and returns at once.
func StartServer(c Command) (*Server, error) {
	cmd, files, err := c.prepare()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(files[0], "failed to start: %v\n", err)
		closeAll(files)
		return nil, fmt.Errorf("%s failed to start: %w", c, err)
	}
	s := &Server{cmd: cmd, files: files, done: make(chan struct{}), Log: c.Log}
	go func() {
		s.err = cmd.Wait()
		close(s.done)
	}()
	return s, nil
}

// PID returns the process id of the server, which is also its process group id.
func (s *Server) PID() int { return s.cmd.Process.Pid }

// Exited is closed when the server's main process has exited.
func (s *Server) Exited() <-chan struct{} { return s.done }

// ExitError returns how the main process ended; call it after Exited is closed.
func (s *Server) ExitError() error { return s.err }

// stopGrace is how long a server may take to exit after SIGTERM.
const stopGrace = 10 * time.Second

// Stop sends SIGTERM to the server's process group and waits up to stopGrace for every
// process of the group to exit, then kills what remains with SIGKILL. It reports whether
// SIGKILL was needed.
func (s *Server) Stop() (killed bool) {
	defer closeAll(s.files)
	pid := s.PID()
	signalGroup(pid, terminateSignal)
	deadline := time.After(stopGrace)
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	exited := s.done
	for exited != nil || groupAlive(pid) {
		select {
		case <-exited:
			exited = nil
		case <-tick.C:
		case <-deadline:
			killed = true
			signalGroup(pid, killSignal)
			<-s.done
			fmt.Fprintf(s.files[0], "\nkilled after %s at %s\n", stopGrace,
				time.Now().Format(time.TimeOnly))
			return killed
		}
	}
	fmt.Fprintf(s.files[0], "\nstopped at %s\n", time.Now().Format(time.TimeOnly))
	return killed
}

// WaitListening waits until something accepts TCP connections on addr. It fails early
// when the server exits, the timeout passes or ctx is cancelled.
func (s *Server) WaitListening(ctx context.Context, addr string, timeout time.Duration) error {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	dialer := net.Dialer{Timeout: time.Second}
	for {
		conn, err := dialer.DialContext(ctx, "tcp", addr)
		if err == nil {
			conn.Close()
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-s.done:
			return fmt.Errorf("the server exited before listening on %s: %v", addr, s.err)
		case <-deadline.C:
			return fmt.Errorf("nothing listened on %s within %s while the server kept "+
				"running; check that it reads PORT", addr, timeout)
		case <-tick.C:
		}
	}
}
