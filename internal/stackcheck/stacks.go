package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"sort"
	"strings"
)

// Frontend kinds, as `create-supertokens-app list --json` reports them.
const (
	KindSPA       = "spa"
	KindFullstack = "fullstack"
	KindNone      = "none"
)

// The partners that stacks are paired with: every SPA frontend is checked with
// DefaultBackend and every backend with DefaultFrontend.
const (
	DefaultBackend  = "express"
	DefaultFrontend = "react"
)

// SmokeStacks is the representative slice that CI runs: a Node, a Python and a Go backend,
// a second Python framework behind a non-React SPA, and one fullstack framework.
var SmokeStacks = []string{
	"react+express",
	"react+flask",
	"react+go-http",
	"vue+fastapi",
	"next-app-directory",
}

// Choice is a frontend or backend from the CLI's list.
type Choice struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Language string `json:"language"`
}

// Listing contains the choices of `create-supertokens-app list --json`.
type Listing struct {
	Frontends []Choice `json:"frontends"`
	Backends  []Choice `json:"backends"`
}

// Stack is one project to generate and check: a frontend with a backend, a fullstack
// framework on its own, or a backend without a frontend.
type Stack struct {
	// Name is "frontend+backend", or the framework id for a fullstack framework.
	Name     string
	Frontend string
	// Backend is empty for fullstack frameworks.
	Backend string
	// Kind is the frontend kind: KindSPA, KindFullstack or KindNone.
	Kind string
}

// Fullstack reports whether the website and the API run in one framework.
func (s Stack) Fullstack() bool { return s.Kind == KindFullstack }

// HasFrontend reports whether the project has a website to build.
func (s Stack) HasFrontend() bool { return s.Kind != KindNone }

// HasSplitBackend reports whether the project has a backend/ folder.
func (s Stack) HasSplitBackend() bool { return s.Backend != "" }

// Slug is the stack name as a folder and npm package name.
func (s Stack) Slug() string { return strings.ReplaceAll(s.Name, "+", "-") }

// LoadListing runs `<binary> list --json` and decodes its frontends and backends.
func LoadListing(ctx context.Context, binary string) (Listing, error) {
	cmd := exec.CommandContext(ctx, binary, "list", "--json")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return Listing{}, fmt.Errorf("%s list --json failed: %w: %s", binary, err,
			strings.TrimSpace(stderr.String()))
	}
	var l Listing
	if err := json.Unmarshal(stdout.Bytes(), &l); err != nil {
		return Listing{}, fmt.Errorf("invalid JSON from %s list --json: %w", binary, err)
	}
	if len(l.Frontends) == 0 || len(l.Backends) == 0 {
		return Listing{}, fmt.Errorf("%s list --json lists no frontends or no backends", binary)
	}
	return l, nil
}

func (l Listing) frontend(id string) (Choice, bool) {
	i := slices.IndexFunc(l.Frontends, func(c Choice) bool { return c.ID == id })
	if i < 0 {
		return Choice{}, false
	}
	return l.Frontends[i], true
}

func (l Listing) hasBackend(id string) bool {
	return slices.ContainsFunc(l.Backends, func(c Choice) bool { return c.ID == id })
}

// pairPartner returns preferred if choices contain it, else the first choice of kind
// (any kind when kind is empty).
func pairPartner(choices []Choice, preferred, kind string) string {
	first := ""
	for _, c := range choices {
		if kind != "" && c.Kind != kind {
			continue
		}
		if c.ID == preferred {
			return c.ID
		}
		if first == "" {
			first = c.ID
		}
	}
	return first
}

// NewStack builds the stack of a frontend and a backend id. A fullstack frontend ignores
// the backend.
func (l Listing) NewStack(frontend, backend string) (Stack, error) {
	f, ok := l.frontend(frontend)
	if !ok {
		return Stack{}, fmt.Errorf("unknown frontend %q", frontend)
	}
	if f.Kind == KindFullstack {
		return Stack{Name: f.ID, Frontend: f.ID, Kind: f.Kind}, nil
	}
	if !l.hasBackend(backend) {
		return Stack{}, fmt.Errorf("unknown backend %q", backend)
	}
	return Stack{Name: f.ID + "+" + backend, Frontend: f.ID, Backend: backend, Kind: f.Kind},
		nil
}

// AllStacks returns every frontend (SPAs with DefaultBackend), every backend (with
// DefaultFrontend) and one backend without a frontend, each stack once, in list order.
func AllStacks(l Listing) []Stack {
	backend := pairPartner(l.Backends, DefaultBackend, "")
	frontend := pairPartner(l.Frontends, DefaultFrontend, KindSPA)
	var stacks []Stack
	seen := map[string]bool{}
	add := func(f, b string) {
		s, err := l.NewStack(f, b)
		if err != nil || seen[s.Name] {
			return
		}
		seen[s.Name] = true
		stacks = append(stacks, s)
	}
	for _, f := range l.Frontends {
		if f.Kind != KindNone {
			add(f.ID, backend)
		}
	}
	for _, b := range l.Backends {
		add(frontend, b.ID)
	}
	for _, f := range l.Frontends {
		if f.Kind == KindNone {
			add(f.ID, backend)
			break
		}
	}
	return stacks
}

// SelectStacks returns the stacks to run: all of them, the smoke slice, or those that
// --only names. An --only name is a stack name, any "frontend+backend" pair, or one
// frontend or backend id, which selects every stack of AllStacks that uses it.
func SelectStacks(l Listing, smoke bool, only []string) ([]Stack, error) {
	all := AllStacks(l)
	if smoke && len(only) > 0 {
		return nil, fmt.Errorf("--smoke and --only cannot be combined; pass one of them")
	}
	byName := map[string]Stack{}
	for _, s := range all {
		byName[s.Name] = s
	}
	if smoke {
		var stacks []Stack
		for _, name := range SmokeStacks {
			f, b, _ := strings.Cut(name, "+")
			s, err := l.NewStack(f, b)
			if err != nil {
				return nil, fmt.Errorf("invalid smoke stack %s: %w", name, err)
			}
			stacks = append(stacks, s)
		}
		return stacks, nil
	}
	if len(only) == 0 {
		return all, nil
	}
	var stacks []Stack
	seen := map[string]bool{}
	add := func(s Stack) {
		if !seen[s.Name] {
			seen[s.Name] = true
			stacks = append(stacks, s)
		}
	}
	for _, name := range only {
		matched, err := matchStacks(l, all, byName, name)
		if err != nil {
			return nil, err
		}
		for _, s := range matched {
			add(s)
		}
	}
	return stacks, nil
}

func matchStacks(l Listing, all []Stack, byName map[string]Stack, name string) ([]Stack,
	error) {
	if s, ok := byName[name]; ok {
		return []Stack{s}, nil
	}
	if f, b, ok := strings.Cut(name, "+"); ok {
		s, err := l.NewStack(f, b)
		if err != nil {
			return nil, fmt.Errorf("invalid stack %q: %w", name, err)
		}
		return []Stack{s}, nil
	}
	var matched []Stack
	for _, s := range all {
		if s.Frontend == name || s.Backend == name {
			matched = append(matched, s)
		}
	}
	if len(matched) == 0 {
		names := make([]string, 0, len(byName))
		for n := range byName {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, fmt.Errorf("unknown stack %q; use a frontend or backend id, a "+
			"frontend+backend pair, or one of: %s", name, strings.Join(names, ", "))
	}
	return matched, nil
}
