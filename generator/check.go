package generator

import (
	"fmt"
	"io/fs"
	"strings"

	"create-supertokens-app/answers"
	"create-supertokens-app/pack"
)

// CheckTemplates parses every template of pk (partials of the whole catalog included) and
// returns each parse error, located by file and line.
func CheckTemplates(cat *pack.Catalog, pk *pack.Pack) []error {
	r := &renderer{cat: cat, files: map[string]File{}}
	if err := r.parsePartials(); err != nil {
		return []error{err}
	}
	var errs []error
	walkErr := fs.WalkDir(pk.FS, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, templateSuffix) {
			return err
		}
		text, err := fs.ReadFile(pk.FS, name)
		if err != nil {
			return err
		}
		set, err := r.partials.Clone()
		if err != nil {
			return err
		}
		left, right := delimitersFor(pk, name)
		if _, err := set.New(name).Delims(left, right).Parse(string(text)); err != nil {
			errs = append(errs, templateError(pk, name, err))
		}
		return nil
	})
	if walkErr != nil {
		errs = append(errs, &pack.Error{Origin: pk.Origin, File: ".", Err: walkErr})
	}
	return errs
}

// CheckChoices renders a project for every frontend and backend that pk defines, with the
// default answers for everything else, and returns each failure.
func CheckChoices(cat *pack.Catalog, pk *pack.Pack) []error {
	var errs []error
	try := func(label string, a answers.Answers) {
		a.AppName = "pack-check"
		if a.Recipe == "" {
			a.Recipe = answers.DefaultRecipe
		}
		a.Set = questionDefaults(cat)
		p, err := answers.Validate(a, cat)
		if err == nil {
			_, err = Render(p, cat)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s does not render: %w", label, err))
		}
	}
	for _, f := range pk.Manifest.Frontends {
		a := answers.Answers{Frontend: f.ID}
		if f.Kind != pack.KindFullstack {
			a.Backend = answers.DefaultBackend
		}
		try("frontend "+f.ID, a)
	}
	for _, b := range pk.Manifest.Backends {
		try("backend "+b.ID, answers.Answers{Frontend: answers.DefaultFrontend, Backend: b.ID})
	}
	for _, r := range pk.Manifest.Recipes {
		try("recipe "+r.ID, answers.Answers{Frontend: answers.DefaultFrontend,
			Backend: answers.DefaultBackend, Recipe: r.ID})
	}
	if len(pk.Manifest.Frontends)+len(pk.Manifest.Backends)+len(pk.Manifest.Recipes) == 0 {
		try("the default project", answers.Answers{Frontend: answers.DefaultFrontend,
			Backend: answers.DefaultBackend})
	}
	return errs
}

func questionDefaults(cat *pack.Catalog) map[string]string {
	set := map[string]string{}
	for _, pk := range cat.Packs {
		for _, q := range pk.Manifest.Questions {
			set[q.Key] = q.Default
		}
	}
	return set
}
