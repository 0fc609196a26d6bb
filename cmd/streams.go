package cmd

import (
	"io"
	"os"
	"strings"

	"golang.org/x/term"
)

// Streams are the process's standard streams and environment, passed in so tests run the
// whole command line in-process.
type Streams struct {
	In  io.Reader
	Out io.Writer
	Err io.Writer
	Env []string
}

// Getenv returns the value of an environment variable of the streams.
func (s Streams) Getenv(key string) string {
	prefix := key + "="
	for i := len(s.Env) - 1; i >= 0; i-- {
		if strings.HasPrefix(s.Env[i], prefix) {
			return s.Env[i][len(prefix):]
		}
	}
	return ""
}

// isTerminal reports whether v is a file connected to a terminal.
func isTerminal(v any) bool {
	f, ok := v.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Interactive reports whether prompts may run: a terminal on stdin and stdout and no CI
// variable.
func (s Streams) Interactive() bool {
	return isTerminal(s.In) && isTerminal(s.Out) && s.Getenv("CI") == ""
}

// Color reports whether styled output is wanted on stderr.
func (s Streams) Color() bool {
	_, noColor := lookup(s.Env, "NO_COLOR")
	return isTerminal(s.Err) && !noColor && s.Getenv("TERM") != "dumb"
}

func lookup(env []string, key string) (string, bool) {
	prefix := key + "="
	for _, kv := range env {
		if strings.HasPrefix(kv, prefix) {
			return kv[len(prefix):], true
		}
	}
	return "", false
}
