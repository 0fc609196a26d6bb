package generator

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ConflictError reports a target folder that already has files, so nothing was written.
type ConflictError struct {
	Target string
	// Existing lists a few of the files already there.
	Existing []string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("%s already exists and is not empty (it contains %s); choose another "+
		"--appname or pass --force to replace only the files this project writes",
		e.Target, strings.Join(e.Existing, ", "))
}

// maxListedConflicts caps the file names a ConflictError lists.
const maxListedConflicts = 3

// Write writes the plan into target atomically: every file goes into a temporary folder
// beside target, which is then renamed into place. On any error or cancellation the
// temporary folder is removed and target is left as it was. An existing non-empty target is
// rejected unless force is set; with force, only the files of the plan are replaced and
// every other file stays.
func Write(ctx context.Context, plan *Plan, target string, force bool) error {
	if err := CheckTarget(target, force); err != nil {
		return err
	}
	existing, err := existingEntries(target)
	if err != nil {
		return err
	}

	parent := filepath.Dir(target)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("failed to create %s: %w", parent, err)
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(target)+".tmp-")
	if err != nil {
		return fmt.Errorf("failed to create a temporary folder in %s: %w", parent, err)
	}
	defer os.RemoveAll(staging)

	for _, f := range plan.Files {
		if err := ctx.Err(); err != nil {
			return err
		}
		dest := filepath.Join(staging, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return fmt.Errorf("failed to write %s: %w", f.Path, err)
		}
		if err := os.WriteFile(dest, f.Data, f.Mode); err != nil {
			return fmt.Errorf("failed to write %s: %w", f.Path, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		return fmt.Errorf("failed to set permissions on %s: %w", staging, err)
	}

	if len(existing) == 0 {
		return moveInto(staging, target)
	}
	return mergeInto(plan, staging, target)
}

// CheckTarget reports the ConflictError that Write would return for target, without
// writing anything; --dry-run uses it.
func CheckTarget(target string, force bool) error {
	existing, err := existingEntries(target)
	if err != nil {
		return err
	}
	if len(existing) > 0 && !force {
		return &ConflictError{Target: target, Existing: existing}
	}
	return nil
}

// existingEntries lists up to maxListedConflicts entries of target. A missing target has
// none; a target that is a file is reported as itself.
func existingEntries(target string) ([]string, error) {
	info, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("failed to inspect %s: %w", target, err)
	}
	if !info.IsDir() {
		return []string{filepath.Base(target) + " (a file)"}, nil
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return nil, fmt.Errorf("failed to read %s: %w", target, err)
	}
	var names []string
	for _, e := range entries {
		if len(names) == maxListedConflicts {
			names = append(names, "…")
			break
		}
		names = append(names, e.Name())
	}
	return names, nil
}

// moveInto renames the staging folder to target, replacing an empty target folder.
func moveInto(staging, target string) error {
	if err := os.Remove(target); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("failed to replace the empty folder %s: %w", target, err)
	}
	if err := os.Rename(staging, target); err != nil {
		return fmt.Errorf("failed to move the project into %s: %w", target, err)
	}
	return nil
}

// mergeInto moves each planned file from staging into an existing target, replacing files
// of the same name and leaving every other file alone.
func mergeInto(plan *Plan, staging, target string) error {
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("failed to inspect %s: %w", target, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is a file, not a folder; --force replaces files inside a folder "+
			"only", target)
	}
	for _, f := range plan.Files {
		rel := filepath.FromSlash(f.Path)
		dest := filepath.Join(target, rel)
		if err := os.MkdirAll(filepath.Dir(dest), 0o755); err != nil {
			return fmt.Errorf("failed to write %s: %w", dest, err)
		}
		if err := os.Rename(filepath.Join(staging, rel), dest); err != nil {
			return fmt.Errorf("failed to write %s: %w", dest, err)
		}
	}
	return nil
}
