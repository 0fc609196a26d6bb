package cmd

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestPackInitThenValidate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mypack")
	if code, _, stderr := run(t, "pack", "init", dir); code != ExitOK {
		t.Fatalf("pack init: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := run(t, "pack", "validate", dir)
	if code != ExitOK {
		t.Fatalf("pack validate: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "backends example") {
		t.Errorf("validate output = %q", stdout)
	}
	if code, _, _ := run(t, "pack", "init", dir); code != ExitUsage {
		t.Errorf("pack init into a non-empty folder: exit %d, want %d", code, ExitUsage)
	}

	out := t.TempDir()
	code, _, stderr = run(t, "--appname", "demo", "--frontend", "react", "--backend", "example",
		"--recipe", "emailpassword", "--pack", dir, "--set", "team=Payments", "--skip-install",
		"--no-git", "--dir", out)
	if code != ExitOK {
		t.Fatalf("generate with the example pack: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"backend/src/requestLog.ts", "backend/src/config.ts"} {
		if _, err := os.Stat(filepath.Join(out, "demo", want)); err != nil {
			t.Errorf("the pack's backend lacks %s: %v", want, err)
		}
	}
	index, _ := os.ReadFile(filepath.Join(out, "demo", "frontend", "index.html"))
	if !strings.Contains(string(index), "(Payments)") {
		t.Errorf("the pack did not override index.html:\n%s", index)
	}
}

func TestPackCommandsNeedTrust(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mypack")
	run(t, "pack", "init", dir)
	out := t.TempDir()
	code, _, stderr := run(t, "--yes", "--backend", "example", "--pack", dir, "--no-git",
		"--dir", out)
	if code != ExitUsage {
		t.Fatalf("exit %d, want %d\n%s", code, ExitUsage, stderr)
	}
	if !strings.Contains(stderr, "--trust") {
		t.Errorf("message does not mention --trust: %s", stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a rejected run wrote %d entries", len(entries))
	}
}

func TestHostilePacksRejected(t *testing.T) {
	tests := []struct {
		name     string
		pack     string
		extra    []string
		contains []string
	}{
		{"path escape", "../testdata/packs/hostile-escape", nil,
			[]string{"destination \"../escaped\" is outside the project folder"}},
		{"bad template", "../testdata/packs/hostile-template", []string{"--backend", "bad"},
			[]string{"backends/bad/index.js.tmpl:3"}},
		{"unknown field", "../testdata/packs/hostile-field", nil,
			[]string{"pack.yaml:4", "postInstall"}},
		{"newer tool", "../testdata/packs/hostile-newer", nil,
			[]string{"needs create-supertokens-app 99.0.0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			args := append([]string{"--yes", "--appname", "victim", "--pack", tt.pack,
				"--skip-install", "--no-git", "--dir", filepath.Join(out, "inner")}, tt.extra...)
			code, _, stderr := run(t, args...)
			if code != ExitUsage {
				t.Fatalf("exit %d, want %d\n%s", code, ExitUsage, stderr)
			}
			for _, want := range tt.contains {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("a rejected pack wrote %d entries", len(entries))
			}
		})
	}
}

func TestSymlinkOutOfPackNeverLeaks(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(secret, []byte("TOP-SECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pack")
	run(t, "pack", "init", dir)
	link := filepath.Join(dir, "overrides", "react", "leak.txt")
	if err := os.Symlink(secret, link); err != nil {
		t.Fatal(err)
	}

	out := t.TempDir()
	code, _, stderr := run(t, "--yes", "--pack", dir, "--skip-install", "--no-git",
		"--dir", out)
	if code != ExitUsage {
		t.Fatalf("exit %d, want %d\n%s", code, ExitUsage, stderr)
	}
	if !strings.Contains(stderr, "overrides/react/leak.txt") ||
		!strings.Contains(stderr, "outside the pack") {
		t.Errorf("stderr = %s", stderr)
	}
	if code, _, _ := run(t, "pack", "validate", dir); code != ExitUsage {
		t.Errorf("pack validate accepted the symlink: exit %d", code)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a rejected pack wrote %d entries", len(entries))
	}
}

// TestPackFromBareGitRepository serves the house test pack from a local bare repository,
// with a ref and a subfolder in the source.
func TestPackFromBareGitRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not on PATH")
	}
	work := t.TempDir()
	src := filepath.Join(work, "src")
	packDir := filepath.Join(src, "packs", "house")
	if err := os.CopyFS(packDir, os.DirFS("../testdata/packs/house")); err != nil {
		t.Fatal(err)
	}
	bare := filepath.Join(work, "packs.git")
	gitRun(t, src, "init", "--quiet", "--initial-branch=main")
	gitRun(t, src, "add", "-A")
	gitRun(t, src, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit",
		"--quiet", "-m", "pack")
	gitRun(t, src, "tag", "v1")
	gitRun(t, work, "clone", "--quiet", "--bare", src, bare)

	source := "file://" + bare + "//packs/house#v1"
	out := t.TempDir()
	code, _, stderr := runEnv(t, []string{"CI=1", "XDG_CACHE_HOME=" + t.TempDir(),
		"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()},
		"--appname", "gitpack", "--frontend", "react", "--backend", "house", "--recipe",
		"emailpassword", "--pack", source, "--skip-install", "--no-git", "--dir", out)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	owners, err := os.ReadFile(filepath.Join(out, "gitpack", "backend", "OWNERS"))
	if err != nil || !strings.Contains(string(owners), "team: identity") {
		t.Errorf("OWNERS = %q, %v", owners, err)
	}
}

func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	c := exec.Command("git", args...)
	c.Dir = dir
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}
