// Package auth turns the auth answers (a recipe, or explicit factors and providers) into one
// model that every template renders from, so the frontend and the backend never disagree.
package auth

// Model is the resolved auth configuration of a generated project. Frontend and backend
// templates of every language read the same value.
type Model struct {
	// Recipe is the --recipe id the model came from, or "custom" for factor flags.
	Recipe string

	EmailPassword bool
	ThirdParty    bool
	Passwordless  bool
	WebAuthn      bool
	Multitenancy  bool
	MFA           bool
	TOTP          bool

	// AccountLinking is on with MFA, which needs one user across factors.
	AccountLinking bool

	// EmailVerification is "", "REQUIRED" or "OPTIONAL", the same on both ends.
	EmailVerification string

	// ContactMethod is EMAIL, PHONE or EMAIL_OR_PHONE (passwordless only), computed from
	// first and second factors together.
	ContactMethod string

	// FlowType is USER_INPUT_CODE, MAGIC_LINK or USER_INPUT_CODE_AND_MAGIC_LINK.
	FlowType string

	// FirstFactors and SecondFactors hold SDK factor ids: emailpassword, thirdparty,
	// otp-email, otp-phone, link-email, link-phone, webauthn, totp.
	FirstFactors  []string
	SecondFactors []string

	Providers []Provider

	// BackendRecipes and FrontendRecipes list the SDK recipes to initialise, in init order,
	// using the ids: emailpassword, thirdparty, passwordless, webauthn, emailverification,
	// multitenancy, accountlinking, multifactorauth, totp, session, dashboard, userroles.
	BackendRecipes  []string
	FrontendRecipes []string
}

// Provider is a built-in third-party login provider. Its client id and secret come from
// the environment variables <EnvPrefix>_CLIENT_ID and <EnvPrefix>_CLIENT_SECRET.
type Provider struct {
	ID        string
	Name      string
	EnvPrefix string
}

// Has reports whether the backend recipe list contains id; templates call it as
// {{ if .Auth.Has "emailverification" }}.
func (m Model) Has(id string) bool {
	for _, r := range m.BackendRecipes {
		if r == id {
			return true
		}
	}
	return false
}
