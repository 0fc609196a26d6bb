package testcore_test

import (
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"strings"
	"testing"

	"create-supertokens-app/internal/testcore"
)

// coreClient sends core API requests the way an SDK does.
type coreClient struct {
	t        *testing.T
	base     string
	cdi      string
	apiKey   string
	recorder *warningRecorder
}

// newCore starts a stand-in for one test and returns a client speaking CDI cdi.
func newCore(t *testing.T, opts testcore.Options, cdi string) (*testcore.Server, coreClient) {
	t.Helper()
	recorder := &warningRecorder{t: t}
	opts.Logger = slog.New(recorder)
	srv, err := testcore.Start(opts)
	if err != nil {
		t.Fatalf("start testcore: %v", err)
	}
	t.Cleanup(func() {
		err := srv.Close()
		if err != nil {
			t.Errorf("close testcore: %v", err)
		}
	})
	return srv, coreClient{t: t, base: srv.URL(), cdi: cdi, apiKey: opts.APIKey,
		recorder: recorder}
}

// withCDI returns a client for the same server speaking another CDI version.
func (c coreClient) withCDI(cdi string) coreClient {
	c.cdi = cdi
	return c
}

// do sends a request and returns the HTTP status and raw body.
func (c coreClient) do(method, path string, body any, header map[string]string) (int, []byte) {
	c.t.Helper()
	var reader io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			c.t.Fatalf("encode body for %s: %v", path, err)
		}
		reader = bytes.NewReader(data)
	}

	req, err := http.NewRequest(method, c.base+path, reader)
	if err != nil {
		c.t.Fatalf("build %s %s: %v", method, path, err)
	}
	if c.cdi != "" {
		req.Header.Set("cdi-version", c.cdi)
	}
	if c.apiKey != "" {
		req.Header.Set("api-key", c.apiKey)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
	}
	for key, value := range header {
		req.Header.Set(key, value)
	}

	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		c.t.Fatalf("read %s %s: %v", method, path, err)
	}
	return resp.StatusCode, raw
}

// json sends a request that must succeed with HTTP 200 and returns the decoded JSON body.
func (c coreClient) json(method, path string, body any) map[string]any {
	c.t.Helper()
	status, raw := c.do(method, path, body, nil)
	if status != http.StatusOK {
		c.t.Fatalf("expected HTTP 200, got %s", describe(method, path, status, raw))
	}
	out := map[string]any{}
	err := json.Unmarshal(raw, &out)
	if err != nil {
		c.t.Fatalf("%s %s returned invalid JSON %q: %v", method, path, raw, err)
	}
	return out
}

// expectStatus sends a request and checks its SuperTokens status field.
func (c coreClient) expectStatus(method, path string, body any, status string) map[string]any {
	c.t.Helper()
	out := c.json(method, path, body)
	if out["status"] != status {
		c.t.Fatalf("%s %s: expected status %s, got %v", method, path, status, out)
	}
	return out
}

// expectHTTP sends a request that must fail with an HTTP status and returns the text body.
func (c coreClient) expectHTTP(method, path string, body any, status int) string {
	c.t.Helper()
	got, raw := c.do(method, path, body, nil)
	if got != status {
		c.t.Fatalf("expected HTTP %d, got %s", status, describe(method, path, got, raw))
	}
	return string(raw)
}

func (c coreClient) signUp(email, password string) map[string]any {
	c.t.Helper()
	return c.expectStatus("POST", "/public/recipe/signup",
		map[string]any{"email": email, "password": password}, "OK")
}

// createSession creates a session and returns the response.
func (c coreClient) createSession(userID string, dynamicKey bool) map[string]any {
	c.t.Helper()
	return c.expectStatus("POST", "/public/recipe/session", map[string]any{
		"userId":               userID,
		"userDataInJWT":        map[string]any{"iss": "http://api.example"},
		"userDataInDatabase":   map[string]any{},
		"useDynamicSigningKey": dynamicKey,
		"enableAntiCsrf":       false,
	}, "OK")
}

// str reads a nested string field such as ("accessToken", "token").
func str(t *testing.T, body map[string]any, path ...string) string {
	t.Helper()
	var value any = body
	for _, key := range path {
		object, ok := value.(map[string]any)
		if !ok {
			t.Fatalf("field %v: %v is not an object", path, value)
		}
		value = object[key]
	}
	s, ok := value.(string)
	if !ok {
		t.Fatalf("field %v: expected a string, got %v (%T)", path, value, value)
	}
	return s
}

// decodedJWT is a JWT split into header and claims, with its signature checked.
type decodedJWT struct {
	header map[string]any
	claims map[string]any
}

// verifyWithJWKS checks a JWT's RS256 signature against the stand-in's JWKS, as the SDKs do.
func verifyWithJWKS(t *testing.T, c coreClient, token string) decodedJWT {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token %q does not have 3 parts", token)
	}
	out := decodedJWT{header: decodeSegment(t, parts[0]), claims: decodeSegment(t, parts[1])}
	kid, _ := out.header["kid"].(string)

	status, raw := c.do("GET", "/.well-known/jwks.json", nil, nil)
	if status != http.StatusOK {
		t.Fatalf("JWKS: %s", describe("GET", "/.well-known/jwks.json", status, raw))
	}
	var jwks struct {
		Keys []map[string]string `json:"keys"`
	}
	err := json.Unmarshal(raw, &jwks)
	if err != nil {
		t.Fatalf("decode JWKS %s: %v", raw, err)
	}
	for _, key := range jwks.Keys {
		if key["kid"] != kid {
			continue
		}
		public := &rsa.PublicKey{
			N: new(big.Int).SetBytes(decodeBase64(t, key["n"])),
			E: int(new(big.Int).SetBytes(decodeBase64(t, key["e"])).Int64()),
		}
		digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
		err := rsa.VerifyPKCS1v15(public, crypto.SHA256, digest[:], decodeBase64(t, parts[2]))
		if err != nil {
			t.Fatalf("signature of token with kid %s does not verify: %v", kid, err)
		}
		return out
	}
	t.Fatalf("kid %q of token is not in the JWKS %s", kid, raw)
	return out
}

func decodeBase64(t *testing.T, s string) []byte {
	t.Helper()
	data, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("decode base64url %q: %v", s, err)
	}
	return data
}

func decodeSegment(t *testing.T, s string) map[string]any {
	t.Helper()
	out := map[string]any{}
	err := json.Unmarshal(decodeBase64(t, s), &out)
	if err != nil {
		t.Fatalf("decode JWT segment %q: %v", s, err)
	}
	return out
}
