package auth

// Factor ids, as the SuperTokens SDKs name them.
const (
	FactorEmailPassword = "emailpassword"
	FactorThirdParty    = "thirdparty"
	FactorOTPEmail      = "otp-email"
	FactorOTPPhone      = "otp-phone"
	FactorLinkEmail     = "link-email"
	FactorLinkPhone     = "link-phone"
	FactorWebAuthn      = "webauthn"
	FactorTOTP          = "totp"
)

// FirstFactors are the valid values of --firstfactors.
var FirstFactors = []string{
	FactorEmailPassword, FactorThirdParty, FactorOTPEmail, FactorOTPPhone,
	FactorLinkEmail, FactorLinkPhone, FactorWebAuthn,
}

// SecondFactors are the valid values of --secondfactors.
var SecondFactors = []string{
	FactorOTPEmail, FactorOTPPhone, FactorLinkEmail, FactorLinkPhone, FactorTOTP,
}

// Features are the auth capabilities a stack can lack. A pack marks a choice as not
// supporting one, with the reason, and validation compares a model's Features against it.
const (
	FeatureEmailPassword = "emailpassword"
	FeatureThirdParty    = "thirdparty"
	FeaturePasswordless  = "passwordless"
	FeatureWebAuthn      = "webauthn"
	FeatureMultitenancy  = "multitenancy"
	FeatureMFA           = "mfa"
	// FeatureTenantPasskeys is passkeys together with multitenancy: the multi-tenant
	// sign-in page learns each tenant's login methods from the backend, which must then
	// report passkeys too.
	FeatureTenantPasskeys = "multitenancy-webauthn"
)

// AllFeatures lists every feature in a stable order.
var AllFeatures = []string{
	FeatureEmailPassword, FeatureThirdParty, FeaturePasswordless, FeatureWebAuthn,
	FeatureMultitenancy, FeatureMFA, FeatureTenantPasskeys,
}

// Features returns the features the model uses.
func (m Model) Features() []string {
	uses := map[string]bool{
		FeatureEmailPassword:  m.EmailPassword,
		FeatureThirdParty:     m.ThirdParty,
		FeaturePasswordless:   m.Passwordless,
		FeatureWebAuthn:       m.WebAuthn,
		FeatureMultitenancy:   m.Multitenancy,
		FeatureMFA:            m.MFA,
		FeatureTenantPasskeys: m.Multitenancy && m.WebAuthn,
	}
	var features []string
	for _, f := range AllFeatures {
		if uses[f] {
			features = append(features, f)
		}
	}
	return features
}
