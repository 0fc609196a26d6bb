//go:build unix

package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fakeCLI writes a shell script that prints stdout and exits with status, in place of
// create-supertokens-app.
func fakeCLI(t *testing.T, stdout string, status int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "create-supertokens-app")
	script := "#!/bin/sh\ncat <<'JSON'\n" + stdout + "\nJSON\nexit " + strconv.Itoa(status) + "\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func runFakeGeneration(t *testing.T, binary string) (string, error) {
	dir := t.TempDir()
	g := Generation{Binary: binary, Parent: filepath.Join(dir, "react-express"),
		Log: filepath.Join(dir, "generate.log"),
		Stack: Stack{Name: "react+express", Frontend: "react", Backend: "express",
			Kind: KindSPA}}
	return g.Run(context.Background())
}

func TestGenerationNamesFailedInstallStep(t *testing.T) {
	binary := fakeCLI(t, `{"project": "/p", "postSteps": [
		{"name": "frontend", "status": "ok"},
		{"name": "backend", "status": "failed", "error": "npm install exited with status 1:\nERESOLVE"}]}`, 1)
	_, err := runFakeGeneration(t, binary)
	if err == nil {
		t.Fatal("failed install reported as success")
	}
	if !strings.Contains(err.Error(), "install step backend failed") {
		t.Errorf("error %q does not name the install step", err)
	}
}

func TestGenerationReturnsProject(t *testing.T) {
	binary := fakeCLI(t, `{"project": "/p/react-express", "postSteps": []}`, 0)
	project, err := runFakeGeneration(t, binary)
	if err != nil {
		t.Fatal(err)
	}
	if project != "/p/react-express" {
		t.Errorf("project = %q", project)
	}
}

func TestGenerationReportsCLIFailure(t *testing.T) {
	binary := fakeCLI(t, "", 2)
	_, err := runFakeGeneration(t, binary)
	if err == nil || !strings.Contains(err.Error(), "exit status 2") {
		t.Errorf("error = %v, want the CLI's exit status", err)
	}
}
