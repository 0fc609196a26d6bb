package generator

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var hostileStrings = []string{
	`plain`, `it's`, `say "hi"`, `back\slash`, "new\nline", `a && b <c>`, "tab\tx",
	"é ü 日本", "\x00nul", `{{ .App }}`, "emoji 😀",
}

func TestTSStringRoundTrips(t *testing.T) {
	for _, s := range hostileStrings {
		lit := tsString(s)
		var back string
		if err := json.Unmarshal([]byte(lit), &back); err != nil || back != s {
			t.Errorf("tsString(%q) = %s, decodes to %q, %v", s, lit, back, err)
		}
	}
	if got := tsString("a && b"); got != `"a && b"` {
		t.Errorf("tsString escapes &: %s", got)
	}
}

func TestGoStringRoundTrips(t *testing.T) {
	for _, s := range hostileStrings {
		back, err := strconv.Unquote(strconv.Quote(s))
		if err != nil || back != s {
			t.Errorf("goString(%q) does not round-trip: %q, %v", s, back, err)
		}
	}
}

// TestPyStringRoundTrips evaluates every literal with Python itself.
func TestPyStringRoundTrips(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not on PATH")
	}
	script := "import json, sys\nvalues = [\n"
	for _, s := range hostileStrings {
		script += "    " + pyString(s) + ",\n"
	}
	script += "]\nsys.stdout.write(json.dumps(values))\n"
	path := filepath.Join(t.TempDir(), "literals.py")
	if err := os.WriteFile(path, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, path).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var back []string
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	for i, s := range hostileStrings {
		if back[i] != s {
			t.Errorf("pyString(%q) evaluates to %q", s, back[i])
		}
	}
}

func TestSortAlphaLeavesInputAlone(t *testing.T) {
	list := []string{"session", "emailpassword", "dashboard"}
	sorted := funcMap(nil)["sortAlpha"].(func(any) []string)(list)
	if strings.Join(sorted, ",") != "dashboard,emailpassword,session" {
		t.Errorf("sorted = %v", sorted)
	}
	if strings.Join(list, ",") != "session,emailpassword,dashboard" {
		t.Errorf("sortAlpha changed its input to %v", list)
	}
}
