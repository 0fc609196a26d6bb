package auth

import (
	"slices"
	"strings"
	"testing"
)

func TestResolvePasswordlessSettings(t *testing.T) {
	tests := []struct {
		name                string
		first, second       []string
		wantContact, wantFT string
	}{
		{"email code and link", []string{"otp-email", "link-email"}, nil,
			"EMAIL", "USER_INPUT_CODE_AND_MAGIC_LINK"},
		{"phone code", []string{"otp-phone"}, nil, "PHONE", "USER_INPUT_CODE"},
		{"email and phone links", []string{"link-email", "link-phone"}, nil,
			"EMAIL_OR_PHONE", "MAGIC_LINK"},
		{"phone second factor", []string{"emailpassword"}, []string{"otp-phone"},
			"PHONE", "USER_INPUT_CODE"},
		{"no passwordless", []string{"emailpassword"}, []string{"totp"}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Resolve(Request{FirstFactors: tt.first, SecondFactors: tt.second})
			if err != nil {
				t.Fatal(err)
			}
			if m.ContactMethod != tt.wantContact {
				t.Errorf("ContactMethod = %q, want %q", m.ContactMethod, tt.wantContact)
			}
			if m.FlowType != tt.wantFT {
				t.Errorf("FlowType = %q, want %q", m.FlowType, tt.wantFT)
			}
			if m.Passwordless != (tt.wantContact != "") {
				t.Errorf("Passwordless = %v", m.Passwordless)
			}
		})
	}
}

func TestResolveMFAModel(t *testing.T) {
	m, err := Resolve(Request{Recipe: "multifactorauth",
		PresetFirst:  []string{"emailpassword", "thirdparty"},
		PresetSecond: []string{"otp-email", "totp"}})
	if err != nil {
		t.Fatal(err)
	}
	if !m.MFA || !m.TOTP || !m.AccountLinking {
		t.Errorf("MFA=%v TOTP=%v AccountLinking=%v, want all true", m.MFA, m.TOTP,
			m.AccountLinking)
	}
	if m.EmailVerification != "OPTIONAL" {
		t.Errorf("EmailVerification = %q", m.EmailVerification)
	}
	wantBackend := "emailpassword thirdparty passwordless emailverification accountlinking " +
		"multifactorauth totp session dashboard userroles"
	if got := strings.Join(m.BackendRecipes, " "); got != wantBackend {
		t.Errorf("BackendRecipes = %s\nwant %s", got, wantBackend)
	}
	if slices.Contains(m.FrontendRecipes, "dashboard") ||
		slices.Contains(m.FrontendRecipes, "accountlinking") {
		t.Errorf("FrontendRecipes has a backend-only recipe: %v", m.FrontendRecipes)
	}
	if len(m.Providers) != len(DefaultProviders) {
		t.Errorf("Providers = %v, want the defaults", m.Providers)
	}
}

func TestResolveFactorFlagsReplacePreset(t *testing.T) {
	m, err := Resolve(Request{Recipe: "multitenancy", Multitenancy: true,
		PresetFirst:  []string{"emailpassword", "thirdparty"},
		FirstFactors: []string{"emailpassword"}})
	if err != nil {
		t.Fatal(err)
	}
	if m.ThirdParty {
		t.Error("thirdparty kept although --firstfactors replaced the preset")
	}
	if !m.Multitenancy {
		t.Error("multitenancy from the preset was dropped")
	}
}

func TestResolveSecondFactorOnly(t *testing.T) {
	m, err := Resolve(Request{SecondFactors: []string{"totp"}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Recipe != RecipeCustom {
		t.Errorf("Recipe = %q", m.Recipe)
	}
	if !slices.Equal(m.FirstFactors, []string{"emailpassword"}) {
		t.Errorf("FirstFactors = %v, want emailpassword as the default", m.FirstFactors)
	}
}

func TestResolveProviders(t *testing.T) {
	m, err := Resolve(Request{FirstFactors: []string{"thirdparty"},
		Providers: []string{"github", "discord", "github"}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range m.Providers {
		ids = append(ids, p.ID)
	}
	if !slices.Equal(ids, []string{"github", "discord"}) {
		t.Errorf("providers = %v", ids)
	}
	if m.Providers[1].EnvPrefix != "DISCORD" {
		t.Errorf("EnvPrefix = %q", m.Providers[1].EnvPrefix)
	}

	_, err = Resolve(Request{FirstFactors: []string{"emailpassword"},
		Providers: []string{"github"}})
	if err == nil || !strings.Contains(err.Error(), "needs thirdparty") {
		t.Errorf("providers without thirdparty: err = %v", err)
	}
}
