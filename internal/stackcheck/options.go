package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Options are the flags that every subcommand shares.
type Options struct {
	Binary   string
	WorkDir  string
	CacheDir string
	Smoke    bool
	Keep     bool
	Only     []string
	Jobs     int

	// tempWorkDir is set when WorkDir was created for this run, so it may be removed.
	tempWorkDir bool
}

// Register adds the shared flags to fs.
func (o *Options) Register(fs *flag.FlagSet) {
	fs.StringVar(&o.Binary, "bin", "bin/create-supertokens-app",
		"path of the built CLI (make build writes it)")
	fs.StringVar(&o.WorkDir, "workdir", "",
		"folder for generated projects and logs (default: a new folder under $TMPDIR)")
	fs.StringVar(&o.CacheDir, "cache", DefaultCacheDir(),
		"folder of the npm and pip caches shared by every install")
	fs.BoolVar(&o.Smoke, "smoke", false, "run only the representative slice that CI runs")
	fs.BoolVar(&o.Keep, "keep", false,
		"keep every generated project (by default only failed ones and all logs are kept)")
	fs.Func("only", "comma-separated stacks to run: a stack name such as react+flask, "+
		"a frontend+backend pair, or a frontend or backend id", func(v string) error {
		for _, name := range strings.Split(v, ",") {
			if name = strings.TrimSpace(name); name != "" {
				o.Only = append(o.Only, name)
			}
		}
		return nil
	})
	fs.IntVar(&o.Jobs, "jobs", 1, "number of stacks checked at the same time")
}

// Prepare validates the options, resolves paths and creates the work and cache folders.
func (o *Options) Prepare() error {
	if o.Jobs < 1 {
		return fmt.Errorf("invalid --jobs %d: must be at least 1", o.Jobs)
	}
	bin, err := filepath.Abs(o.Binary)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("the CLI %s was not found; run make build or pass --bin", bin)
	}
	o.Binary = bin
	if o.CacheDir, err = filepath.Abs(o.CacheDir); err != nil {
		return err
	}
	if err := os.MkdirAll(o.CacheDir, 0o755); err != nil {
		return err
	}
	if o.WorkDir == "" {
		dir, err := os.MkdirTemp("", "stackcheck-")
		if err != nil {
			return err
		}
		o.WorkDir, o.tempWorkDir = dir, true
		return nil
	}
	if o.WorkDir, err = filepath.Abs(o.WorkDir); err != nil {
		return err
	}
	return os.MkdirAll(o.WorkDir, 0o755)
}

// Cleanup removes a work folder created for this run when every stack passed and
// --keep is off, and otherwise prints the path of the logs.
func (o *Options) Cleanup(allPassed bool, out func(format string, args ...any)) {
	if allPassed && !o.Keep && o.tempWorkDir {
		if err := os.RemoveAll(o.WorkDir); err != nil {
			out("removing %s failed: %v\n", o.WorkDir, err)
		}
		return
	}
	out("logs: %s\n", o.WorkDir)
}
