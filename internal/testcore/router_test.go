package testcore_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"create-supertokens-app/internal/testcore"
)

func TestAPIVersionListsDefaults(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "")
	body := core.json("GET", "/apiversion", nil)
	versions, _ := json.Marshal(body["versions"])
	if string(versions) != `["3.1","5.4"]` {
		t.Errorf("expected versions [3.1 5.4], got %s", versions)
	}
}

func TestHelloAnswersText(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "")
	for _, path := range []string{"/hello", "/"} {
		status, raw := core.do("GET", path, nil, nil)
		if status != http.StatusOK {
			t.Errorf("%s", describe("GET", path, status, raw))
		}
		if string(raw) != "Hello" {
			t.Errorf("GET %s: expected Hello, got %q", path, raw)
		}
	}
}

func TestAPIKeyRequiredExceptPublicRoutes(t *testing.T) {
	_, core := newCore(t, testcore.Options{APIKey: "secret-key"}, "5.4")
	anonymous := core
	anonymous.apiKey = ""

	anonymous.expectHTTP("GET", "/apiversion", nil, http.StatusUnauthorized)
	anonymous.expectHTTP("GET", "/public/recipe/user/roles?userId=u1", nil,
		http.StatusUnauthorized)
	for _, path := range []string{"/hello", "/.well-known/jwks.json"} {
		status, raw := anonymous.do("GET", path, nil, nil)
		if status != http.StatusOK {
			t.Errorf("without API key: %s", describe("GET", path, status, raw))
		}
	}

	core.expectStatus("GET", "/public/recipe/user/roles?userId=u1", nil, "OK")
	status, raw := anonymous.do("GET", "/apiversion", nil,
		map[string]string{"Authorization": "Bearer secret-key"})
	if status != http.StatusOK {
		t.Errorf("with Authorization: Bearer: %s", describe("GET", "/apiversion", status, raw))
	}
}

func TestUnknownPathReturns404AndLogs(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	text := core.expectHTTP("GET", "/public/recipe/not-a-route", nil, http.StatusNotFound)
	if text != "Not found" {
		t.Errorf("expected body Not found, got %q", text)
	}
	warnings := core.recorder.warnings()
	if len(warnings) != 1 || !strings.Contains(warnings[0], "/public/recipe/not-a-route") {
		t.Errorf("expected one warning naming the path, got %q", warnings)
	}
}

func TestWrongMethodReturns405(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	core.expectHTTP("GET", "/public/recipe/signup", nil, http.StatusMethodNotAllowed)
}

func TestUnsupportedCDIVersionReturns400(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "2.9")
	text := core.expectHTTP("GET", "/recipe/roles", nil, http.StatusBadRequest)
	if !strings.Contains(text, "2.9") {
		t.Errorf("expected the message to name the version, got %q", text)
	}
}

func TestTenantPrefixes(t *testing.T) {
	_, core := newCore(t, testcore.Options{Tenants: []string{"team-a"}}, "5.4")

	core.expectStatus("GET", "/recipe/user/roles?userId=u1", nil, "OK")
	core.expectStatus("GET", "/public/recipe/user/roles?userId=u1", nil, "OK")
	core.expectStatus("GET", "/appid-public/public/recipe/user/roles?userId=u1", nil, "OK")
	core.expectStatus("GET", "/team-a/recipe/user/roles?userId=u1", nil, "OK")

	core.expectHTTP("GET", "/team-a/recipe/roles", nil, http.StatusForbidden)
	core.expectHTTP("GET", "/team-b/recipe/user/roles?userId=u1", nil, http.StatusBadRequest)
	core.expectStatus("GET", "/team-b/recipe/multitenancy/tenant/v2", nil,
		"TENANT_NOT_FOUND_ERROR")
}

func TestTenantShapesByPath(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	v2 := core.expectStatus("GET", "/public/recipe/multitenancy/tenant/v2", nil, "OK")
	if v2["tenantId"] != "public" {
		t.Errorf("v2 tenantId: expected public, got %v", v2["tenantId"])
	}
	if _, ok := v2["thirdParty"].(map[string]any)["providers"].([]any); !ok {
		t.Errorf("v2 thirdParty.providers: expected a list, got %v", v2["thirdParty"])
	}
	if _, ok := v2["firstFactors"]; ok {
		t.Errorf("v2 firstFactors: expected absent so every factor is allowed, got %v", v2)
	}

	v1 := core.withCDI("3.1").expectStatus("GET", "/public/recipe/multitenancy/tenant", nil, "OK")
	emailPassword, _ := v1["emailPassword"].(map[string]any)
	if emailPassword["enabled"] != true {
		t.Errorf("v1 emailPassword.enabled: expected true, got %v", v1)
	}

	list := core.expectStatus("GET", "/recipe/multitenancy/tenant/list/v2", nil, "OK")
	if tenants, _ := list["tenants"].([]any); len(tenants) != 1 {
		t.Errorf("tenant list: expected 1 tenant, got %v", list)
	}
}
