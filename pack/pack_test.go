package pack

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const minimalManifest = "name: extra\nversion: 1.0.0\n"

func TestLoadRejectsUnknownField(t *testing.T) {
	fsys := fstest.MapFS{ManifestFile: {Data: []byte(minimalManifest + "colour: blue\n")}}
	_, err := Load(fsys, "test")
	var packErr *Error
	if !errors.As(err, &packErr) {
		t.Fatalf("err = %v, want a pack error", err)
	}
	if packErr.File != ManifestFile || packErr.Line != 3 {
		t.Errorf("located at %s:%d, want %s:3", packErr.File, packErr.Line, ManifestFile)
	}
	if !strings.Contains(err.Error(), "colour") {
		t.Errorf("message %q does not name the field", err)
	}
}

func TestMatchGlob(t *testing.T) {
	tests := []struct {
		pattern, name string
		want          bool
	}{
		{"**/*.vue.tmpl", "frontends/vue/src/App.vue.tmpl", true},
		{"**/*.vue.tmpl", "App.vue.tmpl", true},
		{"frontends/*/x.tmpl", "frontends/vue/x.tmpl", true},
		{"frontends/*/x.tmpl", "frontends/vue/src/x.tmpl", false},
		{"**/*.svelte", "a/b/c.ts", false},
	}
	for _, tt := range tests {
		if got := MatchGlob(tt.pattern, tt.name); got != tt.want {
			t.Errorf("MatchGlob(%q, %q) = %v", tt.pattern, tt.name, got)
		}
	}
}

func TestOpenFolderSymlinks(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("do not leak"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, data string) {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(ManifestFile, minimalManifest)
	write("files/a.txt", "inside")
	if err := os.Symlink("a.txt", filepath.Join(dir, "files/b.txt")); err != nil {
		t.Fatal(err)
	}

	p, err := Open(context.Background(), dir, OpenOptions{})
	if err != nil {
		t.Fatalf("a symlink inside the pack was rejected: %v", err)
	}
	if data, _ := p.FS.(fstest.MapFS)["files/b.txt"]; data == nil || string(data.Data) != "inside" {
		t.Errorf("files/b.txt = %v", data)
	}

	if err := os.Symlink(outside, filepath.Join(dir, "files/leak.txt")); err != nil {
		t.Fatal(err)
	}
	_, err = Open(context.Background(), dir, OpenOptions{})
	if err == nil || !strings.Contains(err.Error(), "outside the pack") {
		t.Fatalf("err = %v, want a symlink error", err)
	}
	if !strings.Contains(err.Error(), "files/leak.txt") {
		t.Errorf("error %q does not name the file", err)
	}
}

func TestSplitGitSource(t *testing.T) {
	tests := []struct{ in, url, sub, ref string }{
		{"https://example.com/a/b.git", "https://example.com/a/b.git", "", ""},
		{"https://example.com/a/b.git//packs/x#v1", "https://example.com/a/b.git", "packs/x", "v1"},
		{"file:///tmp/repo.git#main", "file:///tmp/repo.git", "", "main"},
		{"git@example.com:team/p.git//sub", "git@example.com:team/p.git", "sub", ""},
	}
	for _, tt := range tests {
		url, sub, ref := splitGitSource(tt.in)
		if url != tt.url || sub != tt.sub || ref != tt.ref {
			t.Errorf("splitGitSource(%q) = %q, %q, %q", tt.in, url, sub, ref)
		}
	}
}

func TestCheckToolVersion(t *testing.T) {
	p := &Pack{Origin: "x", Manifest: Manifest{MinToolVersion: "9.0.0"}}
	if err := CheckToolVersion(p, "0.1.0"); err == nil ||
		!strings.Contains(err.Error(), "needs create-supertokens-app 9.0.0") {
		t.Errorf("err = %v", err)
	}
	p.Manifest.MinToolVersion = "0.1.0"
	if err := CheckToolVersion(p, "0.1.0"); err != nil {
		t.Errorf("err = %v", err)
	}
}
