package prompts

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"create-supertokens-app/answers"
	"create-supertokens-app/pack"
	"create-supertokens-app/templates"
)

// fakePrompter answers questions from a script keyed by title and records what it was
// asked.
type fakePrompter struct {
	replies map[string]string
	asked   []string
}

func (f *fakePrompter) reply(title string) (string, error) {
	f.asked = append(f.asked, title)
	r, ok := f.replies[title]
	if !ok {
		return "", fmt.Errorf("unexpected question %q", title)
	}
	return r, nil
}

func (f *fakePrompter) Input(title, _, _ string, validate func(string) error) (string, error) {
	r, err := f.reply(title)
	if err != nil {
		return "", err
	}
	return r, validate(r)
}

func (f *fakePrompter) Select(title string, _ []Option, _ string) (string, error) {
	return f.reply(title)
}

func (f *fakePrompter) MultiSelect(title string, _ []Option, _ []string) ([]string, error) {
	r, err := f.reply(title)
	return strings.Split(r, ","), err
}

func catalog(t *testing.T) *pack.Catalog {
	t.Helper()
	cat, err := templates.BuiltinCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestFillAsksOnlyWhatIsMissing(t *testing.T) {
	f := &fakePrompter{replies: map[string]string{
		"Choose a backend":                  "flask",
		"Choose how users sign in":          "thirdparty",
		"Choose the social login providers": "github",
		"Choose a package manager":          "pnpm",
	}}
	a := answers.Answers{AppName: "demo", Frontend: "react"}
	if err := Fill(f, &a, catalog(t), "npm"); err != nil {
		t.Fatal(err)
	}
	want := []string{"Choose a backend", "Choose how users sign in",
		"Choose the social login providers", "Choose a package manager"}
	if !slices.Equal(f.asked, want) {
		t.Errorf("asked %v, want %v", f.asked, want)
	}
	if a.Backend != "flask" || a.Recipe != "thirdparty" || a.Providers[0] != "github" {
		t.Errorf("answers = %+v", a)
	}
}

func TestFillSkipsBackendForFullstack(t *testing.T) {
	f := &fakePrompter{replies: map[string]string{
		"What is your app called?":          "shop",
		"Choose a frontend":                 "next",
		"Choose how users sign in":          "multifactorauth",
		"Choose the second factors":         "totp",
		"Choose the social login providers": "google",
		"Choose a package manager":          "npm",
	}}
	var a answers.Answers
	if err := Fill(f, &a, catalog(t), "npm"); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(f.asked, "Choose a backend") {
		t.Error("asked for a backend although next is fullstack")
	}
	if a.Backend != "" {
		t.Errorf("backend = %q", a.Backend)
	}
	if len(a.SecondFactors) != 1 || a.SecondFactors[0] != "totp" {
		t.Errorf("second factors = %v, want the answer to the MFA question", a.SecondFactors)
	}
}

func TestFillSkipsRecipeWithFactorFlags(t *testing.T) {
	f := &fakePrompter{replies: map[string]string{}}
	a := answers.Answers{AppName: "x", Frontend: "react", Backend: "express",
		FirstFactors: []string{"emailpassword"}, Manager: "npm"}
	if err := Fill(f, &a, catalog(t), "npm"); err != nil {
		t.Fatal(err)
	}
	if len(f.asked) != 0 {
		t.Errorf("asked %v, want nothing", f.asked)
	}
}

// TestAccessibleModeThroughPipe drives the real huh prompts in accessible mode, which reads
// plain lines, as a screen reader user or a script would.
func TestAccessibleModeThroughPipe(t *testing.T) {
	in := strings.NewReader("shop\n2\n6\n1\n3\n")
	var out bytes.Buffer
	p := NewTerminal(in, &out, true)
	var a answers.Answers
	if err := Fill(p, &a, catalog(t), "npm"); err != nil {
		t.Fatalf("Fill: %v\noutput:\n%s", err, out.String())
	}
	if a.AppName != "shop" {
		t.Errorf("app name = %q", a.AppName)
	}
	if a.Frontend != "vue" {
		t.Errorf("frontend = %q, want the second choice, vue", a.Frontend)
	}
	if a.Backend != "flask" {
		t.Errorf("backend = %q, want the sixth choice, flask", a.Backend)
	}
	if a.Recipe != "emailpassword" {
		t.Errorf("recipe = %q", a.Recipe)
	}
	if a.Manager != "pnpm" {
		t.Errorf("manager = %q, want the third choice, pnpm", a.Manager)
	}
	if !strings.Contains(out.String(), "What is your app called?") {
		t.Errorf("prompt text missing from output:\n%s", out.String())
	}
}

func TestAccessibleInputEndsEarly(t *testing.T) {
	p := NewTerminal(strings.NewReader("shop\n"), &bytes.Buffer{}, true)
	var a answers.Answers
	err := Fill(p, &a, catalog(t), "npm")
	if !errors.Is(err, ErrInputEnded) {
		t.Errorf("err = %v, want ErrInputEnded", err)
	}
}
