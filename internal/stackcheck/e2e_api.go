package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"time"
)

// The API flow talks to a backend the way a browser with supertokens-auth-react does, in
// cookie mode: the SDK sets sAccessToken (path /) and sRefreshToken (path
// <apiBasePath>/session/refresh) as host-only cookies of localhost, and a cookie jar
// sends them back, so the cookie attributes the backend sets are exercised as well.

// FrontToken is the decoded front-token header: the user id, the access token's expiry
// and its payload, which the SDK exposes to frontend code.
type FrontToken struct {
	UserID string `json:"uid"`
	// ExpiryMillis is the access token's expiry in Unix milliseconds.
	ExpiryMillis int64          `json:"ate"`
	Payload      map[string]any `json:"up"`
}

// Expiry returns the access token's expiry as a time.
func (t FrontToken) Expiry() time.Time { return time.UnixMilli(t.ExpiryMillis) }

// DecodeFrontToken decodes a front-token header value: base64 (standard alphabet, padding
// optional) of a JSON object with uid, ate and up.
func DecodeFrontToken(value string) (FrontToken, error) {
	value = strings.TrimSpace(value)
	if value == "" || value == "remove" {
		return FrontToken{}, fmt.Errorf("front-token is %q, expected a token", value)
	}
	raw, err := base64.StdEncoding.DecodeString(value)
	if err != nil {
		raw, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(value, "="))
	}
	if err != nil {
		return FrontToken{}, fmt.Errorf("front-token is not base64: %w", err)
	}
	var t FrontToken
	if err := json.Unmarshal(raw, &t); err != nil {
		return FrontToken{}, fmt.Errorf("front-token is not a JSON object: %w", err)
	}
	if t.UserID == "" || t.ExpiryMillis == 0 {
		return FrontToken{}, fmt.Errorf("front-token %s lacks uid or ate", raw)
	}
	return t, nil
}

// authResponse is the body of the sign-up, sign-in and passwordless consume APIs. Every
// pinned SDK returns the user's id in user.id, whatever the frontend API version.
type authResponse struct {
	Status string `json:"status"`
	User   struct {
		ID string `json:"id"`
	} `json:"user"`
}

// sessionInfo is the body of the backends' GET /sessioninfo.
type sessionInfo struct {
	SessionHandle string `json:"sessionHandle"`
	UserID        string `json:"userId"`
}

// APIFlow sends the requests of the API flow to one server and logs every exchange.
type APIFlow struct {
	BaseURL   string
	Endpoints Endpoints
	// Origin is the website origin, sent as the Origin header as a browser would.
	Origin string
	Log    io.Writer

	client *http.Client
}

// apiResponse is a response with its body read.
type apiResponse struct {
	Status int
	Header http.Header
	Body   []byte
}

// NewAPIFlow returns a flow with an empty cookie jar.
func NewAPIFlow(baseURL string, e Endpoints, origin string, log io.Writer) *APIFlow {
	f := &APIFlow{BaseURL: baseURL, Endpoints: e, Origin: origin, Log: log}
	f.ResetCookies()
	return f
}

// ResetCookies starts a new, empty cookie jar, like a new browser profile.
func (f *APIFlow) ResetCookies() {
	jar, _ := cookiejar.New(nil) // New never fails without options.
	f.client = newClient()
	f.client.Jar = jar
}

func (f *APIFlow) send(ctx context.Context, method, path string, header map[string]string,
	body any) (apiResponse, error) {
	var reader io.Reader
	var raw []byte
	if body != nil {
		var err error
		if raw, err = json.Marshal(body); err != nil {
			return apiResponse{}, err
		}
		reader = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, f.BaseURL+path, reader)
	if err != nil {
		return apiResponse{}, err
	}
	req.Header.Set("Origin", f.Origin)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	fmt.Fprintf(f.Log, "> %s %s\n", method, path)
	for _, c := range f.client.Jar.Cookies(req.URL) {
		fmt.Fprintf(f.Log, "> cookie %s (%d bytes)\n", c.Name, len(c.Value))
	}
	if req.Header.Get("Cookie") != "" {
		fmt.Fprintf(f.Log, "> Cookie: %s\n", shorten(req.Header.Get("Cookie"), 60))
	}
	if raw != nil {
		fmt.Fprintf(f.Log, "> %s\n", raw)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		fmt.Fprintf(f.Log, "request failed: %v\n\n", err)
		return apiResponse{}, fmt.Errorf("%s %s failed: %w", method, path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return apiResponse{}, fmt.Errorf("reading the body of %s %s failed: %w", method, path,
			err)
	}
	fmt.Fprintf(f.Log, "< %d\n", resp.StatusCode)
	for _, name := range []string{"Set-Cookie", "Front-Token", "Access-Control-Allow-Origin",
		"Access-Control-Expose-Headers"} {
		for _, v := range resp.Header.Values(name) {
			fmt.Fprintf(f.Log, "< %s: %s\n", name, shorten(v, 160))
		}
	}
	fmt.Fprintf(f.Log, "< %s\n\n", strings.TrimSpace(string(data)))
	return apiResponse{Status: resp.StatusCode, Header: resp.Header, Body: data}, nil
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// expectStatus returns an error naming the request when the status differs from want.
func expectStatus(what string, r apiResponse, want int) error {
	if r.Status != want {
		return fmt.Errorf("%s: status %d, expected %d%s", what, r.Status, want,
			bodyHint(string(r.Body)))
	}
	return nil
}

func emailPasswordBody(email, password string) map[string]any {
	return map[string]any{"formFields": []map[string]string{
		{"id": "email", "value": email},
		{"id": "password", "value": password},
	}}
}

// authenticate posts to an email-password API (signup or signin) and returns the
// response's status field, the user id and the decoded front-token. The front-token is
// only decoded when the status is OK.
func (f *APIFlow) authenticate(ctx context.Context, api, email, password string) (string,
	string, FrontToken, error) {
	what := "POST " + f.Endpoints.APIBasePath + "/" + api
	r, err := f.send(ctx, http.MethodPost, f.Endpoints.APIBasePath+"/"+api,
		map[string]string{"rid": "emailpassword", "st-auth-mode": "cookie"},
		emailPasswordBody(email, password))
	if err != nil {
		return "", "", FrontToken{}, err
	}
	if err := expectStatus(what, r, http.StatusOK); err != nil {
		return "", "", FrontToken{}, err
	}
	var body authResponse
	if err := json.Unmarshal(r.Body, &body); err != nil {
		return "", "", FrontToken{}, fmt.Errorf("%s: invalid JSON: %w", what, err)
	}
	if body.Status != "OK" {
		return body.Status, "", FrontToken{}, nil
	}
	token, err := DecodeFrontToken(r.Header.Get("Front-Token"))
	if err != nil {
		return body.Status, body.User.ID, token, fmt.Errorf("%s: %w", what, err)
	}
	if err := expectCookies(what, r.Header, "sAccessToken", "sRefreshToken"); err != nil {
		return body.Status, body.User.ID, token, err
	}
	if err := ExpectBrowserReadable(r.Header, f.Origin); err != nil {
		return body.Status, body.User.ID, token, fmt.Errorf("%s: %w", what, err)
	}
	if token.UserID != body.User.ID {
		return body.Status, body.User.ID, token, fmt.Errorf(
			"%s: front-token uid %q differs from user.id %q", what, token.UserID, body.User.ID)
	}
	return body.Status, body.User.ID, token, nil
}

// expectCookies checks that the response sets every named cookie to a non-empty value.
func expectCookies(what string, h http.Header, names ...string) error {
	set := map[string]bool{}
	for _, c := range (&http.Response{Header: h}).Cookies() {
		if c.Value != "" {
			set[c.Name] = true
		}
	}
	var missing []string
	for _, n := range names {
		if !set[n] {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: no Set-Cookie for %s", what, strings.Join(missing, ", "))
	}
	return nil
}

// ExpectBrowserReadable checks what a browser on origin needs from a credentialed
// response that creates a session: CORS that allows exactly origin with credentials and
// exposes front-token (else the frontend SDK cannot see the session), and session cookies
// that are HttpOnly, SameSite=Lax and not Secure, because website and API are both on
// http://localhost, one site.
func ExpectBrowserReadable(h http.Header, origin string) error {
	if got := h.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != origin {
		return fmt.Errorf("Access-Control-Allow-Origin is %s, expected %q",
			describeValues(got), origin)
	}
	if got := h.Get("Access-Control-Allow-Credentials"); got != "true" {
		return fmt.Errorf("Access-Control-Allow-Credentials is %q, expected \"true\"", got)
	}
	if !HeaderTokens(h, "Access-Control-Expose-Headers")["front-token"] {
		return fmt.Errorf("Access-Control-Expose-Headers %s lacks front-token",
			describeValues(h.Values("Access-Control-Expose-Headers")))
	}
	for _, c := range (&http.Response{Header: h}).Cookies() {
		if c.Name != "sAccessToken" && c.Name != "sRefreshToken" {
			continue
		}
		if !c.HttpOnly || c.Secure || c.SameSite != http.SameSiteLaxMode {
			return fmt.Errorf("cookie %s has HttpOnly=%t Secure=%t SameSite=%s, expected "+
				"HttpOnly, not Secure, SameSite=Lax on http://localhost", c.Name, c.HttpOnly,
				c.Secure, sameSiteName(c.SameSite))
		}
	}
	return nil
}

func sameSiteName(mode http.SameSite) string {
	switch mode {
	case http.SameSiteLaxMode:
		return "Lax"
	case http.SameSiteStrictMode:
		return "Strict"
	case http.SameSiteNoneMode:
		return "None"
	}
	return "unset"
}

// SessionInfo calls the protected route and returns the status and, on 200, the user id.
func (f *APIFlow) SessionInfo(ctx context.Context) (int, string, error) {
	r, err := f.send(ctx, http.MethodGet, f.Endpoints.SessionPath, nil, nil)
	if err != nil {
		return 0, "", err
	}
	if r.Status != http.StatusOK {
		return r.Status, "", nil
	}
	var body sessionInfo
	if err := json.Unmarshal(r.Body, &body); err != nil {
		return r.Status, "", fmt.Errorf("GET %s: invalid JSON: %w", f.Endpoints.SessionPath,
			err)
	}
	if body.UserID == "" || body.SessionHandle == "" {
		return r.Status, "", fmt.Errorf("GET %s: userId or sessionHandle missing%s",
			f.Endpoints.SessionPath, bodyHint(string(r.Body)))
	}
	return r.Status, body.UserID, nil
}

// expectSession checks that the protected route returns 200 with userID.
func (f *APIFlow) expectSession(ctx context.Context, userID string) error {
	status, got, err := f.SessionInfo(ctx)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("GET %s: status %d, expected 200", f.Endpoints.SessionPath, status)
	}
	if got != userID {
		return fmt.Errorf("GET %s: userId %q, expected %q", f.Endpoints.SessionPath, got,
			userID)
	}
	return nil
}

// expectNoSession checks that the protected route returns 401.
func (f *APIFlow) expectNoSession(ctx context.Context) error {
	status, _, err := f.SessionInfo(ctx)
	if err != nil {
		return err
	}
	if status != http.StatusUnauthorized {
		return fmt.Errorf("GET %s: status %d, expected 401", f.Endpoints.SessionPath, status)
	}
	return nil
}

// refreshCookie returns the sRefreshToken the jar would send to the refresh API.
func (f *APIFlow) refreshCookie() string {
	req, _ := http.NewRequest(http.MethodPost, f.BaseURL+f.refreshPath(), nil)
	for _, c := range f.client.Jar.Cookies(req.URL) {
		if c.Name == "sRefreshToken" {
			return c.Value
		}
	}
	return ""
}

func (f *APIFlow) refreshPath() string { return f.Endpoints.APIBasePath + "/session/refresh" }

// Refresh posts to the refresh API with the jar's cookies, or with the given refresh
// token when it is not empty, and returns the response.
func (f *APIFlow) Refresh(ctx context.Context, refreshToken string) (apiResponse, error) {
	header := map[string]string{"rid": "session"}
	if refreshToken != "" {
		header["Cookie"] = "sRefreshToken=" + refreshToken
	}
	return f.send(ctx, http.MethodPost, f.refreshPath(), header, nil)
}

// APIFlowResult is what the API flow learned.
type APIFlowResult struct {
	UserID string
	// Waited is how long the flow waited for the access token to expire.
	Waited time.Duration
}

// StepError is an error of one named step of a flow.
type StepError struct {
	Step string
	Err  error
}

func (e *StepError) Error() string { return e.Step + ": " + e.Err.Error() }
func (e *StepError) Unwrap() error { return e.Err }

// RunEmailPassword runs the whole email-password flow: sign up, a duplicate sign-up and a
// wrong password rejected, sign in, the session, expiry (401), refresh, the session again,
// sign out (401 and the old refresh token rejected).
func (f *APIFlow) RunEmailPassword(ctx context.Context, email, password string) (
	APIFlowResult, error) {
	var res APIFlowResult
	fail := func(step string, err error) (APIFlowResult, error) {
		fmt.Fprintf(f.Log, "FAIL %s: %v\n\n", step, err)
		return res, &StepError{Step: step, Err: err}
	}
	section := func(name string) { fmt.Fprintf(f.Log, "== %s\n", name) }

	section("sign up")
	status, userID, _, err := f.authenticate(ctx, "signup", email, password)
	if err == nil && status != "OK" {
		err = fmt.Errorf("status %q, expected OK", status)
	}
	if err != nil {
		return fail("sign up", err)
	}
	res.UserID = userID
	if err := f.expectSession(ctx, userID); err != nil {
		return fail("session after sign up", err)
	}

	section("duplicate sign up and wrong password")
	f.ResetCookies()
	if status, _, _, err = f.authenticate(ctx, "signup", email, password); err == nil &&
		status != "FIELD_ERROR" {
		err = fmt.Errorf("status %q, expected FIELD_ERROR", status)
	}
	if err != nil {
		return fail("duplicate sign up", err)
	}
	if status, _, _, err = f.authenticate(ctx, "signin", email, password+"-wrong"); err == nil &&
		status != "WRONG_CREDENTIALS_ERROR" {
		err = fmt.Errorf("status %q, expected WRONG_CREDENTIALS_ERROR", status)
	}
	if err != nil {
		return fail("wrong password", err)
	}

	section("sign in")
	status, signInID, token, err := f.authenticate(ctx, "signin", email, password)
	if err == nil && status != "OK" {
		err = fmt.Errorf("status %q, expected OK", status)
	}
	if err == nil && signInID != userID {
		err = fmt.Errorf("user id %q, expected the sign-up's %q", signInID, userID)
	}
	if err != nil {
		return fail("sign in", err)
	}
	if err := f.expectSession(ctx, userID); err != nil {
		return fail("session", err)
	}

	section("expiry")
	// The SDKs check the JWT's exp in whole seconds, so wait a little past the expiry.
	wait := time.Until(token.Expiry()) + 1500*time.Millisecond
	fmt.Fprintf(f.Log, "waiting %s for the access token to expire at %s\n\n",
		wait.Round(time.Millisecond), token.Expiry().Format(time.TimeOnly))
	start := time.Now()
	select {
	case <-ctx.Done():
		return fail("expiry", ctx.Err())
	case <-time.After(max(wait, 0)):
	}
	res.Waited = time.Since(start)
	if err := f.expectNoSession(ctx); err != nil {
		return fail("expired access token", err)
	}

	section("refresh")
	if f.refreshCookie() == "" {
		return fail("refresh", fmt.Errorf("the cookie jar has no sRefreshToken for %s; "+
			"check the cookie's path", f.refreshPath()))
	}
	r, err := f.Refresh(ctx, "")
	if err == nil {
		err = expectStatus("POST "+f.refreshPath(), r, http.StatusOK)
	}
	if err == nil {
		err = expectCookies("POST "+f.refreshPath(), r.Header, "sAccessToken", "sRefreshToken")
	}
	if err != nil {
		return fail("refresh", err)
	}
	if err := f.expectSession(ctx, userID); err != nil {
		return fail("session after refresh", err)
	}
	newRefreshToken := f.refreshCookie()

	section("sign out")
	r, err = f.send(ctx, http.MethodPost, f.Endpoints.APIBasePath+"/signout",
		map[string]string{"rid": "session"}, nil)
	if err == nil {
		err = expectStatus("POST "+f.Endpoints.APIBasePath+"/signout", r, http.StatusOK)
	}
	if err != nil {
		return fail("sign out", err)
	}
	if err := f.expectNoSession(ctx); err != nil {
		return fail("session after sign out", errors.Join(err,
			errors.New("the sign-out response did not clear the access token cookie")))
	}
	f.ResetCookies()
	r, err = f.Refresh(ctx, newRefreshToken)
	if err == nil {
		err = expectStatus("POST "+f.refreshPath()+" with the signed-out refresh token", r,
			http.StatusUnauthorized)
	}
	if err != nil {
		return fail("refresh after sign out", err)
	}
	return res, nil
}
