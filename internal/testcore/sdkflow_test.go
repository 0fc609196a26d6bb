package testcore_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"create-supertokens-app/internal/testcore"
)

// sdkAccessTokenLifetime is short so that the flow can wait for expiry and refresh, and long
// enough for the steps that use one token on a slow machine.
const sdkAccessTokenLifetime = 3 * time.Second

// warningRecorder is a slog handler that logs every record to the test, including one line
// per core request, and keeps warnings and errors, so a test can fail when an SDK hit an
// endpoint the stand-in rejected.
type warningRecorder struct {
	t        *testing.T
	mu       sync.Mutex
	messages []string
}

func (r *warningRecorder) Enabled(context.Context, slog.Level) bool {
	return true
}

func (r *warningRecorder) Handle(_ context.Context, record slog.Record) error {
	var line strings.Builder
	line.WriteString(record.Message)
	record.Attrs(func(attr slog.Attr) bool {
		fmt.Fprintf(&line, " %s=%v", attr.Key, attr.Value)
		return true
	})
	r.t.Log(line.String())
	if record.Level >= slog.LevelWarn {
		r.mu.Lock()
		r.messages = append(r.messages, line.String())
		r.mu.Unlock()
	}
	return nil
}

func (r *warningRecorder) WithAttrs([]slog.Attr) slog.Handler { return r }
func (r *warningRecorder) WithGroup(string) slog.Handler      { return r }

func (r *warningRecorder) warnings() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string{}, r.messages...)
}

// startRecordedCore starts a stand-in whose warnings fail the test at cleanup.
func startRecordedCore(t *testing.T) *testcore.Server {
	t.Helper()
	recorder := &warningRecorder{t: t}
	srv, err := testcore.Start(testcore.Options{
		AccessTokenLifetime: sdkAccessTokenLifetime,
		Logger:              slog.New(recorder),
	})
	if err != nil {
		t.Fatalf("start testcore: %v", err)
	}
	t.Cleanup(func() {
		for _, warning := range recorder.warnings() {
			t.Errorf("stand-in core rejected an SDK request: %s", warning)
		}
		err := srv.Close()
		if err != nil {
			t.Errorf("close testcore: %v", err)
		}
	})
	return srv
}

// response is one backend reply.
type response struct {
	status int
	header http.Header
	raw    []byte
	body   map[string]any
}

// frontend plays the part of the SuperTokens frontend SDK in header-based auth mode.
type frontend struct {
	t    *testing.T
	base string
}

func (f frontend) send(method, path string, body any, bearer string) response {
	f.t.Helper()
	var reader io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			f.t.Fatalf("encode %s body: %v", path, err)
		}
		reader = bytes.NewReader(data)
	}

	req, err := http.NewRequest(method, f.base+path, reader)
	if err != nil {
		f.t.Fatalf("build %s %s: %v", method, path, err)
	}
	req.Header.Set("st-auth-mode", "header")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}

	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		f.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		f.t.Fatalf("read %s %s: %v", method, path, err)
	}
	out := response{status: resp.StatusCode, header: resp.Header, raw: raw}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

// expect fails the test unless the reply has the HTTP status and, if status is not "", the
// SuperTokens status field.
func (f frontend) expect(method, path string, body any, bearer string, httpStatus int,
	status string) response {
	f.t.Helper()
	resp := f.send(method, path, body, bearer)
	if resp.status != httpStatus {
		f.t.Fatalf("expected HTTP %d, got %s", httpStatus, describe(method, path, resp.status, resp.raw))
	}
	if status != "" && resp.body["status"] != status {
		f.t.Fatalf("expected status %s, got %s", status, describe(method, path, resp.status, resp.raw))
	}
	return resp
}

// tokens returns the access and refresh tokens a header-mode response carries.
func (f frontend) tokens(resp response, step string) (string, string) {
	f.t.Helper()
	access := resp.header.Get("st-access-token")
	refresh := resp.header.Get("st-refresh-token")
	if access == "" || refresh == "" {
		f.t.Fatalf("%s: expected st-access-token and st-refresh-token headers, got %v", step,
			resp.header)
	}
	return access, refresh
}

func formFields(email, password string) map[string]any {
	return map[string]any{"formFields": []map[string]string{
		{"id": "email", "value": email},
		{"id": "password", "value": password},
	}}
}

// claimValue returns the "v" field of a claim such as st-ev in an access-token payload.
func claimValue(payload any, claim string) any {
	fields, _ := payload.(map[string]any)
	value, _ := fields[claim].(map[string]any)
	return value["v"]
}

// claimValues returns the "v" list of a claim such as st-role in an access-token payload.
func claimValues(payload any, claim string) []any {
	list, _ := claimValue(payload, claim).([]any)
	return list
}

// runSDKFlows drives a backend built on a real SuperTokens SDK through email-password,
// session, user-role, tenant and passwordless flows against srv.
func runSDKFlows(t *testing.T, srv *testcore.Server, baseURL string) {
	fe := frontend{t: t, base: baseURL}
	const email, password = "Alice@Example.com", "correct-horse-1"

	// Email-password sign-up, duplicate sign-up and wrong password.
	resp := fe.expect("POST", "/auth/signup", formFields(email, password), "", 200, "OK")
	access, _ := fe.tokens(resp, "sign-up")
	fe.expect("POST", "/auth/signup", formFields(email, password), "", 200, "FIELD_ERROR")
	fe.expect("POST", "/auth/signin", formFields(email, "wrong-password-1"), "", 200,
		"WRONG_CREDENTIALS_ERROR")

	info := fe.expect("GET", "/sessioninfo", nil, access, 200, "")
	userID, _ := info.body["userId"].(string)
	if userID == "" {
		t.Fatalf("sign-up session has no userId: %s", info.raw)
	}
	if verified := claimValue(info.body["accessTokenPayload"], "st-ev"); verified != false {
		t.Errorf("st-ev after email-password sign-up: expected false, got %v", verified)
	}

	// Sign-in returns a session for the same user.
	resp = fe.expect("POST", "/auth/signin", formFields(email, password), "", 200, "OK")
	access, refresh := fe.tokens(resp, "sign-in")
	info = fe.expect("GET", "/sessioninfo", nil, access, 200, "")
	if info.body["userId"] != userID {
		t.Fatalf("sign-in userId %v, expected %s", info.body["userId"], userID)
	}

	// Roles: assigning a role regenerates the access token with st-role and st-perm.
	resp = fe.expect("POST", "/roles", nil, access, 200, "")
	if roles := claimValues(resp.body["accessTokenPayload"], "st-role"); len(roles) != 1 ||
		roles[0] != "admin" {
		t.Fatalf("expected st-role [admin] after /roles, got %s", resp.raw)
	}
	if perms := claimValues(resp.body["accessTokenPayload"], "st-perm"); len(perms) != 1 ||
		perms[0] != "read" {
		t.Fatalf("expected st-perm [read] after /roles, got %s", resp.raw)
	}
	if updated := resp.header.Get("st-access-token"); updated != "" {
		access = updated
	}
	info = fe.expect("GET", "/sessioninfo", nil, access, 200, "")
	if roles := claimValues(info.body["accessTokenPayload"], "st-role"); len(roles) != 1 {
		t.Fatalf("expected st-role in the regenerated access token, got %s", info.raw)
	}

	// Tenant lookup.
	tenant := fe.expect("GET", "/tenant", nil, "", 200, "")
	if tenant.body["tenantId"] != "public" {
		t.Fatalf("expected tenant public, got %s", tenant.raw)
	}

	// Expiry and refresh: the expired token gets 401, refresh issues new tokens, the first use
	// of the new access token makes the SDK verify it with the core.
	// The stand-in rounds expiry up to whole seconds, so a token lives up to one second longer.
	time.Sleep(sdkAccessTokenLifetime + 1500*time.Millisecond)
	fe.expect("GET", "/sessioninfo", nil, access, 401, "")
	resp = fe.expect("POST", "/auth/session/refresh", nil, refresh, 200, "")
	newAccess, newRefresh := fe.tokens(resp, "refresh")
	info = fe.expect("GET", "/sessioninfo", nil, newAccess, 200, "")
	if info.body["userId"] != userID {
		t.Fatalf("refreshed session userId %v, expected %s", info.body["userId"], userID)
	}
	if updated := info.header.Get("st-access-token"); updated != "" {
		newAccess = updated
	}
	fe.expect("GET", "/sessioninfo-db", nil, newAccess, 200, "")

	// Reusing the replaced refresh token is token theft: the SDK revokes the session.
	fe.expect("POST", "/auth/session/refresh", nil, refresh, 401, "")
	fe.expect("GET", "/sessioninfo-db", nil, newAccess, 401, "")
	fe.expect("POST", "/auth/session/refresh", nil, newRefresh, 401, "")

	// Sign-out revokes the session in the core.
	resp = fe.expect("POST", "/auth/signin", formFields(email, password), "", 200, "OK")
	access, refresh = fe.tokens(resp, "second sign-in")
	fe.expect("POST", "/auth/signout", nil, access, 200, "OK")
	fe.expect("GET", "/sessioninfo-db", nil, access, 401, "")
	fe.expect("POST", "/auth/session/refresh", nil, refresh, 401, "")

	runPasswordlessFlows(t, srv, fe)
}

func runPasswordlessFlows(t *testing.T, srv *testcore.Server, fe frontend) {
	const email = "pat@example.com"

	// User input code: a wrong code first, then the right one.
	created := fe.expect("POST", "/auth/signinup/code", map[string]any{"email": email}, "", 200,
		"OK")
	deviceID, _ := created.body["deviceId"].(string)
	preAuth, _ := created.body["preAuthSessionId"].(string)
	code, ok := srv.LatestCode(email)
	if !ok {
		t.Fatalf("no passwordless code recorded for %s", email)
	}
	if code.DeviceID != deviceID || code.PreAuthSessionID != preAuth {
		t.Fatalf("LatestCode %+v does not match created device %s", code, created.raw)
	}
	wrong := map[string]any{"preAuthSessionId": preAuth, "deviceId": deviceID,
		"userInputCode": "not-the-code"}
	fe.expect("POST", "/auth/signinup/code/consume", wrong, "", 200,
		"INCORRECT_USER_INPUT_CODE_ERROR")
	right := map[string]any{"preAuthSessionId": preAuth, "deviceId": deviceID,
		"userInputCode": code.UserInputCode}
	resp := fe.expect("POST", "/auth/signinup/code/consume", right, "", 200, "OK")
	access, _ := fe.tokens(resp, "passwordless consume")
	info := fe.expect("GET", "/sessioninfo", nil, access, 200, "")
	firstUserID := info.body["userId"]
	if verified := claimValue(info.body["accessTokenPayload"], "st-ev"); verified != true {
		t.Errorf("st-ev after passwordless sign-in by email: expected true, got %v", verified)
	}

	// Magic link for the same email signs in the same user.
	created = fe.expect("POST", "/auth/signinup/code", map[string]any{"email": email}, "", 200,
		"OK")
	code, _ = srv.LatestCode(email)
	link := map[string]any{"preAuthSessionId": created.body["preAuthSessionId"],
		"linkCode": code.LinkCode}
	resp = fe.expect("POST", "/auth/signinup/code/consume", link, "", 200, "OK")
	access, _ = fe.tokens(resp, "magic link consume")
	info = fe.expect("GET", "/sessioninfo", nil, access, 200, "")
	if info.body["userId"] != firstUserID {
		t.Fatalf("magic link signed in %v, expected the existing user %v", info.body["userId"],
			firstUserID)
	}

	// A used code cannot be consumed again.
	fe.expect("POST", "/auth/signinup/code/consume", link, "", 200, "RESTART_FLOW_ERROR")

	// Phone number.
	const phone = "+14155550123"
	created = fe.expect("POST", "/auth/signinup/code", map[string]any{"phoneNumber": phone}, "",
		200, "OK")
	code, ok = srv.LatestCode(phone)
	if !ok {
		t.Fatalf("no passwordless code recorded for %s", phone)
	}
	resp = fe.expect("POST", "/auth/signinup/code/consume", map[string]any{
		"preAuthSessionId": created.body["preAuthSessionId"],
		"deviceId":         created.body["deviceId"],
		"userInputCode":    code.UserInputCode,
	}, "", 200, "OK")
	access, _ = fe.tokens(resp, "phone consume")
	fe.expect("GET", "/sessioninfo-db", nil, access, 200, "")
}

// TestSDKGoFlows checks the stand-in against supertokens-golang v0.26.0 (CDI 3.1).
func TestSDKGoFlows(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: builds and runs a supertokens-golang backend")
	}
	srv := startRecordedCore(t)
	runSDKFlows(t, srv, goBackend(t, srv.URL()))
}

// TestSDKNodeFlows checks the stand-in against supertokens-node 24.0.3 (CDI 5.4).
func TestSDKNodeFlows(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: installs and runs a supertokens-node backend")
	}
	srv := startRecordedCore(t)
	runSDKFlows(t, srv, nodeBackend(t, srv.URL()))
}

// TestSDKPythonFlows checks the stand-in against supertokens-python 0.31.4 (CDI 5.4).
func TestSDKPythonFlows(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short mode: installs and runs a supertokens-python backend")
	}
	srv := startRecordedCore(t)
	runSDKFlows(t, srv, pythonBackend(t, srv.URL()))
}
