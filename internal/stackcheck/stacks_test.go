package main

import (
	"slices"
	"strings"
	"testing"

	"create-supertokens-app/templates"
)

func testListing() Listing {
	return Listing{
		Frontends: []Choice{
			{ID: "react", Kind: KindSPA},
			{ID: "vue", Kind: KindSPA},
			{ID: "next", Kind: KindFullstack},
			{ID: "none", Kind: KindNone},
		},
		Backends: []Choice{
			{ID: "express", Language: "node"},
			{ID: "flask", Language: "python"},
			{ID: "go-http", Language: "go"},
		},
	}
}

func stackNames(stacks []Stack) []string {
	names := make([]string, len(stacks))
	for i, s := range stacks {
		names[i] = s.Name
	}
	return names
}

func TestAllStacksCoversEveryChoiceOnce(t *testing.T) {
	got := stackNames(AllStacks(testListing()))
	want := []string{"react+express", "vue+express", "next", "react+flask", "react+go-http",
		"none+express"}
	if !slices.Equal(got, want) {
		t.Errorf("AllStacks = %v, want %v", got, want)
	}
}

func TestAllStacksWithoutDefaultPartners(t *testing.T) {
	l := Listing{
		Frontends: []Choice{{ID: "next", Kind: KindFullstack}, {ID: "vue", Kind: KindSPA}},
		Backends:  []Choice{{ID: "koa"}, {ID: "flask"}},
	}
	got := stackNames(AllStacks(l))
	want := []string{"next", "vue+koa", "vue+flask"}
	if !slices.Equal(got, want) {
		t.Errorf("AllStacks = %v, want %v", got, want)
	}
}

func TestStackKinds(t *testing.T) {
	stacks := AllStacks(testListing())
	byName := map[string]Stack{}
	for _, s := range stacks {
		byName[s.Name] = s
	}
	next := byName["next"]
	if !next.Fullstack() || next.HasSplitBackend() || !next.HasFrontend() {
		t.Errorf("next: %+v, want fullstack with a frontend and no split backend", next)
	}
	none := byName["none+express"]
	if none.HasFrontend() || !none.HasSplitBackend() {
		t.Errorf("none+express: %+v, want no frontend and a split backend", none)
	}
	if got := byName["react+go-http"].Slug(); got != "react-go-http" {
		t.Errorf("slug of react+go-http = %q", got)
	}
}

func TestSelectStacksOnly(t *testing.T) {
	cases := []struct {
		only []string
		want []string
	}{
		{[]string{"react+flask"}, []string{"react+flask"}},
		{[]string{"vue+flask"}, []string{"vue+flask"}},
		{[]string{"flask", "next"}, []string{"react+flask", "next"}},
		{[]string{"express"}, []string{"react+express", "vue+express", "none+express"}},
		{[]string{"react+flask", "flask"}, []string{"react+flask"}},
		{[]string{"next+flask"}, []string{"next"}},
	}
	for _, c := range cases {
		stacks, err := SelectStacks(testListing(), false, c.only)
		if err != nil {
			t.Errorf("SelectStacks(%v): %v", c.only, err)
			continue
		}
		if got := stackNames(stacks); !slices.Equal(got, c.want) {
			t.Errorf("SelectStacks(%v) = %v, want %v", c.only, got, c.want)
		}
	}
}

func TestSelectStacksRejectsUnknown(t *testing.T) {
	for _, only := range [][]string{{"svelte"}, {"react+rails"}, {"angular+express"}} {
		if _, err := SelectStacks(testListing(), false, only); err == nil {
			t.Errorf("SelectStacks(%v) succeeded, want an error", only)
		}
	}
	_, err := SelectStacks(testListing(), false, []string{"svelte"})
	if err == nil || !strings.Contains(err.Error(), "react+flask") {
		t.Errorf("error for an unknown name does not list the stacks: %v", err)
	}
	if _, err := SelectStacks(testListing(), true, []string{"flask"}); err == nil {
		t.Error("--smoke with --only succeeded, want an error")
	}
}

func TestSelectStacksAll(t *testing.T) {
	stacks, err := SelectStacks(testListing(), false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(stacks) != 6 {
		t.Errorf("got %d stacks, want all 6", len(stacks))
	}
}

// builtinListing builds the Listing from the embedded pack, as `list --json` would.
func builtinListing(t *testing.T) Listing {
	t.Helper()
	cat, err := templates.BuiltinCatalog()
	if err != nil {
		t.Fatal(err)
	}
	var l Listing
	for _, f := range cat.Frontends {
		l.Frontends = append(l.Frontends, Choice{ID: f.Value.ID, Kind: f.Value.Kind})
	}
	for _, b := range cat.Backends {
		l.Backends = append(l.Backends, Choice{ID: b.Value.ID, Language: b.Value.Language})
	}
	return l
}

func TestSmokeStacksExistInBuiltinPack(t *testing.T) {
	stacks, err := SelectStacks(builtinListing(t), true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := stackNames(stacks); !slices.Equal(got, SmokeStacks) {
		t.Errorf("smoke stacks = %v, want %v", got, SmokeStacks)
	}
	fullstack := slices.ContainsFunc(stacks, Stack.Fullstack)
	if !fullstack {
		t.Error("the smoke slice has no fullstack framework")
	}
}

func TestAllStacksCoverBuiltinPack(t *testing.T) {
	l := builtinListing(t)
	stacks := AllStacks(l)
	for _, f := range l.Frontends {
		if !slices.ContainsFunc(stacks, func(s Stack) bool { return s.Frontend == f.ID }) {
			t.Errorf("no stack uses frontend %s", f.ID)
		}
	}
	for _, b := range l.Backends {
		if !slices.ContainsFunc(stacks, func(s Stack) bool { return s.Backend == b.ID }) {
			t.Errorf("no stack uses backend %s", b.ID)
		}
	}
}
