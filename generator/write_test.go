package generator

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// countdownContext reports cancellation after Err has been called a set number of times,
// which interrupts Write in the middle of the plan, deterministically.
type countdownContext struct {
	context.Context
	left int
}

func (c *countdownContext) Err() error {
	if c.left <= 0 {
		return context.Canceled
	}
	c.left--
	return nil
}

func (c *countdownContext) Deadline() (time.Time, bool) { return time.Time{}, false }

func testPlan(files int) *Plan {
	plan := &Plan{}
	for i := range files {
		plan.Files = append(plan.Files, File{Path: fmt.Sprintf("dir%d/file%d.txt", i%3, i),
			Data: []byte("content"), Mode: 0o644})
	}
	return plan
}

func TestWriteInterruptedLeavesNothing(t *testing.T) {
	for _, after := range []int{0, 1, 5, 19, 20} {
		t.Run(fmt.Sprintf("after %d files", after), func(t *testing.T) {
			parent := t.TempDir()
			target := filepath.Join(parent, "app")
			ctx := &countdownContext{Context: context.Background(), left: after}

			err := Write(ctx, testPlan(20), target, false)
			if err != context.Canceled {
				t.Fatalf("Write = %v, want context.Canceled", err)
			}
			entries, _ := os.ReadDir(parent)
			if len(entries) != 0 {
				t.Errorf("interrupted write left %d entries, the first %s", len(entries),
					entries[0].Name())
			}
		})
	}
}

func TestWriteReplacesEmptyFolder(t *testing.T) {
	target := filepath.Join(t.TempDir(), "app")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Write(context.Background(), testPlan(4), target, false); err != nil {
		t.Fatalf("Write into an empty folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(target, "dir1", "file1.txt")); err != nil {
		t.Error(err)
	}
}

func TestWriteRejectsFileTarget(t *testing.T) {
	target := filepath.Join(t.TempDir(), "app")
	if err := os.WriteFile(target, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Write(context.Background(), testPlan(1), target, false)
	if _, ok := err.(*ConflictError); !ok {
		t.Fatalf("Write onto a file = %v, want a ConflictError", err)
	}
	if data, _ := os.ReadFile(target); string(data) != "x" {
		t.Errorf("the file was changed to %q", data)
	}
}
