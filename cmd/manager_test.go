package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectManagerFromUserAgent(t *testing.T) {
	s := Streams{Env: []string{"npm_config_user_agent=pnpm/9.12.0 npm/? node/v24.21.0 linux x64"}}
	if got := detectManager(s, t.TempDir()); got != "pnpm" {
		t.Errorf("detectManager = %q, want pnpm", got)
	}
}

func TestDetectManagerFromLockfile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "yarn.lock"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := detectManager(Streams{}, dir); got != "yarn" {
		t.Errorf("detectManager = %q, want yarn", got)
	}
}

func TestManagerFlagReachesScripts(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := run(t, "--yes", "--manager", "pnpm", "--skip-install", "--no-git",
		"--dir", dir)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(dir, "my-app", "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "pnpm ") {
		t.Errorf("root package.json does not use pnpm:\n%s", data)
	}
}
