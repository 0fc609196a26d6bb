package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"create-supertokens-app/answers"
	"create-supertokens-app/generator"
	"create-supertokens-app/poststep"
	"create-supertokens-app/ui"
)

// result is the --json document.
type result struct {
	Project  string            `json:"project"`
	DryRun   bool              `json:"dryRun"`
	Answers  jsonAnswers       `json:"answers"`
	Files    []string          `json:"files"`
	Steps    []poststep.Result `json:"postSteps"`
	Next     []string          `json:"next"`
	Command  string            `json:"command"`
	Warnings []string          `json:"warnings"`
}

type jsonAnswers struct {
	AppName       string   `json:"appname"`
	Frontend      string   `json:"frontend"`
	Backend       string   `json:"backend,omitempty"`
	Recipe        string   `json:"recipe"`
	FirstFactors  []string `json:"firstFactors"`
	SecondFactors []string `json:"secondFactors"`
	Providers     []string `json:"providers"`
	Manager       string   `json:"manager"`
	Core          string   `json:"core"`
	ConnectionURI string   `json:"connectionURI"`
}

func newResult(p answers.Project, plan *generator.Plan, target, command string) result {
	providers := []string{}
	for _, pr := range p.Auth.Providers {
		providers = append(providers, pr.ID)
	}
	return result{
		Project: target,
		Answers: jsonAnswers{
			AppName:       p.Answers.AppName,
			Frontend:      p.Answers.Frontend,
			Backend:       p.Answers.Backend,
			Recipe:        p.Auth.Recipe,
			FirstFactors:  nonNil(p.Auth.FirstFactors),
			SecondFactors: nonNil(p.Auth.SecondFactors),
			Providers:     providers,
			Manager:       p.Answers.Manager,
			Core:          p.CoreKind,
			ConnectionURI: p.CoreURI,
		},
		Files:    plan.Paths(),
		Steps:    []poststep.Result{},
		Command:  command,
		Warnings: []string{},
	}
}

func printJSON(w io.Writer, p answers.Project, plan *generator.Plan, target string,
	results []poststep.Result, sum ui.Summary, command string) error {
	r := newResult(p, plan, target, command)
	if results != nil {
		r.Steps = results
	}
	r.Next = sum.Next
	r.Warnings = append(r.Warnings, sum.Warnings...)
	return writeJSON(w, r)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func printDryRun(s Streams, opts *Options, p answers.Project, plan *generator.Plan,
	target, command string) error {
	if opts.JSON {
		r := newResult(p, plan, target, command)
		r.DryRun = true
		r.Next = []string{}
		return writeJSON(s.Out, r)
	}
	fmt.Fprintf(s.Out, "%s/\n", target)
	for _, line := range tree(plan.Paths()) {
		fmt.Fprintln(s.Out, line)
	}
	fmt.Fprintf(s.Err, "\nDry run: nothing was written. %d files would be created.\n",
		len(plan.Files))
	fmt.Fprintf(s.Err, "The same project without prompts:\n  %s\n", command)
	return nil
}

// tree renders sorted slash-separated paths as an indented tree.
func tree(paths []string) []string {
	sort.Strings(paths)
	var lines []string
	seen := map[string]bool{}
	for _, p := range paths {
		parts := strings.Split(p, "/")
		for i := range parts {
			key := strings.Join(parts[:i+1], "/")
			if seen[key] {
				continue
			}
			seen[key] = true
			name := parts[i]
			if i < len(parts)-1 {
				name += "/"
			}
			lines = append(lines, strings.Repeat("  ", i+1)+name)
		}
	}
	return lines
}

func nonNil(values []string) []string {
	if values == nil {
		return []string{}
	}
	return values
}
