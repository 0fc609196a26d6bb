package answers

import (
	"errors"
	"strings"
	"testing"

	"create-supertokens-app/pack"
	"create-supertokens-app/templates"
)

func builtinCatalog(t *testing.T) *pack.Catalog {
	t.Helper()
	cat, err := templates.BuiltinCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

func TestValidateAppName(t *testing.T) {
	valid := []string{"my-app", "app2", "a.b_c~d", "x"}
	for _, name := range valid {
		if reason := ValidateAppName(name); reason != "" {
			t.Errorf("ValidateAppName(%q) = %q, want valid", name, reason)
		}
	}
	invalid := map[string]string{
		"":                       "empty",
		"../x":                   "cannot contain /",
		"foo/bar":                "cannot contain /",
		`a\b`:                    "cannot contain /",
		"-x":                     "cannot start",
		".hidden":                "cannot start",
		"_x":                     "cannot start",
		"MyApp":                  "lowercase",
		"my app":                 "contains ' '",
		"My App":                 `(for example "my-app")`,
		"it's":                   "contains '\\''",
		"node_modules":           "reserved",
		"http":                   "core module",
		strings.Repeat("a", 215): "longer than",
	}
	for name, want := range invalid {
		reason := ValidateAppName(name)
		if !strings.Contains(reason, want) {
			t.Errorf("ValidateAppName(%q) = %q, want it to mention %q", name, reason, want)
		}
	}
}

func TestValidateResolvesAliases(t *testing.T) {
	cat := builtinCatalog(t)
	p, err := Validate(Answers{AppName: "a", Frontend: "nextjs", Recipe: "emailpassword"}, cat)
	if err != nil {
		t.Fatal(err)
	}
	if p.Answers.Frontend != "next" || p.Backend != nil {
		t.Errorf("frontend = %q, backend = %v", p.Answers.Frontend, p.Backend)
	}
	p, err = Validate(Answers{AppName: "a", Frontend: "react", Backend: "python-fastapi",
		Recipe: "emailpassword"}, cat)
	if err != nil {
		t.Fatal(err)
	}
	if p.Answers.Backend != "fastapi" {
		t.Errorf("backend = %q, want fastapi", p.Answers.Backend)
	}
}

func TestValidateErrors(t *testing.T) {
	cat := builtinCatalog(t)
	base := Answers{AppName: "a", Frontend: "react", Backend: "express", Recipe: "emailpassword"}
	tests := []struct {
		name     string
		change   func(*Answers)
		flag     string
		contains []string
	}{
		{"unknown frontend", func(a *Answers) { a.Frontend = "reakt" },
			"frontend", []string{`"reakt"`, "valid: react, vue", `did you mean "react"`}},
		{"unknown backend", func(a *Answers) { a.Backend = "flsk" },
			"backend", []string{`"flsk"`, `did you mean "flask"`}},
		{"backend with fullstack", func(a *Answers) { a.Frontend = "next" },
			"backend", []string{"fullstack", "leave out --backend"}},
		{"mfa on go", func(a *Answers) { a.Backend = "gin"; a.Recipe = "multifactorauth" },
			"recipe", []string{"backend gin does not support mfa", "backends that do: express"}},
		{"mfa on go via factors", func(a *Answers) {
			a.Backend, a.Recipe, a.SecondFactors = "gin", "", []string{"totp"}
		}, "secondfactors", []string{`"totp"`, "backend gin does not support mfa"}},
		{"tenant passkeys on go", func(a *Answers) {
			a.Backend, a.Recipe, a.FirstFactors = "chi", "multitenancy", []string{"webauthn"}
		}, "firstfactors", []string{"multitenancy-webauthn", "leave", "backends that do: express"}},
		{"second factor also first", func(a *Answers) {
			a.Recipe, a.SecondFactors = "passwordless", []string{"otp-email"}
		}, "secondfactors", []string{"otp-email is both a first and a second factor"}},
		{"bad factor", func(a *Answers) { a.FirstFactors = []string{"sms"} },
			"firstfactors", []string{`"sms"`, "otp-phone"}},
		{"bad second factor", func(a *Answers) { a.SecondFactors = []string{"webauthn"} },
			"secondfactors", []string{"totp"}},
		{"bad provider", func(a *Answers) { a.Recipe = "thirdparty"; a.Providers = []string{"gogle"} },
			"providers", []string{`did you mean "google"`}},
		{"bad manager", func(a *Answers) { a.Manager = "pnmp" },
			"manager", []string{`did you mean "pnpm"`}},
		{"bad core", func(a *Answers) { a.Core = "ftp://x" },
			"core", []string{"demo, docker or an http(s)://"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := base
			tt.change(&a)
			_, err := Validate(a, cat)
			var usage *UsageError
			if !errors.As(err, &usage) {
				t.Fatalf("err = %v, want a UsageError", err)
			}
			if usage.Flag != tt.flag {
				t.Errorf("flag = %q, want %q", usage.Flag, tt.flag)
			}
			for _, want := range tt.contains {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message %q lacks %q", err.Error(), want)
				}
			}
		})
	}
}

func TestGoSupportsAllButMFA(t *testing.T) {
	cat := builtinCatalog(t)
	for _, recipe := range cat.RecipeIDs() {
		_, err := Validate(Answers{AppName: "a", Frontend: "react", Backend: "go-http",
			Recipe: recipe}, cat)
		if recipe == "multifactorauth" {
			if err == nil {
				t.Errorf("go-http accepted %s", recipe)
			}
			continue
		}
		if err != nil {
			t.Errorf("go-http rejected %s: %v", recipe, err)
		}
	}
}

func TestCommandQuotes(t *testing.T) {
	a := Answers{AppName: "my-app", Frontend: "react", Backend: "flask", Recipe: "thirdparty",
		Providers: []string{"google", "github"}, Manager: "pnpm",
		Set: map[string]string{"team": "the core's"}}
	got := a.Command("csa")
	want := "csa --appname my-app --frontend react --backend flask --recipe thirdparty " +
		"--providers google,github --manager pnpm --set 'team=the core'\\''s'"
	if got != want {
		t.Errorf("Command() =\n%s\nwant\n%s", got, want)
	}
}

func TestParseCore(t *testing.T) {
	tests := []struct{ in, kind, uri string }{
		{"", CoreDemo, DemoCoreURI},
		{"docker", CoreDocker, DockerCoreURI},
		{"https://core.example.com/", CoreURL, "https://core.example.com"},
		{"http://10.0.0.2:3567", CoreURL, "http://10.0.0.2:3567"},
	}
	for _, tt := range tests {
		kind, uri, err := ParseCore(tt.in)
		if err != nil || kind != tt.kind || uri != tt.uri {
			t.Errorf("ParseCore(%q) = %q, %q, %v", tt.in, kind, uri, err)
		}
	}
	for _, bad := range []string{"dokcer", "localhost:3567", "https://", "file:///x"} {
		if _, _, err := ParseCore(bad); err == nil {
			t.Errorf("ParseCore(%q) accepted", bad)
		}
	}
}
