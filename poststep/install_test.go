package poststep

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"create-supertokens-app/generator"
)

func TestInstallResults(t *testing.T) {
	root := t.TempDir()
	if err := os.Mkdir(filepath.Join(root, "backend"), 0o755); err != nil {
		t.Fatal(err)
	}
	steps := []generator.Step{
		{Name: "ok", Dir: "backend", Builtin: true,
			Commands: [][]string{{"sh", "-c", "echo done > marker"}}},
		{Name: "broken", Dir: ".", Builtin: true,
			Commands: [][]string{{"sh", "-c", "echo boom >&2; exit 3"}, {"sh", "-c", "touch never"}}},
		{Name: "untrusted", Dir: ".", Origin: "extra-pack",
			Commands: [][]string{{"sh", "-c", "touch pwned"}}},
	}
	env := []string{"PATH=" + os.Getenv("PATH")}
	results := Install(context.Background(), root, steps, false, env,
		&WriterLogger{W: io.Discard})

	byName := map[string]Result{}
	for _, r := range results {
		byName[r.Name] = r
	}
	if r := byName["ok"]; r.Status != StatusOK {
		t.Errorf("ok: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(root, "backend", "marker")); err != nil {
		t.Errorf("ok step did not run in its folder: %v", err)
	}
	broken := byName["broken"]
	if broken.Status != StatusFailed || !strings.Contains(broken.Error, "exited with status 3") ||
		!strings.Contains(broken.Error, "boom") {
		t.Errorf("broken: %+v", broken)
	}
	if _, err := os.Stat(filepath.Join(root, "never")); err == nil {
		t.Error("a command ran after a failed one in the same step")
	}
	untrusted := byName["untrusted"]
	if untrusted.Status != StatusSkipped || !strings.Contains(untrusted.Error, "--trust") {
		t.Errorf("untrusted: %+v", untrusted)
	}
	if _, err := os.Stat(filepath.Join(root, "pwned")); err == nil {
		t.Error("an untrusted pack command ran without --trust")
	}
	if want := "(cd backend && sh -c 'echo done > marker')"; byName["ok"].Command != want {
		t.Errorf("retry command = %q, want %q", byName["ok"].Command, want)
	}
}

func TestInstallFindsRelativeProgram(t *testing.T) {
	root := t.TempDir()
	bin := filepath.Join(root, "backend", ".venv", "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	script := "#!/bin/sh\ntouch ran\n"
	if err := os.WriteFile(filepath.Join(bin, "tool"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	// A relative project path, as with --dir ., must not be joined twice.
	t.Chdir(root)
	steps := []generator.Step{{Name: "venv", Dir: "backend", Builtin: true,
		Commands: [][]string{{".venv/bin/tool"}}}}
	results := Install(context.Background(), ".", steps, false,
		[]string{"PATH=" + os.Getenv("PATH")}, &WriterLogger{W: io.Discard})
	if results[0].Status != StatusOK {
		t.Fatalf("result = %+v", results[0])
	}
	if _, err := os.Stat(filepath.Join(root, "backend", "ran")); err != nil {
		t.Error(err)
	}
}
