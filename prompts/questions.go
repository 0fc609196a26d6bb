package prompts

import (
	"errors"
	"fmt"

	"create-supertokens-app/answers"
	"create-supertokens-app/auth"
	"create-supertokens-app/pack"
)

// Fill asks for every answer that is still empty, in order, skipping questions that the
// earlier answers make irrelevant: no backend for a fullstack frontend, no recipe when
// factor flags were given, second factors only for multi-factor auth, providers only with
// social login. The package manager question starts on the detected one.
func Fill(p Prompter, a *answers.Answers, cat *pack.Catalog, manager string) error {
	if a.AppName == "" {
		name, err := p.Input("What is your app called?", answers.DefaultAppName,
			answers.DefaultAppName, validateAppName)
		if err != nil {
			return err
		}
		a.AppName = name
	}

	if a.Frontend == "" {
		var options []Option
		for _, f := range cat.Frontends {
			options = append(options, Option{f.Value.ID, f.Value.Name, f.Value.Description})
		}
		value, err := p.Select("Choose a frontend", options, answers.DefaultFrontend)
		if err != nil {
			return err
		}
		a.Frontend = value
	}

	frontend, ok := cat.Frontend(a.Frontend)
	fullstack := ok && frontend.Value.Kind == pack.KindFullstack
	if a.Backend == "" && !fullstack {
		var options []Option
		for _, b := range cat.Backends {
			options = append(options, Option{b.Value.ID, b.Value.Name, b.Value.Description})
		}
		value, err := p.Select("Choose a backend", options, answers.DefaultBackend)
		if err != nil {
			return err
		}
		a.Backend = value
	}

	if a.Recipe == "" && !a.HasFactorFlags() {
		var options []Option
		for _, r := range cat.Recipes {
			options = append(options, Option{r.Value.ID, r.Value.Name, r.Value.Description})
		}
		value, err := p.Select("Choose how users sign in", options, answers.DefaultRecipe)
		if err != nil {
			return err
		}
		a.Recipe = value
	}

	if len(a.SecondFactors) == 0 && len(a.FirstFactors) == 0 && a.Recipe == mfaRecipe {
		var options []Option
		for _, f := range auth.SecondFactors {
			options = append(options, Option{f, secondFactorLabels[f], ""})
		}
		recipe, _ := cat.Recipe(a.Recipe)
		values, err := p.MultiSelect("Choose the second factors", options,
			recipe.Value.SecondFactors)
		if err != nil {
			return err
		}
		a.SecondFactors = values
	}

	if len(a.Providers) == 0 && usesThirdParty(*a, cat) {
		var options []Option
		for _, pr := range auth.BuiltinProviders {
			options = append(options, Option{pr.ID, pr.Name, ""})
		}
		values, err := p.MultiSelect("Choose the social login providers", options,
			auth.DefaultProviders)
		if err != nil {
			return err
		}
		a.Providers = values
	}

	if a.Manager == "" {
		var options []Option
		for _, m := range answers.Managers {
			options = append(options, Option{m, m, ""})
		}
		value, err := p.Select("Choose a package manager", options, manager)
		if err != nil {
			return err
		}
		a.Manager = value
	}
	return nil
}

// mfaRecipe is the recipe whose second factors the prompts ask for.
const mfaRecipe = "multifactorauth"

var secondFactorLabels = map[string]string{
	"otp-email":  "One-time code by email",
	"otp-phone":  "One-time code by SMS",
	"link-email": "Magic link by email",
	"link-phone": "Magic link by SMS",
	"totp":       "Authenticator app (TOTP)",
}

func usesThirdParty(a answers.Answers, cat *pack.Catalog) bool {
	factors := a.FirstFactors
	if len(factors) == 0 {
		if r, ok := cat.Recipe(a.Recipe); ok {
			factors = r.Value.FirstFactors
		}
	}
	for _, f := range factors {
		if f == auth.FactorThirdParty {
			return true
		}
	}
	return false
}

func validateAppName(name string) error {
	if reason := answers.ValidateAppName(name); reason != "" {
		return errors.New(reason)
	}
	return nil
}

// Missing returns the usage error for the first answer a run without a terminal lacks,
// or nil when every needed answer is there.
func Missing(a answers.Answers, cat *pack.Catalog) error {
	if a.AppName == "" {
		return &answers.UsageError{Flag: "appname"}
	}
	if a.Frontend == "" {
		return &answers.UsageError{Flag: "frontend", Valid: cat.FrontendIDs()}
	}
	frontend, ok := cat.Frontend(a.Frontend)
	if a.Backend == "" && ok && frontend.Value.Kind != pack.KindFullstack {
		return &answers.UsageError{Flag: "backend", Valid: cat.BackendIDs()}
	}
	if a.Recipe == "" && !a.HasFactorFlags() {
		return &answers.UsageError{Flag: "recipe", Valid: cat.RecipeIDs()}
	}
	return nil
}

// ApplyDefaults fills every empty answer with its default, for --yes.
func ApplyDefaults(a *answers.Answers, cat *pack.Catalog) {
	if a.AppName == "" {
		a.AppName = answers.DefaultAppName
	}
	if a.Frontend == "" {
		a.Frontend = answers.DefaultFrontend
	}
	frontend, ok := cat.Frontend(a.Frontend)
	if a.Backend == "" && ok && frontend.Value.Kind != pack.KindFullstack {
		a.Backend = answers.DefaultBackend
	}
	if a.Recipe == "" && !a.HasFactorFlags() {
		a.Recipe = answers.DefaultRecipe
	}
}

// describe is used by the terminal prompter to show a choice with its description.
func describe(o Option) string {
	if o.Description == "" {
		return o.Label
	}
	return fmt.Sprintf("%s — %s", o.Label, o.Description)
}
