package main

import (
	"strings"
	"testing"
)

func TestGenerationArgs(t *testing.T) {
	g := Generation{Binary: "/bin/csa", Parent: "/w/next",
		Stack: Stack{Name: "next", Frontend: "next", Kind: KindFullstack}}
	got := strings.Join(g.Args(), " ")
	want := "/bin/csa --yes --appname next --frontend next --recipe emailpassword " +
		"--manager npm --dir /w/next --no-git --json"
	if got != want {
		t.Errorf("args = %s\nwant %s", got, want)
	}
	g.Stack = Stack{Name: "react+go-http", Frontend: "react", Backend: "go-http", Kind: KindSPA}
	if got := strings.Join(g.Args(), " "); !strings.Contains(got,
		"--appname react-go-http --frontend react --backend go-http") {
		t.Errorf("split-stack args = %s", got)
	}
}

func TestFailedInstall(t *testing.T) {
	ok := []installStep{{Name: "frontend", Status: "ok"}, {Name: "git", Status: "skipped"}}
	if err := failedInstall(ok); err != nil {
		t.Errorf("successful install reported as failed: %v", err)
	}
	bad := append(ok, installStep{Name: "backend", Status: "failed",
		Error: "npm install exited with status 1:\nnpm error ERESOLVE"})
	err := failedInstall(bad)
	if err == nil {
		t.Fatal("failed install step not reported")
	}
	if want := "install step backend failed: npm install exited with status 1:"; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
}
