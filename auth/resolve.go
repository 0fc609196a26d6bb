package auth

import (
	"fmt"
	"slices"
	"strings"
)

// Request holds the auth answers: a recipe preset and the factor and provider flags.
type Request struct {
	// Recipe is the preset's id; empty when only factor flags were given.
	Recipe string
	// PresetFirst and PresetSecond are the recipe preset's factors.
	PresetFirst  []string
	PresetSecond []string
	// Multitenancy comes from the preset.
	Multitenancy bool

	// FirstFactors and SecondFactors from the flags replace the preset's lists when set.
	FirstFactors  []string
	SecondFactors []string

	// Providers from --providers; empty means DefaultProviders when third-party login is on.
	Providers []string
}

// RecipeCustom names a model built from factor flags alone.
const RecipeCustom = "custom"

// Resolve computes the model. Factor flags replace the preset's factor lists (a documented
// merge: --recipe multitenancy --firstfactors emailpassword keeps multitenancy and narrows
// the login methods). Without a preset and without first factors, email-password is the
// first factor, so a second factor alone still leaves a way to sign in.
func Resolve(req Request) (Model, error) {
	first := req.PresetFirst
	if len(req.FirstFactors) > 0 {
		first = req.FirstFactors
	}
	if len(first) == 0 {
		first = []string{FactorEmailPassword}
	}
	second := req.PresetSecond
	if len(req.SecondFactors) > 0 {
		second = req.SecondFactors
	}

	m := Model{
		Recipe:        req.Recipe,
		FirstFactors:  dedupe(first),
		SecondFactors: dedupe(second),
		Multitenancy:  req.Multitenancy,
	}
	if m.Recipe == "" {
		m.Recipe = RecipeCustom
	}
	for _, f := range m.SecondFactors {
		if slices.Contains(m.FirstFactors, f) {
			return Model{}, fmt.Errorf("%s is both a first and a second factor, so signing "+
				"in with it would also complete the second step; remove it from one list", f)
		}
	}
	m.EmailPassword = slices.Contains(m.FirstFactors, FactorEmailPassword)
	m.ThirdParty = slices.Contains(m.FirstFactors, FactorThirdParty)
	m.WebAuthn = slices.Contains(m.FirstFactors, FactorWebAuthn)
	m.MFA = len(m.SecondFactors) > 0
	m.TOTP = slices.Contains(m.SecondFactors, FactorTOTP)
	m.AccountLinking = m.MFA
	if m.MFA {
		// Both ends use the same mode; REQUIRED would block the second factor behind an
		// email the user may not be able to verify on a local setup.
		m.EmailVerification = "OPTIONAL"
	}
	m.ContactMethod, m.FlowType = passwordlessSettings(append(slices.Clone(m.FirstFactors),
		m.SecondFactors...))
	m.Passwordless = m.ContactMethod != ""

	providers, err := resolveProviders(m.ThirdParty, req.Providers)
	if err != nil {
		return Model{}, err
	}
	m.Providers = providers
	m.BackendRecipes, m.FrontendRecipes = recipeLists(m)
	return m, nil
}

// passwordlessSettings derives the contact method and flow type from every passwordless
// factor, first and second alike, so a phone second factor means phone contact on both ends.
func passwordlessSettings(factors []string) (contact, flow string) {
	var email, phone, otp, link bool
	for _, f := range factors {
		switch f {
		case FactorOTPEmail:
			email, otp = true, true
		case FactorOTPPhone:
			phone, otp = true, true
		case FactorLinkEmail:
			email, link = true, true
		case FactorLinkPhone:
			phone, link = true, true
		}
	}
	switch {
	case email && phone:
		contact = "EMAIL_OR_PHONE"
	case email:
		contact = "EMAIL"
	case phone:
		contact = "PHONE"
	default:
		return "", ""
	}
	switch {
	case otp && link:
		flow = "USER_INPUT_CODE_AND_MAGIC_LINK"
	case link:
		flow = "MAGIC_LINK"
	default:
		flow = "USER_INPUT_CODE"
	}
	return contact, flow
}

func resolveProviders(thirdParty bool, ids []string) ([]Provider, error) {
	if !thirdParty {
		if len(ids) > 0 {
			return nil, fmt.Errorf("--providers %s needs thirdparty among the first factors "+
				"(use --recipe thirdparty or add thirdparty to --firstfactors)",
				strings.Join(ids, ","))
		}
		return nil, nil
	}
	if len(ids) == 0 {
		ids = DefaultProviders
	}
	providers := make([]Provider, 0, len(ids))
	for _, id := range dedupe(ids) {
		p, ok := LookupProvider(id)
		if !ok {
			return nil, fmt.Errorf("invalid provider %q for --providers (valid: %s)", id,
				strings.Join(ProviderIDs(), ", "))
		}
		providers = append(providers, p)
	}
	return providers, nil
}

// recipeLists returns the SDK recipes in init order. The frontend list leaves out recipes
// that exist only on the backend.
func recipeLists(m Model) (backend, frontend []string) {
	uses := []struct {
		id       string
		on       bool
		frontend bool
	}{
		{"emailpassword", m.EmailPassword, true},
		{"thirdparty", m.ThirdParty, true},
		{"passwordless", m.Passwordless, true},
		{"webauthn", m.WebAuthn, true},
		{"emailverification", m.EmailVerification != "", true},
		{"multitenancy", m.Multitenancy, true},
		{"accountlinking", m.AccountLinking, false},
		{"multifactorauth", m.MFA, true},
		{"totp", m.TOTP, true},
		{"session", true, true},
		{"dashboard", true, false},
		{"userroles", true, false},
	}
	for _, u := range uses {
		if !u.on {
			continue
		}
		backend = append(backend, u.id)
		if u.frontend {
			frontend = append(frontend, u.id)
		}
	}
	return backend, frontend
}

func dedupe(values []string) []string {
	var out []string
	for _, v := range values {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
