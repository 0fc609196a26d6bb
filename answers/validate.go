package answers

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"

	"create-supertokens-app/auth"
	"create-supertokens-app/pack"
)

// Project is a validated set of answers with every choice resolved against the catalog.
type Project struct {
	// Answers hold canonical ids (aliases replaced) and filled defaults.
	Answers  Answers
	Frontend pack.Owned[pack.Frontend]
	// Backend is nil for fullstack frontends, which serve the auth API themselves.
	Backend *pack.Owned[pack.Backend]
	Auth    auth.Model
	// CoreKind is demo, docker or url; CoreURI is the matching connection URI.
	CoreKind string
	CoreURI  string
	// DatabasePassword is the PostgreSQL password of a docker core.
	DatabasePassword string
}

// Fullstack reports whether the frontend serves the auth API itself.
func (p Project) Fullstack() bool { return p.Frontend.Value.Kind == pack.KindFullstack }

// Validate checks every answer against the catalog and resolves the auth model. It reports
// the first problem as a *UsageError naming the flag.
func Validate(a Answers, cat *pack.Catalog) (Project, error) {
	var p Project
	if reason := ValidateAppName(a.AppName); reason != "" {
		return p, &UsageError{Flag: "appname", Value: a.AppName, Reason: reason}
	}

	frontend, ok := cat.Frontend(a.Frontend)
	if !ok {
		return p, &UsageError{Flag: "frontend", Value: a.Frontend, Valid: cat.FrontendIDs()}
	}
	a.Frontend = frontend.Value.ID
	p.Frontend = frontend

	if err := resolveBackend(&a, &p, cat); err != nil {
		return p, err
	}
	if err := resolveAuth(&a, &p, cat); err != nil {
		return p, err
	}

	if a.Manager == "" {
		a.Manager = DefaultManager
	}
	if !slices.Contains(Managers, a.Manager) {
		return p, &UsageError{Flag: "manager", Value: a.Manager, Valid: Managers}
	}

	kind, uri, err := ParseCore(a.Core)
	if err != nil {
		return p, err
	}
	p.CoreKind, p.CoreURI = kind, uri
	if a.Core == "" {
		a.Core = DefaultCore
	}
	if kind == CoreDocker {
		// A self-hosted core gets its own secrets, written only into the git-ignored .env.
		if a.APIKey == "" {
			if a.APIKey, err = randomSecret(); err != nil {
				return p, err
			}
		}
		if p.DatabasePassword, err = randomSecret(); err != nil {
			return p, err
		}
	}
	if err := validateAPIKey(a.APIKey); err != nil {
		return p, err
	}

	p.Answers = a
	return p, nil
}

func resolveBackend(a *Answers, p *Project, cat *pack.Catalog) error {
	if p.Fullstack() {
		if a.Backend != "" {
			return fullstackBackendError(*a)
		}
		return nil
	}
	backend, ok := cat.Backend(a.Backend)
	if !ok {
		return &UsageError{Flag: "backend", Value: a.Backend, Valid: cat.BackendIDs()}
	}
	a.Backend = backend.Value.ID
	p.Backend = &backend
	return nil
}

func resolveAuth(a *Answers, p *Project, cat *pack.Catalog) error {
	req := auth.Request{
		FirstFactors:  a.FirstFactors,
		SecondFactors: a.SecondFactors,
		Providers:     a.Providers,
	}
	if a.Recipe != "" || !a.HasFactorFlags() {
		recipe, ok := cat.Recipe(a.Recipe)
		if !ok {
			return &UsageError{Flag: "recipe", Value: a.Recipe, Valid: cat.RecipeIDs()}
		}
		a.Recipe = recipe.Value.ID
		req.Recipe = recipe.Value.ID
		req.PresetFirst = recipe.Value.FirstFactors
		req.PresetSecond = recipe.Value.SecondFactors
		req.Multitenancy = recipe.Value.Multitenancy
	}
	for _, f := range a.FirstFactors {
		if !slices.Contains(auth.FirstFactors, f) {
			return &UsageError{Flag: "firstfactors", Value: f, Valid: auth.FirstFactors}
		}
	}
	for _, f := range a.SecondFactors {
		if !slices.Contains(auth.SecondFactors, f) {
			return &UsageError{Flag: "secondfactors", Value: f, Valid: auth.SecondFactors}
		}
	}
	for _, id := range a.Providers {
		if _, ok := auth.LookupProvider(id); !ok {
			return &UsageError{Flag: "providers", Value: id, Valid: auth.ProviderIDs()}
		}
	}

	model, err := auth.Resolve(req)
	if err != nil {
		flag := "providers"
		if len(a.Providers) == 0 {
			flag = "secondfactors"
		}
		return &UsageError{Flag: flag, Reason: err.Error()}
	}
	p.Auth = model
	if len(a.Providers) > 0 {
		a.Providers = nil
		for _, pr := range model.Providers {
			a.Providers = append(a.Providers, pr.ID)
		}
	}
	return checkSupport(*a, *p, cat)
}

// checkSupport rejects a model that uses a feature the chosen frontend or backend lacks,
// naming the choices that do support it.
func checkSupport(a Answers, p Project, cat *pack.Catalog) error {
	type stack struct {
		kind, id    string
		unsupported []pack.Unsupported
		others      []idUnsupported
	}
	stacks := []stack{{"frontend", p.Frontend.Value.ID, p.Frontend.Value.Unsupported,
		unsupportedByID(cat.Frontends, func(f pack.Frontend) (string, []pack.Unsupported) {
			return f.ID, f.Unsupported
		})}}
	if p.Backend != nil {
		stacks = append(stacks, stack{"backend", p.Backend.Value.ID, p.Backend.Value.Unsupported,
			unsupportedByID(cat.Backends, func(b pack.Backend) (string, []pack.Unsupported) {
				return b.ID, b.Unsupported
			})})
	}
	for _, feature := range p.Auth.Features() {
		for _, s := range stacks {
			reason := pack.UnsupportedReason(s.unsupported, feature)
			if reason == "" {
				continue
			}
			var ok []string
			for _, other := range s.others {
				if pack.UnsupportedReason(other.unsupported, feature) == "" {
					ok = append(ok, other.id)
				}
			}
			flag, value := blamedFlag(a, feature)
			return &UsageError{Flag: flag, Value: value, Reason: fmt.Sprintf(
				"%s %s does not support %s: %s; %ss that do: %s", s.kind, s.id, feature,
				reason, s.kind, strings.Join(ok, ", "))}
		}
	}
	return nil
}

type idUnsupported struct {
	id          string
	unsupported []pack.Unsupported
}

// unsupportedByID lists each choice's unsupported features, in catalog order.
func unsupportedByID[T any](list []pack.Owned[T],
	fields func(T) (string, []pack.Unsupported)) []idUnsupported {
	out := make([]idUnsupported, 0, len(list))
	for _, o := range list {
		id, unsupported := fields(o.Value)
		out = append(out, idUnsupported{id, unsupported})
	}
	return out
}

// ParseCore turns --core into a kind and a connection URI.
func ParseCore(value string) (kind, uri string, err error) {
	switch value {
	case "", CoreDemo:
		return CoreDemo, DemoCoreURI, nil
	case CoreDocker:
		return CoreDocker, DockerCoreURI, nil
	}
	u, parseErr := url.Parse(value)
	if parseErr != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		err := &UsageError{Flag: "core", Value: value,
			Reason: "expected demo, docker or an http(s):// address of a SuperTokens core"}
		if s := Suggest(value, []string{CoreDemo, CoreDocker}); s != "" {
			err.Reason += fmt.Sprintf("; did you mean %q?", s)
		}
		return "", "", err
	}
	return CoreURL, strings.TrimRight(value, "/"), nil
}

// CheckGiven validates only the answers that are set, so a wrong flag value is reported
// before any prompt or any complaint about a missing answer.
func CheckGiven(a Answers, cat *pack.Catalog) error {
	if a.AppName != "" {
		if reason := ValidateAppName(a.AppName); reason != "" {
			return &UsageError{Flag: "appname", Value: a.AppName, Reason: reason}
		}
	}
	if a.Frontend != "" {
		frontend, ok := cat.Frontend(a.Frontend)
		if !ok {
			return &UsageError{Flag: "frontend", Value: a.Frontend, Valid: cat.FrontendIDs()}
		}
		if a.Backend != "" && frontend.Value.Kind == pack.KindFullstack {
			return fullstackBackendError(a)
		}
	}
	if a.Backend != "" {
		if _, ok := cat.Backend(a.Backend); !ok {
			return &UsageError{Flag: "backend", Value: a.Backend, Valid: cat.BackendIDs()}
		}
	}
	if a.Recipe != "" {
		if _, ok := cat.Recipe(a.Recipe); !ok {
			return &UsageError{Flag: "recipe", Value: a.Recipe, Valid: cat.RecipeIDs()}
		}
	}
	if a.Manager != "" && !slices.Contains(Managers, a.Manager) {
		return &UsageError{Flag: "manager", Value: a.Manager, Valid: Managers}
	}
	if _, _, err := ParseCore(a.Core); err != nil {
		return err
	}
	return nil
}

func fullstackBackendError(a Answers) error {
	return &UsageError{Flag: "backend", Value: a.Backend, Reason: fmt.Sprintf(
		"frontend %s is fullstack and serves the auth API itself; leave out --backend",
		a.Frontend)}
}

// minAPIKeyLength is the core's minimum length for API keys.
const minAPIKeyLength = 20

func validateAPIKey(key string) error {
	if key == "" {
		return nil
	}
	if len(key) < minAPIKeyLength {
		return &UsageError{Flag: "api-key", Reason: fmt.Sprintf(
			"the core needs API keys of at least %d characters; this one has %d",
			minAPIKeyLength, len(key))}
	}
	for _, r := range key {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return &UsageError{Flag: "api-key", Reason: "use only letters, digits and '-' " +
				"(the core splits its API_KEYS setting on commas, and .env files need no quoting)"}
		}
	}
	return nil
}

// SecretSource supplies the randomness of generated secrets; tests replace it to make
// output reproducible.
var SecretSource io.Reader = rand.Reader

// randomSecret returns 32 random hexadecimal characters.
func randomSecret() (string, error) {
	buf := make([]byte, 16)
	if _, err := io.ReadFull(SecretSource, buf); err != nil {
		return "", fmt.Errorf("failed to generate a secret: %w", err)
	}
	return hex.EncodeToString(buf), nil
}

// blamedFlag names the flag that brought in an unsupported feature: the second factors for
// multi-factor auth when given, else the first factors when given, else the recipe.
func blamedFlag(a Answers, feature string) (flag, value string) {
	switch {
	case feature == auth.FeatureMFA && len(a.SecondFactors) > 0:
		return "secondfactors", strings.Join(a.SecondFactors, ",")
	case len(a.FirstFactors) > 0 && (feature != auth.FeatureMFA || a.Recipe == ""):
		return "firstfactors", strings.Join(a.FirstFactors, ",")
	default:
		return "recipe", a.Recipe
	}
}
