package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"create-supertokens-app/answers"
)

// lockfiles map a lockfile in the target's parent folder to its package manager, for a
// project created inside an existing workspace.
var lockfiles = []struct{ file, manager string }{
	{"pnpm-lock.yaml", "pnpm"},
	{"yarn.lock", "yarn"},
	{"bun.lock", "bun"},
	{"bun.lockb", "bun"},
	{"package-lock.json", "npm"},
}

// detectManager picks the package manager when --manager is not given: the one that runs
// the tool through a package runner (npm_config_user_agent, set by npx, pnpm dlx, yarn dlx
// and bunx), else the one whose lockfile is in dir, else npm when it is on PATH, else the
// first other manager on PATH.
func detectManager(s Streams, dir string) string {
	if agent := s.Getenv("npm_config_user_agent"); agent != "" {
		name, _, _ := strings.Cut(agent, "/")
		for _, m := range answers.Managers {
			if name == m {
				return m
			}
		}
	}
	for _, l := range lockfiles {
		if _, err := os.Stat(filepath.Join(dir, l.file)); err == nil {
			return l.manager
		}
	}
	for _, m := range answers.Managers {
		if _, err := exec.LookPath(m); err == nil {
			return m
		}
	}
	return answers.DefaultManager
}
