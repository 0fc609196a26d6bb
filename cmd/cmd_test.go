package cmd

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run executes the command line in-process without a terminal.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runContext(context.Background(), t, args...)
}

func runContext(ctx context.Context, t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return execute(ctx, []string{"CI=1"}, args)
}

// runEnv executes the command line with the given environment.
func runEnv(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	return execute(context.Background(), env, args)
}

func execute(ctx context.Context, env, args []string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := ExecuteContext(ctx, args, Streams{
		In: strings.NewReader(""), Out: &out, Err: &errOut, Env: env,
	})
	return code, out.String(), errOut.String()
}

func TestExitCodesAndMessages(t *testing.T) {
	full := []string{"--appname", "a", "--frontend", "react", "--backend", "express",
		"--recipe", "emailpassword", "--dry-run"}
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
	}{
		{"unknown flag", []string{"--fronted", "react"}, ExitUsage,
			[]string{"unknown flag: --fronted", "did you mean --frontend?"}},
		{"invalid frontend", []string{"--frontend", "reakt"}, ExitUsage,
			[]string{`invalid --frontend "reakt"`, "valid: react", `did you mean "react"?`}},
		{"missing frontend", []string{"--appname", "a"}, ExitUsage,
			[]string{"missing --frontend", "valid: react"}},
		{"missing backend", []string{"--appname", "a", "--frontend", "vue"}, ExitUsage,
			[]string{"missing --backend", "valid: express"}},
		{"backend with fullstack", []string{"--appname", "a", "--frontend", "next",
			"--backend", "flask"}, ExitUsage, []string{"fullstack", "leave out --backend"}},
		{"bad app name", []string{"--appname", "../up", "--yes"}, ExitUsage,
			[]string{`invalid --appname "../up"`}},
		{"unsupported recipe", []string{"--yes", "--backend", "echo", "--recipe",
			"multifactorauth"}, ExitUsage, []string{"backend echo does not support mfa"}},
		{"bad set", []string{"--yes", "--set", "novalue", "--dry-run"}, ExitUsage,
			[]string{`invalid --set "novalue"`}},
		{"unknown command", []string{"lst"}, ExitUsage, []string{"unknown command"}},
		{"bad core", []string{"--yes", "--core", "dokcer", "--dry-run"}, ExitUsage,
			[]string{`invalid --core "dokcer"`, "demo, docker or an http(s)://"}},
		{"short api key", []string{"--yes", "--api-key", "abc", "--dry-run"}, ExitUsage,
			[]string{"--api-key: the core needs API keys of at least 20 characters"}},
		{"valid dry run", full, ExitOK, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := run(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit = %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			for _, want := range tt.contains {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

func TestNonEmptyFolderUntouched(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "my-app")
	if err := os.MkdirAll(target, 0o755); err != nil {
		t.Fatal(err)
	}
	keep := filepath.Join(target, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}

	code, _, stderr := run(t, "--yes", "--skip-install", "--no-git", "--dir", dir)
	if code != ExitUsage {
		t.Fatalf("exit = %d, want %d", code, ExitUsage)
	}
	if !strings.Contains(stderr, "not empty") || !strings.Contains(stderr, "--force") {
		t.Errorf("stderr = %s", stderr)
	}
	entries, _ := os.ReadDir(target)
	if len(entries) != 1 {
		t.Errorf("target has %d entries, want only notes.txt", len(entries))
	}
	assertNoStaging(t, dir)

	code, _, stderr = run(t, "--yes", "--skip-install", "--no-git", "--dir", dir, "--force")
	if code != ExitOK {
		t.Fatalf("--force: exit = %d\n%s", code, stderr)
	}
	if data, err := os.ReadFile(keep); err != nil || string(data) != "mine" {
		t.Errorf("--force changed a file the plan does not write: %q, %v", data, err)
	}
	if _, err := os.Stat(filepath.Join(target, "package.json")); err != nil {
		t.Errorf("--force did not write the project: %v", err)
	}
}

func TestDryRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := run(t, "--yes", "--dry-run", "--dir", dir)
	if code != ExitOK {
		t.Fatalf("exit = %d\n%s", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("dry run wrote %d entries", len(entries))
	}
	if !strings.Contains(stdout, "package.json") {
		t.Errorf("dry run tree lacks package.json:\n%s", stdout)
	}
	if !strings.Contains(stderr, "--appname my-app --frontend react") {
		t.Errorf("dry run lacks the equivalent command:\n%s", stderr)
	}
}

func TestJSONOutput(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := run(t, "--yes", "--json", "--skip-install", "--no-git",
		"--dir", dir)
	if code != ExitOK {
		t.Fatalf("exit = %d\n%s", code, stderr)
	}
	if strings.Contains(stdout, "\x1b[") {
		t.Error("stdout has ANSI escapes")
	}
	var r result
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, stdout)
	}
	if r.Answers.Frontend != "react" || r.Answers.Backend != "express" {
		t.Errorf("answers = %+v", r.Answers)
	}
	if len(r.Files) == 0 || len(r.Next) == 0 {
		t.Errorf("files = %d, next = %v", len(r.Files), r.Next)
	}
	if len(r.Warnings) == 0 || !strings.Contains(r.Warnings[0], "demo core") {
		t.Errorf("warnings = %v, want the demo-core warning", r.Warnings)
	}
}

func TestListJSON(t *testing.T) {
	code, stdout, stderr := run(t, "list", "--json")
	if code != ExitOK {
		t.Fatalf("exit = %d\n%s", code, stderr)
	}
	var l listing
	if err := json.Unmarshal([]byte(stdout), &l); err != nil {
		t.Fatalf("list --json: %v", err)
	}
	var goHTTP *listedChoice
	for i := range l.Backends {
		if l.Backends[i].ID == "go-http" {
			goHTTP = &l.Backends[i]
		}
	}
	if goHTTP == nil {
		t.Fatal("go-http not listed")
	}
	if _, ok := goHTTP.Unsupported["mfa"]; !ok {
		t.Errorf("go-http unsupported = %v, want mfa", goHTTP.Unsupported)
	}
	if len(l.Recipes) != 9 {
		t.Errorf("%d recipes, want 9", len(l.Recipes))
	}
}

func TestInterruptLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, _, _ := runContext(ctx, t, "--yes", "--skip-install", "--no-git", "--dir", dir)
	if code != ExitInterrupted {
		t.Errorf("exit = %d, want %d", code, ExitInterrupted)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("interrupted run left %v", names)
	}
}

func TestCompletionListsEnumValues(t *testing.T) {
	code, stdout, stderr := run(t, "__complete", "--backend", "")
	if code != ExitOK {
		t.Fatalf("exit = %d\n%s", code, stderr)
	}
	for _, want := range []string{"flask", "go-http", "hono"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("completion lacks %s:\n%s", want, stdout)
		}
	}
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		if code, out, _ := run(t, "completion", shell); code != ExitOK || len(out) < 100 {
			t.Errorf("completion %s: exit %d, %d bytes", shell, code, len(out))
		}
	}
}

func assertNoStaging(t *testing.T, dir string) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	if len(matches) > 0 {
		t.Errorf("temporary folders left behind: %v", matches)
	}
}

func TestFailedInstallKeepsProject(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runEnv(t, []string{"CI=1", "PATH=" + t.TempDir()}, "--yes",
		"--no-git", "--dir", dir)
	if code != ExitFailure {
		t.Fatalf("exit = %d, want %d\n%s", code, ExitFailure, stderr)
	}
	if !strings.Contains(stderr, "npm not found on PATH") {
		t.Errorf("stderr lacks the cause:\n%s", stderr)
	}
	if !strings.Contains(stderr, "retry: (cd frontend && npm install)") {
		t.Errorf("stderr lacks the retry command:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "my-app", "package.json")); err != nil {
		t.Errorf("the project was not kept: %v", err)
	}
}

func TestDryRunReportsConflict(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "my-app", "src"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(t, "--yes", "--dry-run", "--dir", dir)
	if code != ExitUsage || !strings.Contains(stderr, "not empty") {
		t.Errorf("exit = %d, stderr = %s", code, stderr)
	}
}

func TestEmptyFlagValuesRejected(t *testing.T) {
	for _, flag := range []string{"--appname", "--frontend", "--providers"} {
		code, _, stderr := run(t, "--yes", "--dry-run", flag, "")
		if code != ExitUsage || !strings.Contains(stderr, "the value is empty") {
			t.Errorf("%s '': exit %d, stderr %s", flag, code, stderr)
		}
	}
}

func TestEnvFileIsPrivate(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := run(t, "--yes", "--core", "docker", "--skip-install", "--no-git",
		"--dir", dir)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	info, err := os.Stat(filepath.Join(dir, "my-app", ".env"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf(".env permissions = %o, want 600", perm)
	}
}
