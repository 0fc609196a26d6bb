package cmd

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"create-supertokens-app/answers"
	"create-supertokens-app/generator"
	"create-supertokens-app/pack"
	"create-supertokens-app/templates"
)

func newPackCommand(s Streams) *cobra.Command {
	c := &cobra.Command{
		Use:   "pack",
		Short: "Create and check custom template packs",
	}
	c.AddCommand(&cobra.Command{
		Use:   "init DIR",
		Short: "Write an example pack that adds a backend named example",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runPackInit(args[0], s)
		},
	}, &cobra.Command{
		Use:   "validate SOURCE",
		Short: "Check a pack: manifest fields, template syntax, and that every choice renders",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			return runPackValidate(c.Context(), args[0], s)
		},
	})
	return c
}

func runPackInit(dir string, s Streams) error {
	existing, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("failed to read %s: %w", dir, err)
	}
	if len(existing) > 0 {
		return &answers.UsageError{Flag: "dir", Value: dir,
			Reason: "the folder is not empty; pack init writes only into a new or empty folder"}
	}
	plan := &generator.Plan{}
	err = fs.WalkDir(templates.PackInit(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templates.PackInit(), name)
		plan.Files = append(plan.Files, generator.File{Path: name, Data: data, Mode: 0o644})
		return err
	})
	if err != nil {
		return err
	}
	if err := generator.Write(context.Background(), plan, dir, false); err != nil {
		return err
	}
	fmt.Fprintln(s.Out, dir)
	fmt.Fprintf(s.Err, "Wrote an example pack to %s. Check it with:\n  %s pack validate %s\n",
		dir, programName, dir)
	return nil
}

// runPackValidate reports every problem of a pack, each with its file and, where known,
// line, and fails with exit status 2 when there is any.
func runPackValidate(ctx context.Context, source string, s Streams) error {
	p, err := pack.Open(ctx, source, pack.OpenOptions{CacheDir: cacheDir(s), Env: s.Env})
	if err != nil {
		return err
	}
	var problems []error
	if err := pack.CheckToolVersion(p, Version); err != nil {
		problems = append(problems, err)
	}
	problems = append(problems, pack.Check(p)...)
	cat := pack.NewCatalog(append(builtinCatalog().Packs, p)...)
	problems = append(problems, generator.CheckTemplates(cat, p)...)
	if len(problems) == 0 {
		problems = append(problems, generator.CheckChoices(cat, p)...)
	}
	if len(problems) > 0 {
		for _, e := range problems {
			fmt.Fprintln(s.Err, "problem: "+e.Error())
		}
		return &pack.Error{Origin: source, File: ".",
			Err: fmt.Errorf("%d problem(s) found, listed above", len(problems))}
	}
	fmt.Fprintf(s.Out, "pack %s %s is valid: %s\n", p.Manifest.Name, p.Manifest.Version,
		describeAdditions(p))
	return nil
}

func describeAdditions(p *pack.Pack) string {
	m := p.Manifest
	var parts []string
	add := func(kind string, ids []string) {
		if len(ids) > 0 {
			parts = append(parts, kind+" "+strings.Join(ids, ", "))
		}
	}
	add("frontends", choiceIDs(m.Frontends, func(f pack.Frontend) string { return f.ID }))
	add("backends", choiceIDs(m.Backends, func(b pack.Backend) string { return b.ID }))
	add("recipes", choiceIDs(m.Recipes, func(r pack.Recipe) string { return r.ID }))
	add("questions", choiceIDs(m.Questions, func(q pack.Question) string { return q.Key }))
	if len(m.Layers) > 0 {
		parts = append(parts, fmt.Sprintf("%d file layer(s)", len(m.Layers)))
	}

	if len(parts) == 0 {
		return "adds nothing"
	}
	return "adds " + strings.Join(parts, "; ")
}

func choiceIDs[T any](list []T, id func(T) string) []string {
	ids := make([]string, len(list))
	for i, item := range list {
		ids[i] = id(item)
	}
	return ids
}
