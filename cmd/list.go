package cmd

import (
	"context"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"create-supertokens-app/auth"
	"create-supertokens-app/pack"
)

type listOptions struct {
	JSON  bool
	Packs []string
}

type listedChoice struct {
	ID          string            `json:"id"`
	Name        string            `json:"name"`
	Description string            `json:"description"`
	Aliases     []string          `json:"aliases"`
	Kind        string            `json:"kind,omitempty"`
	Language    string            `json:"language,omitempty"`
	Pack        string            `json:"pack"`
	Unsupported map[string]string `json:"unsupported"`
}

type listing struct {
	Frontends     []listedChoice `json:"frontends"`
	Backends      []listedChoice `json:"backends"`
	Recipes       []listedChoice `json:"recipes"`
	FirstFactors  []string       `json:"firstFactors"`
	SecondFactors []string       `json:"secondFactors"`
	Providers     []string       `json:"providers"`
}

func newListCommand(s Streams) *cobra.Command {
	opts := &listOptions{}
	c := &cobra.Command{
		Use:   "list",
		Short: "List frontends, backends, recipes and which combinations are supported",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return runList(c.Context(), opts, s)
		},
	}
	c.Flags().BoolVar(&opts.JSON, "json", false, "print the list as JSON")
	c.Flags().StringArrayVar(&opts.Packs, "pack", nil, "include a template pack (repeatable)")
	return c
}

func runList(ctx context.Context, opts *listOptions, s Streams) error {
	cat, err := loadCatalog(ctx, opts.Packs, s)
	if err != nil {
		return err
	}
	l := newListing(cat)
	if opts.JSON {
		return writeJSON(s.Out, l)
	}
	w := tabwriter.NewWriter(s.Out, 0, 4, 2, ' ', 0)
	section := func(title string, choices []listedChoice) {
		fmt.Fprintf(w, "%s\n", title)
		for _, c := range choices {
			detail := c.Kind + c.Language
			note := aliasText(c)
			if c.Pack != builtinOrigin {
				note = strings.TrimSpace("from pack " + c.Pack + "  " + note)
			}
			fmt.Fprintf(w, "  %s\t%s\t%s\t%s\n", c.ID, detail, c.Description, note)
		}
		fmt.Fprintln(w)
	}
	section("Frontends (--frontend)", l.Frontends)
	section("Backends (--backend)", l.Backends)
	section("Recipes (--recipe)", l.Recipes)
	fmt.Fprintf(w, "First factors (--firstfactors)\n  %s\n\n", strings.Join(l.FirstFactors, ", "))
	fmt.Fprintf(w, "Second factors (--secondfactors)\n  %s\n\n", strings.Join(l.SecondFactors, ", "))
	fmt.Fprintf(w, "Providers (--providers)\n  %s\n\n", strings.Join(l.Providers, ", "))

	fmt.Fprintln(w, "Support matrix (yes: supported; list --json gives the reason for each no)")
	fmt.Fprintf(w, "  \t%s\n", strings.Join(auth.AllFeatures, "\t"))
	for _, group := range [][]listedChoice{l.Frontends, l.Backends} {
		for _, c := range group {
			cells := make([]string, len(auth.AllFeatures))
			for i, f := range auth.AllFeatures {
				cells[i] = "yes"
				if _, missing := c.Unsupported[f]; missing {
					cells[i] = "no"
				}
			}
			fmt.Fprintf(w, "  %s\t%s\n", c.ID, strings.Join(cells, "\t"))
		}
	}
	return w.Flush()
}

func aliasText(c listedChoice) string {
	if len(c.Aliases) == 0 {
		return ""
	}
	return "aliases: " + strings.Join(c.Aliases, ", ")
}

func newListing(cat *pack.Catalog) listing {
	l := listing{
		FirstFactors:  auth.FirstFactors,
		SecondFactors: auth.SecondFactors,
		Providers:     auth.ProviderIDs(),
	}
	for _, f := range cat.Frontends {
		l.Frontends = append(l.Frontends, listed(f.Value.Choice, f.Pack, f.Value.Unsupported,
			f.Value.Kind, ""))
	}
	for _, b := range cat.Backends {
		l.Backends = append(l.Backends, listed(b.Value.Choice, b.Pack, b.Value.Unsupported,
			"", b.Value.Language))
	}
	for _, r := range cat.Recipes {
		l.Recipes = append(l.Recipes, listed(r.Value.Choice, r.Pack, nil, "", ""))
	}
	return l
}

func listed(c pack.Choice, p *pack.Pack, unsupported []pack.Unsupported, kind,
	language string) listedChoice {
	lc := listedChoice{ID: c.ID, Name: c.Name, Description: c.Description,
		Aliases: nonNil(c.Aliases), Kind: kind, Language: language, Pack: p.Origin,
		Unsupported: map[string]string{}}
	for _, u := range unsupported {
		lc.Unsupported[u.Feature] = u.Reason
	}
	return lc
}
