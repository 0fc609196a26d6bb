package cmd

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"create-supertokens-app/answers"
)

var update = flag.Bool("update", false, "rewrite golden archives from the current output")

// goldenDir holds one txtar archive per case. The archive's comment is the command line;
// its files are every file the command writes.
const goldenDir = "../testdata/golden"

func TestGolden(t *testing.T) {
	archives, err := filepath.Glob(filepath.Join(goldenDir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	if len(archives) == 0 {
		t.Fatalf("no golden archives in %s", goldenDir)
	}
	// Generated secrets (the docker core's API key and database password) must be
	// reproducible here.
	saved := answers.SecretSource
	answers.SecretSource = zeroReader{}
	t.Cleanup(func() { answers.SecretSource = saved })
	for _, path := range archives {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checkGolden(t, path)
		})
	}
}

func checkGolden(t *testing.T, path string) {
	archive, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	args := strings.Fields(strings.TrimSpace(string(archive.Comment)))
	dir := t.TempDir()
	args = append(args, "--yes", "--skip-install", "--no-git", "--dir", dir)

	var stdout, stderr bytes.Buffer
	code := ExecuteContext(context.Background(), args, Streams{
		In: strings.NewReader(""), Out: &stdout, Err: &stderr, Env: []string{"CI=1"},
	})
	if code != ExitOK {
		t.Fatalf("%v: exit %d\n%s", args, code, stderr.String())
	}
	project := strings.TrimSpace(stdout.String())
	got := readTree(t, project)

	if *update {
		archive.Files = got
		if err := os.WriteFile(path, txtar.Format(archive), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	compareFiles(t, archive.Files, got)
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func readTree(t *testing.T, root string) []txtar.File {
	var files []txtar.File
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		files = append(files, txtar.File{Name: filepath.ToSlash(rel), Data: data})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func compareFiles(t *testing.T, want, got []txtar.File) {
	t.Helper()
	gotByName := map[string][]byte{}
	for _, f := range got {
		gotByName[f.Name] = f.Data
	}
	wantNames := map[string]bool{}
	for _, f := range want {
		wantNames[f.Name] = true
		data, ok := gotByName[f.Name]
		if !ok {
			t.Errorf("missing file %s", f.Name)
			continue
		}
		if !bytes.Equal(data, f.Data) {
			t.Errorf("%s differs from the golden copy:\n%s", f.Name, firstDifference(f.Data, data))
		}
	}
	for _, f := range got {
		if !wantNames[f.Name] {
			t.Errorf("extra file %s", f.Name)
		}
	}
	if t.Failed() {
		t.Log("if the change is intended, run: go test ./cmd -run TestGolden -update")
	}
}

// firstDifference shows the first line where two files differ.
func firstDifference(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, w, g)
		}
	}
	return "(only trailing newlines differ)"
}
