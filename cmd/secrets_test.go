package cmd

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecretsOnlyInIgnoredEnv generates projects with a core API key and checks that the
// key appears in no file but the git-ignored .env.
func TestSecretsOnlyInIgnoredEnv(t *testing.T) {
	const key = "k3y-for-the-secret-test-0123456789"
	for _, args := range [][]string{
		{"--frontend", "react", "--backend", "flask", "--core", "docker"},
		{"--frontend", "next-app-directory", "--core", "https://core.example.com"},
		{"--frontend", "none", "--backend", "go-http", "--core", "docker",
			"--recipe", "thirdparty"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			full := append([]string{"--yes", "--appname", "app", "--skip-install", "--no-git",
				"--dir", dir, "--api-key", key}, args...)
			if code, _, stderr := run(t, full...); code != ExitOK {
				t.Fatalf("exit %d\n%s", code, stderr)
			}
			root := filepath.Join(dir, "app")
			var holders []string
			filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				data, _ := os.ReadFile(p)
				if strings.Contains(string(data), key) {
					rel, _ := filepath.Rel(root, p)
					holders = append(holders, rel)
				}
				return nil
			})
			if len(holders) != 1 || holders[0] != ".env" {
				t.Errorf("the API key is in %v, want only .env", holders)
			}
			ignore, err := os.ReadFile(filepath.Join(root, ".gitignore"))
			if err != nil {
				t.Fatal(err)
			}
			if !hasLine(string(ignore), ".env") {
				t.Errorf(".gitignore does not ignore .env:\n%s", ignore)
			}
		})
	}
}

func hasLine(text, line string) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == line {
			return true
		}
	}
	return false
}
