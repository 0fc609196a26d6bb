package generator_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"create-supertokens-app/answers"
	"create-supertokens-app/generator"
	"create-supertokens-app/pack"
	"create-supertokens-app/templates"
)

func builtinCatalog(t testing.TB) *pack.Catalog {
	t.Helper()
	cat, err := templates.BuiltinCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// matrixCases returns every frontend, backend and recipe combination, plus a sample of
// factor and provider flags.
func matrixCases(cat *pack.Catalog) []answers.Answers {
	var cases []answers.Answers
	for _, f := range cat.Frontends {
		backends := cat.BackendIDs()
		if f.Value.Kind == pack.KindFullstack {
			backends = []string{""}
		}
		for _, b := range backends {
			for _, r := range cat.RecipeIDs() {
				cases = append(cases, answers.Answers{AppName: "matrix-app",
					Frontend: f.Value.ID, Backend: b, Recipe: r})
			}
		}
	}
	factorSamples := []answers.Answers{
		{FirstFactors: []string{"emailpassword"}, SecondFactors: []string{"otp-phone"}},
		{FirstFactors: []string{"link-phone", "otp-email"}},
		{FirstFactors: []string{"thirdparty"}, Providers: []string{"discord", "gitlab",
			"linkedin", "facebook", "bitbucket"}},
		{FirstFactors: []string{"webauthn", "emailpassword"}, SecondFactors: []string{"totp"}},
		{SecondFactors: []string{"link-email", "totp"}},
	}
	for _, stack := range [][2]string{{"react", "express"}, {"vue", "flask"},
		{"next-app-directory", ""}, {"react", "chi"}, {"none", "fastapi"}} {
		for _, sample := range factorSamples {
			a := sample
			a.AppName, a.Frontend, a.Backend = "matrix-app", stack[0], stack[1]
			cases = append(cases, a)
		}
	}
	return cases
}

// TestMatrixRendersAndParses renders every valid combination and parses each distinct
// generated file with its language's parser. A combination the support matrix rejects must
// fail validation with a usage error, never at render time.
func TestMatrixRendersAndParses(t *testing.T) {
	if testing.Short() {
		t.Skip("the full matrix takes a while; run without -short")
	}
	cat := builtinCatalog(t)
	unique := map[string]generatedFile{}
	rendered, rejected := 0, 0
	for _, a := range matrixCases(cat) {
		name := caseName(a)
		p, err := answers.Validate(a, cat)
		var usage *answers.UsageError
		if errors.As(err, &usage) {
			rejected++
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		plan, err := generator.Render(p, cat)
		if err != nil {
			t.Errorf("%s: render: %v", name, err)
			continue
		}
		rendered++
		for _, f := range plan.Files {
			sum := sha256.Sum256(append([]byte(path.Ext(f.Path)), f.Data...))
			key := fmt.Sprintf("%x", sum[:12])
			if _, seen := unique[key]; !seen {
				unique[key] = generatedFile{example: name + ":" + f.Path, path: f.Path, data: f.Data}
			}
		}
	}
	t.Logf("%d combinations rendered, %d rejected by the support matrix, %d distinct files",
		rendered, rejected, len(unique))
	parseAll(t, unique)
}

type generatedFile struct {
	example string
	path    string
	data    []byte
}

func caseName(a answers.Answers) string {
	parts := []string{a.Frontend, a.Backend, a.Recipe}
	for _, list := range [][]string{a.FirstFactors, a.SecondFactors, a.Providers} {
		if len(list) > 0 {
			parts = append(parts, strings.Join(list, "+"))
		}
	}
	return strings.Join(parts, "/")
}

func parseAll(t *testing.T, files map[string]generatedFile) {
	dir := t.TempDir()
	var python, script []string
	byTempPath := map[string]string{}
	keys := make([]string, 0, len(files))
	for k := range files {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		f := files[key]
		switch ext := path.Ext(f.path); ext {
		case ".go":
			if _, err := parser.ParseFile(token.NewFileSet(), f.path, f.data, 0); err != nil {
				t.Errorf("%s: %v", f.example, err)
			}
		case ".json":
			if !json.Valid(f.data) && !isJSONC(f.path) {
				t.Errorf("%s: invalid JSON", f.example)
			}
		case ".yaml", ".yml":
			var v any
			if err := yaml.Unmarshal(f.data, &v); err != nil {
				t.Errorf("%s: %v", f.example, err)
			}
		case ".py", ".ts", ".tsx", ".js", ".mjs", ".cjs", ".jsx", ".mts":
			tmp := filepath.Join(dir, key+ext)
			if err := os.WriteFile(tmp, f.data, 0o644); err != nil {
				t.Fatal(err)
			}
			byTempPath[tmp] = f.example
			if ext == ".py" {
				python = append(python, tmp)
			} else {
				script = append(script, tmp)
			}
		}
	}
	checkPython(t, python, byTempPath)
	checkScripts(t, script, byTempPath)
}

// isJSONC reports files that TypeScript and editors read as JSON with comments.
func isJSONC(name string) bool {
	base := path.Base(name)
	return strings.HasPrefix(base, "tsconfig") || strings.HasPrefix(base, "jsconfig") ||
		strings.HasSuffix(name, ".vscode/settings.json")
}

const pythonParser = `
import ast, sys
failed = 0
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as source:
        try:
            ast.parse(source.read(), name)
        except SyntaxError as err:
            print(f"{name}:{err.lineno}: {err.msg}")
            failed += 1
sys.exit(1 if failed else 0)
`

func checkPython(t *testing.T, files []string, examples map[string]string) {
	if len(files) == 0 {
		return
	}
	out, err := exec.Command("python3", append([]string{"-c", pythonParser}, files...)...).
		CombinedOutput()
	if err != nil {
		t.Errorf("Python syntax errors:\n%s", explain(string(out), examples))
	}
}

func checkScripts(t *testing.T, files []string, examples map[string]string) {
	if len(files) == 0 {
		return
	}
	node, script := toolPath("node_modules/node/bin/node"), toolPath("parse-ts.mjs")
	if _, err := os.Stat(toolPath("node_modules/typescript")); err != nil {
		t.Skip("TypeScript parser not installed; run make tools (" + err.Error() + ")")
	}
	out, err := exec.Command(node, append([]string{script}, files...)...).CombinedOutput()
	if err != nil {
		t.Errorf("TypeScript/JavaScript syntax errors:\n%s", explain(string(out), examples))
	}
}

func toolPath(rel string) string {
	return filepath.Join("..", "tools", filepath.FromSlash(rel))
}

// explain replaces temporary file names with the combination and path they came from.
func explain(out string, examples map[string]string) string {
	for tmp, example := range examples {
		out = strings.ReplaceAll(out, tmp, example)
	}
	return out
}
