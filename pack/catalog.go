package pack

import (
	"slices"
	"strings"
)

// Catalog merges packs in order. A choice from a later pack with the id of an earlier one
// replaces it in place, so a pack can redefine a built-in stack.
type Catalog struct {
	Packs     []*Pack
	Frontends []Owned[Frontend]
	Backends  []Owned[Backend]
	Recipes   []Owned[Recipe]
	Versions  map[string]string
}

// Owned pairs a choice with the pack that defines it, whose files its layers read.
type Owned[T any] struct {
	Value T
	Pack  *Pack
}

// NewCatalog merges packs; the built-in pack comes first.
func NewCatalog(packs ...*Pack) *Catalog {
	c := &Catalog{Packs: packs, Versions: map[string]string{}}
	for _, p := range packs {
		for _, f := range p.Manifest.Frontends {
			c.Frontends = upsert(c.Frontends, Owned[Frontend]{f, p}, f.ID, frontendID)
		}
		for _, b := range p.Manifest.Backends {
			c.Backends = upsert(c.Backends, Owned[Backend]{b, p}, b.ID, backendID)
		}
		for _, r := range p.Manifest.Recipes {
			c.Recipes = upsert(c.Recipes, Owned[Recipe]{r, p}, r.ID, recipeID)
		}
		for k, v := range p.Versions {
			c.Versions[k] = v
		}
	}
	return c
}

func frontendID(o Owned[Frontend]) string { return o.Value.ID }
func backendID(o Owned[Backend]) string   { return o.Value.ID }
func recipeID(o Owned[Recipe]) string     { return o.Value.ID }

func upsert[T any](list []T, item T, id string, idOf func(T) string) []T {
	for i := range list {
		if idOf(list[i]) == id {
			list[i] = item
			return list
		}
	}
	return append(list, item)
}

// Frontend finds a frontend by id or alias, ignoring case.
func (c *Catalog) Frontend(name string) (Owned[Frontend], bool) {
	return find(c.Frontends, name, func(o Owned[Frontend]) Choice { return o.Value.Choice })
}

// Backend finds a backend by id or alias, ignoring case.
func (c *Catalog) Backend(name string) (Owned[Backend], bool) {
	return find(c.Backends, name, func(o Owned[Backend]) Choice { return o.Value.Choice })
}

// Recipe finds a recipe by id or alias, ignoring case.
func (c *Catalog) Recipe(name string) (Owned[Recipe], bool) {
	return find(c.Recipes, name, func(o Owned[Recipe]) Choice { return o.Value.Choice })
}

func find[T any](list []T, name string, choiceOf func(T) Choice) (T, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, item := range list {
		if choiceOf(item).ID == name {
			return item, true
		}
	}
	for _, item := range list {
		if slices.Contains(choiceOf(item).Aliases, name) {
			return item, true
		}
	}
	var zero T
	return zero, false
}

// FrontendIDs, BackendIDs and RecipeIDs list the valid values of the matching flags.
func (c *Catalog) FrontendIDs() []string {
	return ids(c.Frontends, func(o Owned[Frontend]) string { return o.Value.ID })
}

// BackendIDs lists the valid values of --backend.
func (c *Catalog) BackendIDs() []string {
	return ids(c.Backends, func(o Owned[Backend]) string { return o.Value.ID })
}

// RecipeIDs lists the valid values of --recipe.
func (c *Catalog) RecipeIDs() []string {
	return ids(c.Recipes, func(o Owned[Recipe]) string { return o.Value.ID })
}

// FrontendNames lists ids and aliases, for completion and suggestions.
func (c *Catalog) FrontendNames() []string {
	return names(c.Frontends, func(o Owned[Frontend]) Choice { return o.Value.Choice })
}

// BackendNames lists ids and aliases, for completion and suggestions.
func (c *Catalog) BackendNames() []string {
	return names(c.Backends, func(o Owned[Backend]) Choice { return o.Value.Choice })
}

func ids[T any](list []T, idOf func(T) string) []string {
	out := make([]string, len(list))
	for i, item := range list {
		out[i] = idOf(item)
	}
	return out
}

func names[T any](list []T, choiceOf func(T) Choice) []string {
	var out []string
	for _, item := range list {
		ch := choiceOf(item)
		out = append(out, ch.ID)
		out = append(out, ch.Aliases...)
	}
	return out
}

// UnsupportedReason returns the reason a frontend or backend cannot offer feature, or "".
func UnsupportedReason(list []Unsupported, feature string) string {
	for _, u := range list {
		if u.Feature == feature {
			return u.Reason
		}
	}
	return ""
}
