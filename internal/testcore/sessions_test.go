package testcore_test

import (
	"crypto/sha256"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"create-supertokens-app/internal/testcore"
)

func sha256Hex(s string) string {
	return fmt.Sprintf("%x", sha256.Sum256([]byte(s)))
}

func TestAccessTokenV5Claims(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	created := core.createSession("user-1", true)
	jwt := verifyWithJWKS(t, core, str(t, created, "accessToken", "token"))

	if jwt.header["version"] != "5" || jwt.header["typ"] != "JWT" || jwt.header["alg"] != "RS256" {
		t.Errorf("header: expected RS256 JWT version \"5\", got %v", jwt.header)
	}
	if kid, _ := jwt.header["kid"].(string); !strings.HasPrefix(kid, "d-") {
		t.Errorf("kid: expected d- prefix for a dynamic key, got %q", kid)
	}
	claims := jwt.claims
	if claims["sub"] != "user-1" || claims["rsub"] != "user-1" || claims["tId"] != "public" {
		t.Errorf("sub, rsub, tId: got %v", claims)
	}
	if claims["sessionHandle"] != str(t, created, "session", "handle") {
		t.Errorf("sessionHandle claim %v differs from the response", claims["sessionHandle"])
	}
	refresh := str(t, created, "refreshToken", "token")
	if claims["refreshTokenHash1"] != sha256Hex(refresh) {
		t.Errorf("refreshTokenHash1: expected sha256 hex of the refresh token, got %v",
			claims["refreshTokenHash1"])
	}
	for _, name := range []string{"parentRefreshTokenHash1", "antiCsrfToken"} {
		value, present := claims[name]
		if !present || value != nil {
			t.Errorf("%s: expected present and null, got %v (present %v)", name, value, present)
		}
	}
	if claims["iss"] != "http://api.example" {
		t.Errorf("custom claim iss: expected it copied from userDataInJWT, got %v", claims["iss"])
	}
	exp, _ := claims["exp"].(float64)
	if now := float64(time.Now().Unix()); exp < now+3500 || exp > now+3601 {
		t.Errorf("exp: expected about one hour from now in seconds, got %v", exp)
	}
	expiry, _ := created["accessToken"].(map[string]any)["expiry"].(float64)
	if expiry != exp*1000 {
		t.Errorf("accessToken.expiry: expected exp in ms (%v), got %v", exp*1000, expiry)
	}
	if created["antiCsrfToken"] != nil {
		t.Errorf("antiCsrfToken: expected null, got %v", created["antiCsrfToken"])
	}
	if created["session"].(map[string]any)["recipeUserId"] != "user-1" {
		t.Errorf("session.recipeUserId: expected user-1, got %v", created["session"])
	}
}

func TestAccessTokenV4ForCDI31(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "3.1")
	created := core.createSession("user-1", false)
	jwt := verifyWithJWKS(t, core, str(t, created, "accessToken", "token"))
	if jwt.header["version"] != "4" {
		t.Errorf("header version: expected \"4\", got %v", jwt.header["version"])
	}
	if kid, _ := jwt.header["kid"].(string); !strings.HasPrefix(kid, "s-") {
		t.Errorf("kid: expected s- prefix for a static key, got %q", kid)
	}
	if _, ok := jwt.claims["rsub"]; ok {
		t.Errorf("rsub: expected absent in a version 4 token, got %v", jwt.claims)
	}
	if jwt.claims["tId"] != "public" {
		t.Errorf("tId: expected public, got %v", jwt.claims["tId"])
	}
	if _, ok := created["session"].(map[string]any)["recipeUserId"]; ok {
		t.Errorf("CDI 3.1 session must not have recipeUserId: %v", created["session"])
	}
}

func TestCreateSessionRejectsProtectedClaim(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	core.expectHTTP("POST", "/public/recipe/session", map[string]any{
		"userId":               "user-1",
		"userDataInJWT":        map[string]any{"sub": "someone-else"},
		"userDataInDatabase":   map[string]any{},
		"useDynamicSigningKey": true,
		"enableAntiCsrf":       false,
	}, http.StatusBadRequest)
}

func TestRefreshRotationAndTheft(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	created := core.createSession("user-1", true)
	firstRefresh := str(t, created, "refreshToken", "token")
	refreshBody := func(token string) map[string]any {
		return map[string]any{"refreshToken": token, "enableAntiCsrf": false,
			"useDynamicSigningKey": true}
	}

	refreshed := core.expectStatus("POST", "/recipe/session/refresh", refreshBody(firstRefresh),
		"OK")
	secondRefresh := str(t, refreshed, "refreshToken", "token")
	newAccess := str(t, refreshed, "accessToken", "token")
	claims := verifyWithJWKS(t, core, newAccess).claims
	if claims["parentRefreshTokenHash1"] != sha256Hex(firstRefresh) {
		t.Errorf("parentRefreshTokenHash1: expected hash of the used refresh token, got %v",
			claims["parentRefreshTokenHash1"])
	}

	// The first verify of the new token promotes the new refresh token and returns a token
	// without the parent hash.
	verified := core.expectStatus("POST", "/recipe/session/verify", map[string]any{
		"accessToken": newAccess, "doAntiCsrfCheck": false, "enableAntiCsrf": false,
		"checkDatabase": false}, "OK")
	promoted := verifyWithJWKS(t, core, str(t, verified, "accessToken", "token")).claims
	if promoted["parentRefreshTokenHash1"] != nil {
		t.Errorf("promoted token: expected null parent hash, got %v",
			promoted["parentRefreshTokenHash1"])
	}

	theft := core.expectStatus("POST", "/recipe/session/refresh", refreshBody(firstRefresh),
		"TOKEN_THEFT_DETECTED")
	if str(t, theft, "session", "handle") != str(t, created, "session", "handle") {
		t.Errorf("theft: expected the session handle, got %v", theft)
	}
	core.expectStatus("POST", "/recipe/session/refresh", refreshBody(secondRefresh), "OK")
	core.expectStatus("POST", "/recipe/session/refresh", refreshBody("unknown-token"),
		"UNAUTHORISED")
	core.expectHTTP("POST", "/recipe/session/refresh",
		map[string]any{"refreshToken": secondRefresh, "enableAntiCsrf": false},
		http.StatusBadRequest)
}

func TestRefreshBeforePromotionAllowed(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "3.1")
	created := core.createSession("user-1", true)
	first := str(t, created, "refreshToken", "token")
	body := func(token string) map[string]any {
		return map[string]any{"refreshToken": token, "enableAntiCsrf": false}
	}
	second := str(t, core.expectStatus("POST", "/recipe/session/refresh", body(first), "OK"),
		"refreshToken", "token")
	// Using the unpromoted child promotes it; the parent is then stale.
	core.expectStatus("POST", "/recipe/session/refresh", body(second), "OK")
	core.expectStatus("POST", "/recipe/session/refresh", body(first), "TOKEN_THEFT_DETECTED")
}

func TestVerifyExpiredAndRevoked(t *testing.T) {
	_, core := newCore(t, testcore.Options{AccessTokenLifetime: time.Second}, "5.4")
	created := core.createSession("user-1", true)
	access := str(t, created, "accessToken", "token")
	verify := func(checkDatabase bool) map[string]any {
		return map[string]any{"accessToken": access, "doAntiCsrfCheck": false,
			"enableAntiCsrf": false, "checkDatabase": checkDatabase}
	}

	core.expectStatus("POST", "/recipe/session/verify", verify(true), "OK")
	handle := str(t, created, "session", "handle")
	removed := core.expectStatus("POST", "/recipe/session/remove",
		map[string]any{"sessionHandles": []string{handle}}, "OK")
	if revoked, _ := removed["sessionHandlesRevoked"].([]any); len(revoked) != 1 {
		t.Errorf("remove: expected one revoked handle, got %v", removed)
	}
	core.expectStatus("POST", "/recipe/session/verify", verify(true), "UNAUTHORISED")
	// Without checkDatabase the core trusts the signature until the token expires.
	core.expectStatus("POST", "/recipe/session/verify", verify(false), "OK")

	// Expiry is rounded up to whole seconds, so a one-second token lives up to two seconds.
	time.Sleep(2500 * time.Millisecond)
	core.expectStatus("POST", "/recipe/session/verify", verify(false), "TRY_REFRESH_TOKEN")
}

func TestRegenerateUpdatesPayload(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	created := core.createSession("user-1", true)
	access := str(t, created, "accessToken", "token")
	regenerated := core.expectStatus("POST", "/recipe/session/regenerate", map[string]any{
		"accessToken": access, "userDataInJWT": map[string]any{"st-role": map[string]any{
			"v": []string{"admin"}, "t": 1}}}, "OK")
	claims := verifyWithJWKS(t, core, str(t, regenerated, "accessToken", "token")).claims
	if _, ok := claims["st-role"]; !ok {
		t.Errorf("regenerated token: expected st-role, got %v", claims)
	}
	original := verifyWithJWKS(t, core, access).claims
	if claims["exp"] != original["exp"] {
		t.Errorf("regenerated token: expected the original exp %v, got %v", original["exp"],
			claims["exp"])
	}
	info := core.expectStatus("GET", "/recipe/session?sessionHandle="+
		str(t, created, "session", "handle"), nil, "OK")
	if _, ok := info["userDataInJWT"].(map[string]any)["st-role"]; !ok {
		t.Errorf("session info: expected st-role in userDataInJWT, got %v", info)
	}
}

func TestSessionInfoAndData(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	handle := str(t, core.createSession("user-1", true), "session", "handle")
	core.expectStatus("PUT", "/recipe/session/data", map[string]any{"sessionHandle": handle,
		"userDataInDatabase": map[string]any{"theme": "dark"}}, "OK")

	info := core.expectStatus("GET", "/recipe/session?sessionHandle="+handle, nil, "OK")
	for _, field := range []string{"sessionHandle", "userId", "recipeUserId", "tenantId"} {
		if _, ok := info[field].(string); !ok {
			t.Errorf("session info: expected string %s, got %v", field, info)
		}
	}
	for _, field := range []string{"expiry", "timeCreated"} {
		if _, ok := info[field].(float64); !ok {
			t.Errorf("session info: expected number %s, got %v", field, info)
		}
	}
	if info["userDataInDatabase"].(map[string]any)["theme"] != "dark" {
		t.Errorf("session info: expected updated userDataInDatabase, got %v", info)
	}

	handles := core.expectStatus("GET", "/public/recipe/session/user?userId=user-1", nil, "OK")
	if list, _ := handles["sessionHandles"].([]any); len(list) != 1 {
		t.Errorf("sessions for user: expected 1, got %v", handles)
	}
	revoked := core.expectStatus("POST", "/public/recipe/session/remove",
		map[string]any{"userId": "user-1"}, "OK")
	if list, _ := revoked["sessionHandlesRevoked"].([]any); len(list) != 1 {
		t.Errorf("remove by user: expected 1 handle, got %v", revoked)
	}
	core.expectStatus("GET", "/recipe/session?sessionHandle="+handle, nil, "UNAUTHORISED")
}

func TestAntiCsrfToken(t *testing.T) {
	_, core := newCore(t, testcore.Options{}, "5.4")
	created := core.expectStatus("POST", "/public/recipe/session", map[string]any{
		"userId": "user-1", "userDataInJWT": map[string]any{}, "userDataInDatabase": map[string]any{},
		"useDynamicSigningKey": true, "enableAntiCsrf": true}, "OK")
	csrf, _ := created["antiCsrfToken"].(string)
	if csrf == "" {
		t.Fatalf("expected an antiCsrfToken, got %v", created)
	}
	access := str(t, created, "accessToken", "token")
	verify := func(token string) map[string]any {
		return map[string]any{"accessToken": access, "antiCsrfToken": token,
			"doAntiCsrfCheck": true, "enableAntiCsrf": true, "checkDatabase": false}
	}
	core.expectStatus("POST", "/recipe/session/verify", verify(csrf), "OK")
	core.expectStatus("POST", "/recipe/session/verify", verify("wrong"), "TRY_REFRESH_TOKEN")
}
