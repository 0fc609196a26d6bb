package pack

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/Masterminds/semver/v3"
)

var (
	choiceIDPattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	questionKeyPattern = regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9_]*$`)
)

// Features a pack may mark as unsupported; they match auth.AllFeatures.
var knownFeatures = []string{"emailpassword", "thirdparty", "passwordless", "webauthn",
	"multitenancy", "mfa", "multitenancy-webauthn"}

// Check returns every problem in the manifest: missing or malformed fields, unknown kinds
// and languages, layers whose source is missing or whose destination leaves the project,
// and invalid questions. It does not render templates.
func Check(p *Pack) []error {
	c := &checker{pack: p}
	m := p.Manifest
	if m.Name == "" {
		c.add("name is missing")
	}
	if m.Version == "" {
		c.add("version is missing")
	} else if _, err := semver.NewVersion(m.Version); err != nil {
		c.add("version %q is not a semantic version", m.Version)
	}
	if m.MinToolVersion != "" {
		if _, err := semver.NewVersion(m.MinToolVersion); err != nil {
			c.add("minToolVersion %q is not a semantic version", m.MinToolVersion)
		}
	}

	for i, f := range m.Frontends {
		where := fmt.Sprintf("frontends[%d] (%s)", i, f.ID)
		c.choice(where, f.Choice)
		if !slices.Contains([]string{KindSPA, KindFullstack, KindNone}, f.Kind) {
			c.add("%s: kind %q is not spa, fullstack or none", where, f.Kind)
		}
		c.unsupported(where, f.Unsupported)
		c.layers(where, f.Layers)
		c.steps(where, f.Install)
	}
	for i, b := range m.Backends {
		where := fmt.Sprintf("backends[%d] (%s)", i, b.ID)
		c.choice(where, b.Choice)
		if !slices.Contains([]string{LanguageNode, LanguagePython, LanguageGo}, b.Language) {
			c.add("%s: language %q is not node, python or go", where, b.Language)
		}
		if b.Start == "" {
			c.add("%s: start is missing", where)
		}
		c.unsupported(where, b.Unsupported)
		c.layers(where, b.Layers)
		c.steps(where, b.Install)
	}
	for i, r := range m.Recipes {
		where := fmt.Sprintf("recipes[%d] (%s)", i, r.ID)
		c.choice(where, r.Choice)
		if len(r.FirstFactors) == 0 {
			c.add("%s: firstFactors is empty", where)
		}
	}
	c.layers("layers", m.Layers)
	c.steps("install", m.Install)
	for i, q := range m.Questions {
		c.question(fmt.Sprintf("questions[%d] (%s)", i, q.Key), q)
	}
	for i, d := range m.Delimiters {
		if d.Glob == "" || d.Left == "" || d.Right == "" {
			c.add("delimiters[%d]: glob, left and right are all required", i)
		}
	}
	return c.errs
}

type checker struct {
	pack *Pack
	errs []error
}

func (c *checker) add(format string, args ...any) {
	c.errs = append(c.errs, &Error{Origin: c.pack.Origin, File: ManifestFile,
		Err: fmt.Errorf(format, args...)})
}

func (c *checker) choice(where string, ch Choice) {
	if !choiceIDPattern.MatchString(ch.ID) {
		c.add("%s: id %q must be lowercase letters, digits, '-' and '_'", where, ch.ID)
	}
	if ch.Name == "" {
		c.add("%s: name is missing", where)
	}
	if ch.Description == "" {
		c.add("%s: description is missing", where)
	}
}

func (c *checker) unsupported(where string, list []Unsupported) {
	for _, u := range list {
		if !slices.Contains(knownFeatures, u.Feature) {
			c.add("%s: unsupported feature %q is not one of %s", where, u.Feature,
				strings.Join(knownFeatures, ", "))
		}
		if u.Reason == "" {
			c.add("%s: unsupported feature %q has no reason", where, u.Feature)
		}
	}
}

func (c *checker) layers(where string, layers []Layer) {
	for i, l := range layers {
		at := fmt.Sprintf("%s layer %d", where, i)
		if !localPath(l.Destination) {
			c.add("%s: destination %q is outside the project folder", at, l.Destination)
		}
		switch l.From {
		case "":
			if !localPath(l.Source) {
				c.add("%s: source %q is outside the pack", at, l.Source)
				continue
			}
			info, err := fs.Stat(c.pack.FS, path.Clean(l.Source))
			if err != nil || !info.IsDir() {
				c.add("%s: source folder %q does not exist in the pack", at, l.Source)
			}
		case FromBuiltin:
		default:
			c.add("%s: from %q is not empty or %q", at, l.From, FromBuiltin)
		}
	}
}

func (c *checker) steps(where string, steps []Step) {
	for i, s := range steps {
		if !localPath(s.Dir) {
			c.add("%s step %d: dir %q is outside the project folder", where, i, s.Dir)
		}
		for _, argv := range s.Commands {
			if len(argv) == 0 {
				c.add("%s step %d: a command is empty", where, i)
			}
		}
	}
}

func (c *checker) question(where string, q Question) {
	if !questionKeyPattern.MatchString(q.Key) {
		c.add("%s: key %q must start with a letter and use letters, digits and '_'", where, q.Key)
	}
	if q.Prompt == "" {
		c.add("%s: prompt is missing", where)
	}
	switch q.Type {
	case QuestionText:
		if q.Pattern != "" {
			if _, err := regexp.Compile(q.Pattern); err != nil {
				c.add("%s: pattern: %v", where, err)
			}
		}
	case QuestionConfirm:
		if q.Default != "" && q.Default != "true" && q.Default != "false" {
			c.add("%s: default of a confirm question must be true or false", where)
		}
	case QuestionSelect:
		if len(q.Choices) == 0 {
			c.add("%s: a select question needs choices", where)
		}
		if q.Default != "" && !slices.Contains(q.Choices, q.Default) {
			c.add("%s: default %q is not one of the choices", where, q.Default)
		}
	default:
		c.add("%s: type %q is not text, confirm or select", where, q.Type)
	}
}

// localPath reports whether p is a relative path that stays inside its root.
func localPath(p string) bool {
	if p == "" || p == "." {
		return true
	}
	return fs.ValidPath(path.Clean(p)) && !strings.HasPrefix(p, "/")
}
