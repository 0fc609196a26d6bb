package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/format"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"create-supertokens-app/answers"
	"create-supertokens-app/pack"
)

// templateSuffix marks files that are rendered; other files are copied as they are.
const templateSuffix = ".tmpl"

// partialsDir holds the shared named templates of a pack.
const partialsDir = "partials"

// layerRef is a layer with the pack whose files it reads.
type layerRef struct {
	layer pack.Layer
	pack  *pack.Pack
}

// Render builds the plan of a validated project from the catalog's packs.
func Render(p answers.Project, cat *pack.Catalog) (*Plan, error) {
	ctx, err := NewContext(p, cat)
	if err != nil {
		return nil, err
	}
	return RenderContext(ctx, p, cat)
}

// RenderContext builds the plan from an already built context.
func RenderContext(ctx Context, p answers.Project, cat *pack.Catalog) (*Plan, error) {
	r := &renderer{ctx: ctx, cat: cat, files: map[string]File{}}
	if err := r.parsePartials(); err != nil {
		return nil, err
	}

	var layers []layerRef
	for _, l := range p.Frontend.Value.Layers {
		layers = append(layers, layerRef{l, p.Frontend.Pack})
	}
	if p.Backend != nil {
		for _, l := range p.Backend.Value.Layers {
			layers = append(layers, layerRef{l, p.Backend.Pack})
		}
	}
	for _, pk := range cat.Packs {
		for _, l := range pk.Manifest.Layers {
			layers = append(layers, layerRef{l, pk})
		}
	}
	for _, ref := range layers {
		if ref.layer.From == pack.FromBuiltin && len(cat.Packs) > 0 {
			ref.pack = cat.Packs[0]
		}
		if err := r.renderLayer(ref); err != nil {
			return nil, err
		}
	}

	plan := &Plan{}
	for _, f := range r.files {
		plan.Files = append(plan.Files, f)
	}
	plan.sortFiles()

	steps, err := r.steps(p)
	if err != nil {
		return nil, err
	}
	plan.Steps = steps
	for _, pk := range cat.Packs {
		if pk.Manifest.Message == "" {
			continue
		}
		msg, err := renderString(pk.Origin+" message", pk.Manifest.Message, ctx)
		if err != nil {
			return nil, err
		}
		if msg = strings.TrimSpace(msg); msg != "" {
			plan.Messages = append(plan.Messages, msg)
		}
	}
	return plan, nil
}

type renderer struct {
	ctx      Context
	cat      *pack.Catalog
	partials *template.Template
	files    map[string]File
}

func (r *renderer) newTemplate() *template.Template {
	return template.New("").Option("missingkey=error").Funcs(funcMap(r.cat.Versions))
}

// parsePartials parses every partial of every pack into one set; a later pack's define
// replaces an earlier one of the same name.
func (r *renderer) parsePartials() error {
	r.partials = r.newTemplate()
	for _, pk := range r.cat.Packs {
		err := fs.WalkDir(pk.FS, partialsDir, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(name, templateSuffix) {
				return err
			}
			text, err := fs.ReadFile(pk.FS, name)
			if err != nil {
				return &pack.Error{Origin: pk.Origin, File: name, Err: err}
			}
			left, right := delimitersFor(pk, name)
			if _, err := r.partials.New(name).Delims(left, right).Parse(string(text)); err != nil {
				return templateError(pk, name, err)
			}
			return nil
		})
		if err != nil && !isNotExist(err) {
			return err
		}
	}
	return nil
}

func (r *renderer) renderLayer(ref layerRef) error {
	holds, err := condition(ref.layer.When, r.ctx)
	if err != nil {
		return &pack.Error{Origin: ref.pack.Origin, File: pack.ManifestFile,
			Err: fmt.Errorf("layer %s: when: %w", ref.layer.Source, err)}
	}
	if !holds {
		return nil
	}
	src := path.Clean(ref.layer.Source)
	return fs.WalkDir(ref.pack.FS, src, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return &pack.Error{Origin: ref.pack.Origin, File: name, Err: err}
		}
		if d.IsDir() {
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(name, src), "/")
		dest := path.Join(ref.layer.Destination, rel)
		return r.renderFile(ref.pack, name, dest)
	})
}

func (r *renderer) renderFile(pk *pack.Pack, name, dest string) error {
	data, err := fs.ReadFile(pk.FS, name)
	if err != nil {
		return &pack.Error{Origin: pk.Origin, File: name, Err: err}
	}
	if strings.HasSuffix(dest, templateSuffix) {
		dest = strings.TrimSuffix(dest, templateSuffix)
		if data, err = r.execute(pk, name, data); err != nil {
			return err
		}
		if len(bytes.TrimSpace(data)) == 0 {
			// An empty render means the file does not apply to these answers; it also
			// removes a file an earlier layer wrote at the same path.
			delete(r.files, dest)
			return nil
		}
	}
	if !fs.ValidPath(dest) || dest == "." {
		return &pack.Error{Origin: pk.Origin, File: name,
			Err: fmt.Errorf("destination %q is outside the project folder", dest)}
	}
	if data, err = postProcess(dest, data); err != nil {
		return &pack.Error{Origin: pk.Origin, File: name, Err: err}
	}
	mode := fs.FileMode(0o644)
	if path.Base(dest) == ".env" {
		mode = 0o600 // it holds secrets such as the core's API key
	}
	r.files[dest] = File{Path: dest, Data: data, Mode: mode, Source: pk.Origin + ":" + name}
	return nil
}

func (r *renderer) execute(pk *pack.Pack, name string, text []byte) ([]byte, error) {
	set, err := r.partials.Clone()
	if err != nil {
		return nil, err
	}
	left, right := delimitersFor(pk, name)
	t, err := set.New(name).Delims(left, right).Parse(string(text))
	if err != nil {
		return nil, templateError(pk, name, err)
	}
	var out bytes.Buffer
	if err := t.Execute(&out, r.ctx); err != nil {
		return nil, templateError(pk, name, err)
	}
	return out.Bytes(), nil
}

// postProcess formats Go files with go/format and checks that JSON files parse, so a
// template bug fails generation instead of producing a broken project.
func postProcess(dest string, data []byte) ([]byte, error) {
	switch path.Ext(dest) {
	case ".go":
		formatted, err := format.Source(data)
		if err != nil {
			return nil, fmt.Errorf("rendered Go does not parse: %w", err)
		}
		return formatted, nil
	case ".json":
		if !json.Valid(data) {
			return nil, fmt.Errorf("rendered JSON in %s does not parse", dest)
		}
	}
	return data, nil
}

func (r *renderer) steps(p answers.Project) ([]Step, error) {
	type ref struct {
		step pack.Step
		pack *pack.Pack
	}
	var refs []ref
	for _, s := range p.Frontend.Value.Install {
		refs = append(refs, ref{s, p.Frontend.Pack})
	}
	if p.Backend != nil {
		for _, s := range p.Backend.Value.Install {
			refs = append(refs, ref{s, p.Backend.Pack})
		}
	}
	for _, pk := range r.cat.Packs {
		for _, s := range pk.Manifest.Install {
			refs = append(refs, ref{s, pk})
		}
	}

	var steps []Step
	for _, sr := range refs {
		holds, err := condition(sr.step.When, r.ctx)
		if err != nil {
			return nil, &pack.Error{Origin: sr.pack.Origin, File: pack.ManifestFile,
				Err: fmt.Errorf("install step %s: when: %w", sr.step.Name, err)}
		}
		if !holds {
			continue
		}
		step := Step{Name: sr.step.Name, Dir: path.Clean(sr.step.Dir),
			Origin: sr.pack.Origin, Builtin: sr.pack.Builtin}
		for _, argv := range sr.step.Commands {
			var rendered []string
			for _, arg := range argv {
				s, err := renderString(sr.pack.Origin+" install "+sr.step.Name, arg, r.ctx)
				if err != nil {
					return nil, err
				}
				rendered = append(rendered, s)
			}
			step.Commands = append(step.Commands, rendered)
		}
		steps = append(steps, step)
	}
	return steps, nil
}

// renderString renders a short template from a manifest field.
func renderString(name, text string, ctx Context) (string, error) {
	if !strings.Contains(text, "{{") {
		return text, nil
	}
	t, err := template.New(name).Option("missingkey=error").Funcs(funcMap(ctx.Versions)).Parse(text)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	var out strings.Builder
	if err := t.Execute(&out, ctx); err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return out.String(), nil
}

// condition evaluates a manifest `when` expression such as `eq .Frontend.Kind "spa"`.
func condition(expr string, ctx Context) (bool, error) {
	if strings.TrimSpace(expr) == "" {
		return true, nil
	}
	out, err := renderString("when", "{{ if "+expr+" }}true{{ end }}", ctx)
	return out == "true", err
}

// Condition evaluates a manifest `when` expression against a context; pack validation and
// the prompts use it.
func Condition(expr string, ctx Context) (bool, error) { return condition(expr, ctx) }

func delimitersFor(pk *pack.Pack, name string) (left, right string) {
	for _, d := range pk.Manifest.Delimiters {
		if pack.MatchGlob(d.Glob, name) {
			return d.Left, d.Right
		}
	}
	return "{{", "}}"
}

var templateLine = regexp.MustCompile(`^template: [^:]*:(\d+)`)

// templateError locates a text/template error, whose message starts with
// "template: NAME:LINE".
func templateError(pk *pack.Pack, name string, err error) error {
	line := 0
	if m := templateLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
	}
	return &pack.Error{Origin: pk.Origin, File: name, Line: line, Err: err}
}

func isNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
