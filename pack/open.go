package pack

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing/fstest"

	"github.com/Masterminds/semver/v3"
)

// OpenOptions configure where remote packs are cached and the environment of git.
type OpenOptions struct {
	CacheDir string
	Env      []string
}

// Open loads a pack from a local folder or a git repository. A git source is an https://,
// git@ or file:// URL with an optional #ref and //subfolder, for example
// https://example.com/team/packs.git//react-extra#v1.2.0.
func Open(ctx context.Context, source string, opts OpenOptions) (*Pack, error) {
	if isGitSource(source) {
		dir, err := cloneGit(ctx, source, opts)
		if err != nil {
			return nil, err
		}
		return openFolder(dir, source)
	}
	return openFolder(source, source)
}

func isGitSource(source string) bool {
	return strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://") ||
		strings.HasPrefix(source, "git@") || strings.HasPrefix(source, "file://") ||
		strings.HasPrefix(source, "ssh://")
}

// splitGitSource separates "URL//subfolder#ref" into its parts. The scheme's own "//" is
// not a subfolder marker.
func splitGitSource(source string) (url, subfolder, ref string) {
	url, ref, _ = strings.Cut(source, "#")
	rest := url
	scheme := ""
	if i := strings.Index(url, "://"); i >= 0 {
		scheme, rest = url[:i+3], url[i+3:]
	}
	if i := strings.Index(rest, "//"); i >= 0 {
		subfolder = rest[i+2:]
		rest = rest[:i]
	}
	return scheme + rest, subfolder, ref
}

func cloneGit(ctx context.Context, source string, opts OpenOptions) (string, error) {
	url, subfolder, ref := splitGitSource(source)
	sum := sha256.Sum256([]byte(url + "#" + ref))
	dir := filepath.Join(opts.CacheDir, "packs", hex.EncodeToString(sum[:8]))
	if err := os.RemoveAll(dir); err != nil {
		return "", fmt.Errorf("failed to clear the pack cache %s: %w", dir, err)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", fmt.Errorf("failed to create the pack cache: %w", err)
	}
	args := []string{"clone", "--quiet", "--depth", "1"}
	if ref != "" {
		args = append(args, "--branch", ref)
	}
	args = append(args, "--", url, dir)
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Env = append(append([]string(nil), opts.Env...), "GIT_TERMINAL_PROMPT=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", &Error{Origin: source, File: "(git clone)",
			Err: fmt.Errorf("git clone failed: %w: %s", err, strings.TrimSpace(string(out)))}
	}
	if subfolder == "" {
		return dir, nil
	}
	sub := filepath.Join(dir, filepath.FromSlash(subfolder))
	if !filepath.IsLocal(filepath.FromSlash(subfolder)) {
		return "", &Error{Origin: source, File: subfolder,
			Err: errors.New("the subfolder leaves the repository")}
	}
	return sub, nil
}

// openFolder reads a pack folder into memory. Symlinks are followed only when they point
// inside the pack, so a pack can never make the generator read a file outside it.
func openFolder(dir, origin string) (*Pack, error) {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, &Error{Origin: origin, File: dir, Err: err}
	}
	files := fstest.MapFS{}
	err = filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, name)
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		real := name
		if d.Type()&fs.ModeSymlink != 0 {
			if real, err = filepath.EvalSymlinks(name); err != nil {
				return &Error{Origin: origin, File: filepath.ToSlash(rel), Err: err}
			}
			inside, relErr := filepath.Rel(root, real)
			if relErr != nil || !filepath.IsLocal(inside) {
				return &Error{Origin: origin, File: filepath.ToSlash(rel),
					Err: errors.New("symlink points outside the pack")}
			}
			if info, statErr := os.Stat(real); statErr != nil || info.IsDir() {
				return &Error{Origin: origin, File: filepath.ToSlash(rel),
					Err: errors.New("symlinks to folders are not supported in packs")}
			}
		} else if !d.Type().IsRegular() {
			return &Error{Origin: origin, File: filepath.ToSlash(rel),
				Err: errors.New("only regular files and symlinks are allowed in packs")}
		}
		data, err := os.ReadFile(real)
		if err != nil {
			return &Error{Origin: origin, File: filepath.ToSlash(rel), Err: err}
		}
		files[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	if err != nil {
		var packErr *Error
		if errors.As(err, &packErr) {
			return nil, err
		}
		return nil, &Error{Origin: origin, File: dir, Err: err}
	}
	return Load(files, origin)
}

// CheckToolVersion rejects a pack that needs a newer tool than version.
func CheckToolVersion(p *Pack, version string) error {
	if p.Manifest.MinToolVersion == "" {
		return nil
	}
	want, err := semver.NewVersion(p.Manifest.MinToolVersion)
	if err != nil {
		return &Error{Origin: p.Origin, File: ManifestFile,
			Err: fmt.Errorf("invalid minToolVersion %q: %w", p.Manifest.MinToolVersion, err)}
	}
	have, err := semver.NewVersion(version)
	if err != nil {
		return nil // a development build has no comparable version
	}
	if have.LessThan(want) {
		return &Error{Origin: p.Origin, File: ManifestFile, Err: fmt.Errorf(
			"the pack needs create-supertokens-app %s or newer; this is %s", want, have)}
	}
	return nil
}
