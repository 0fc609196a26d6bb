// Package poststep runs what follows the write: dependency installs (in parallel), git
// init and autostart. A failed step never removes the project; its result carries the
// command to retry.
package poststep

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"create-supertokens-app/answers"
	"create-supertokens-app/generator"
)

// Step statuses.
const (
	StatusOK      = "ok"
	StatusFailed  = "failed"
	StatusSkipped = "skipped"
)

// Result is the outcome of one post-step.
type Result struct {
	Name   string `json:"name"`
	Status string `json:"status"`
	// Command is the shell command that runs the step again, from the project root.
	Command  string        `json:"command"`
	Error    string        `json:"error,omitempty"`
	Duration time.Duration `json:"durationNs"`
}

// Logger receives progress lines; it is safe for concurrent use.
type Logger interface {
	Started(name, command string)
	Finished(r Result)
}

// outputTailLines is how much of a failed command's output is kept for the error message.
const outputTailLines = 15

// Install runs the plan's steps in parallel in the project root. Steps from packs other
// than the built-in one are skipped unless trust is set. Env is the environment of the
// commands.
func Install(ctx context.Context, root string, steps []generator.Step, trust bool,
	env []string, log Logger) []Result {
	results := make([]Result, len(steps))
	var wg sync.WaitGroup
	for i, step := range steps {
		if !step.Builtin && !trust {
			results[i] = Result{Name: step.Name, Status: StatusSkipped, Command: RetryCommand(step),
				Error: fmt.Sprintf("pack %s runs commands; pass --trust to allow them",
					step.Origin)}
			log.Finished(results[i])
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i] = runStep(ctx, root, step, env, log)
		}()
	}
	wg.Wait()
	return results
}

func runStep(ctx context.Context, root string, step generator.Step, env []string,
	log Logger) Result {
	start := time.Now()
	r := Result{Name: step.Name, Command: RetryCommand(step)}
	log.Started(step.Name, r.Command)
	for _, argv := range step.Commands {
		if err := runCommand(ctx, filepath.Join(root, filepath.FromSlash(step.Dir)), argv,
			env); err != nil {
			r.Status, r.Error = StatusFailed, err.Error()
			if ctx.Err() != nil {
				r.Status, r.Error = StatusSkipped, "interrupted"
			}
			break
		}
	}
	if r.Status == "" {
		r.Status = StatusOK
	}
	r.Duration = time.Since(start)
	log.Finished(r)
	return r
}

func runCommand(ctx context.Context, dir string, argv []string, env []string) error {
	name := argv[0]
	if !strings.Contains(name, "/") {
		found, err := lookPath(name, env)
		if err != nil {
			return fmt.Errorf("%s not found on PATH; install it and retry", name)
		}
		name = found
	} else {
		// exec resolves a relative program path against cmd.Dir only after joining, so
		// make it absolute.
		abs, err := filepath.Abs(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		name = abs
	}
	cmd := exec.CommandContext(ctx, name, argv[1:]...)
	cmd.Dir = dir
	cmd.Env = env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	setProcessGroup(cmd)
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return fmt.Errorf("%s exited with status %d:\n%s", strings.Join(argv, " "),
				exitErr.ExitCode(), tail(out.String(), outputTailLines))
		}
		return fmt.Errorf("%s: %w", strings.Join(argv, " "), err)
	}
	return nil
}

// RetryCommand renders a step as one shell line run from the project root.
func RetryCommand(step generator.Step) string {
	var cmds []string
	for _, argv := range step.Commands {
		quoted := make([]string, len(argv))
		for i, a := range argv {
			quoted[i] = answers.ShellQuote(a)
		}
		cmds = append(cmds, strings.Join(quoted, " "))
	}
	line := strings.Join(cmds, " && ")
	if step.Dir != "." && step.Dir != "" {
		line = "(cd " + answers.ShellQuote(step.Dir) + " && " + line + ")"
	}
	return line
}

func tail(s string, lines int) string {
	parts := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(parts) > lines {
		parts = parts[len(parts)-lines:]
	}
	return strings.Join(parts, "\n")
}

// WriterLogger writes one plain line per start and finish, for logs and pipes.
type WriterLogger struct {
	mu sync.Mutex
	W  io.Writer
}

// Started implements Logger.
func (l *WriterLogger) Started(name, command string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	fmt.Fprintf(l.W, "installing %s: %s\n", name, command)
}

// Finished implements Logger.
func (l *WriterLogger) Finished(r Result) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch r.Status {
	case StatusOK:
		fmt.Fprintf(l.W, "installed %s in %.1fs\n", r.Name, r.Duration.Seconds())
	default:
		fmt.Fprintf(l.W, "%s %s: %s\n", r.Status, r.Name, r.Error)
	}
}

// lookPath finds an executable in the PATH of env, the environment the command runs with,
// which need not be this process's own.
func lookPath(name string, env []string) (string, error) {
	path := ""
	for _, kv := range env {
		if strings.HasPrefix(kv, "PATH=") {
			path = kv[len("PATH="):]
		}
	}
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			dir = "."
		}
		candidate := filepath.Join(dir, name)
		if info, err := os.Stat(candidate); err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
			return candidate, nil
		}
	}
	return "", exec.ErrNotFound
}
