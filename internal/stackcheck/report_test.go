package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestFormatLine(t *testing.T) {
	r := StackResult{Stack: Stack{Name: "vue+express"}}
	r.Time("generate+install", 42*time.Second)
	r.Time("build", 1500*time.Millisecond)
	got := FormatLine(r, 14)
	want := "PASS  vue+express     generate+install  42.0s  build   1.5s"
	if got != want {
		t.Errorf("passed line:\n got %q\nwant %q", got, want)
	}
	r.Fail("build", "npm run build failed: exit status 2", "/w/build.log")
	got = FormatLine(r, 14)
	if !strings.HasPrefix(got, "FAIL  vue+express") ||
		!strings.HasSuffix(got, "| build failed: npm run build failed: exit status 2") {
		t.Errorf("failed line = %q", got)
	}
	r.Interrupted = true
	if got := FormatLine(r, 14); !strings.HasPrefix(got, "STOP") {
		t.Errorf("interrupted line = %q", got)
	}
}

func TestFormatSummary(t *testing.T) {
	failed := StackResult{}
	failed.Fail("start", "x", "")
	results := []StackResult{{}, {}, failed, {Interrupted: true}}
	if got := FormatSummary(results); got != "2 passed, 2 failed" {
		t.Errorf("summary = %q", got)
	}
}

func TestTail(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.log")
	var lines []string
	for i := range 40 {
		lines = append(lines, strings.Repeat("x", i))
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(Tail(path, 3), "\n")
	if len(got) != 3 || got[2] != lines[39] || got[0] != lines[37] {
		t.Errorf("Tail = %q", got)
	}
	if got := Tail(filepath.Join(t.TempDir(), "missing"), 3); !strings.Contains(got,
		"not readable") {
		t.Errorf("Tail of a missing file = %q", got)
	}
}

func TestReporterFinishEndsWithSummary(t *testing.T) {
	stacks := []Stack{{Name: "react+express"}, {Name: "next"}, {Name: "react+flask"}}
	var out strings.Builder
	rep := NewReporter(&out, stacks)
	failed := StackResult{Stack: stacks[1]}
	failed.Fail("build", "exit status 1", "")
	rep.Add(StackResult{Stack: stacks[0]})
	rep.Add(failed)
	rep.Finish(stacks)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if last := lines[len(lines)-1]; last != "1 passed, 2 failed" {
		t.Errorf("last line = %q, want the summary", last)
	}
	table := strings.Join(lines[len(lines)-5:len(lines)-2], "\n")
	for i, prefix := range []string{"PASS  react+express", "FAIL  next", "STOP  react+flask"} {
		if !strings.HasPrefix(strings.Split(table, "\n")[i], prefix) {
			t.Errorf("table line %d does not start with %q:\n%s", i, prefix, table)
		}
	}
}
