package poststep

import (
	"context"
	"os/exec"
	"path/filepath"
	"time"
)

// InsideRepository reports whether dir is inside an existing git work tree.
func InsideRepository(ctx context.Context, dir string) bool {
	cmd := exec.CommandContext(ctx, "git", "rev-parse", "--is-inside-work-tree")
	cmd.Dir = filepath.Dir(dir)
	out, err := cmd.Output()
	return err == nil && string(out) == "true\n"
}

// GitInit creates a repository in root with a first commit of every file. The commit uses
// a fallback identity only when git has none configured.
func GitInit(ctx context.Context, root string, env []string) Result {
	start := time.Now()
	r := Result{Name: "git", Command: "git init && git add -A && git commit -m 'Initial commit'"}
	steps := [][]string{
		{"git", "init", "--quiet"},
		{"git", "add", "-A"},
		{"git", "-c", "user.name=create-supertokens-app", "-c",
			"user.email=create-supertokens-app@localhost", "commit", "--quiet", "-m",
			"Initial commit from create-supertokens-app"},
	}
	if hasGitIdentity(ctx) {
		steps[2] = []string{"git", "commit", "--quiet", "-m",
			"Initial commit from create-supertokens-app"}
	}
	for _, argv := range steps {
		if err := runCommand(ctx, root, argv, env); err != nil {
			r.Status, r.Error = StatusFailed, err.Error()
			r.Duration = time.Since(start)
			return r
		}
	}
	r.Status = StatusOK
	r.Duration = time.Since(start)
	return r
}

func hasGitIdentity(ctx context.Context) bool {
	name, errName := exec.CommandContext(ctx, "git", "config", "user.name").Output()
	email, errEmail := exec.CommandContext(ctx, "git", "config", "user.email").Output()
	return errName == nil && errEmail == nil && len(name) > 1 && len(email) > 1
}
