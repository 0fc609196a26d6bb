package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
)

// WebsiteOrigin is the website origin that generated backends allow by default, and the
// Origin of the preflight.
const WebsiteOrigin = "http://localhost:3000"

// preflightHeaders are the request headers the SuperTokens frontend SDKs send to the API.
var preflightHeaders = []string{"content-type", "rid", "fdi-version", "st-auth-mode"}

// requiredAllowHeaders must be allowed by the preflight response; content-type is left out
// because browsers send its CORS-safelisted values without a preflight permission.
var requiredAllowHeaders = []string{"rid", "fdi-version", "st-auth-mode"}

// Response is the part of an HTTP response that checks look at.
type Response struct {
	Status int
	Header http.Header
	Body   string
}

// Check is one request to a running server and the rule its response must satisfy.
type Check struct {
	Name   string
	Method string
	Path   string
	Header map[string]string
	Expect func(Response) error
}

// ServerChecks returns the checks of a stack's API server: the CORS preflight of the
// sign-up route, 401 without a session, 404 for unknown routes, and 401 for a garbage
// access token after which the server still answers.
func ServerChecks(e Endpoints, origin string) []Check {
	return []Check{
		{
			Name:   "preflight",
			Method: http.MethodOptions,
			Path:   e.APIBasePath + "/signup",
			Header: map[string]string{
				"Origin":                         origin,
				"Access-Control-Request-Method":  http.MethodPost,
				"Access-Control-Request-Headers": strings.Join(preflightHeaders, ","),
			},
			Expect: func(r Response) error { return ExpectPreflight(r, origin) },
		},
		{Name: "no session", Method: http.MethodGet, Path: e.SessionPath,
			Expect: ExpectStatus(http.StatusUnauthorized)},
		{Name: "unknown route", Method: http.MethodGet, Path: "/no-such-route",
			Expect: ExpectStatus(http.StatusNotFound)},
		{Name: "unknown auth route", Method: http.MethodGet,
			Path: e.APIBasePath + "/no-such-route", Expect: ExpectStatus(http.StatusNotFound)},
		{Name: "garbage token", Method: http.MethodGet, Path: e.SessionPath,
			Header: map[string]string{"Cookie": "sAccessToken=garbage"},
			Expect: ExpectStatus(http.StatusUnauthorized)},
		{Name: "alive after garbage token", Method: http.MethodGet, Path: e.SessionPath,
			Expect: ExpectStatus(http.StatusUnauthorized)},
	}
}

// ExpectStatus returns a rule that accepts only the given status code.
func ExpectStatus(want int) func(Response) error {
	return func(r Response) error {
		if r.Status != want {
			return fmt.Errorf("status %d, expected %d%s", r.Status, want, bodyHint(r.Body))
		}
		return nil
	}
}

// ExpectPreflight accepts a preflight response that lets the website origin send
// credentialed requests with the SuperTokens headers: a 2xx status, the exact origin
// (never "*"), credentials allowed and every header of requiredAllowHeaders allowed.
func ExpectPreflight(r Response, origin string) error {
	if r.Status < 200 || r.Status > 299 {
		return fmt.Errorf("status %d, expected 2xx%s", r.Status, bodyHint(r.Body))
	}
	allowOrigin := r.Header.Values("Access-Control-Allow-Origin")
	if len(allowOrigin) != 1 || allowOrigin[0] != origin {
		return fmt.Errorf("Access-Control-Allow-Origin is %s, expected %q",
			describeValues(allowOrigin), origin)
	}
	allowCredentials := r.Header.Get("Access-Control-Allow-Credentials")
	if allowCredentials != "true" {
		return fmt.Errorf("Access-Control-Allow-Credentials is %q, expected \"true\"",
			allowCredentials)
	}
	allowed := HeaderTokens(r.Header, "Access-Control-Allow-Headers")
	var missing []string
	for _, h := range requiredAllowHeaders {
		if !allowed[h] {
			missing = append(missing, h)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("Access-Control-Allow-Headers %s lacks %s",
			describeValues(r.Header.Values("Access-Control-Allow-Headers")),
			strings.Join(missing, ", "))
	}
	return nil
}

// HeaderTokens returns the lower-cased comma-separated tokens of every line of a header.
func HeaderTokens(h http.Header, name string) map[string]bool {
	tokens := map[string]bool{}
	for _, line := range h.Values(name) {
		for _, t := range strings.Split(line, ",") {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
				tokens[t] = true
			}
		}
	}
	return tokens
}

func describeValues(values []string) string {
	switch len(values) {
	case 0:
		return "missing"
	case 1:
		return fmt.Sprintf("%q", values[0])
	}
	return fmt.Sprintf("%q (%d header lines)", values, len(values))
}

// bodyHint returns the start of a response body for an error message.
func bodyHint(body string) string {
	body = strings.Join(strings.Fields(body), " ")
	if body == "" {
		return ""
	}
	if len(body) > 120 {
		body = body[:120] + "..."
	}
	return ": " + body
}

// CheckResult is the outcome of one check.
type CheckResult struct {
	Check Check
	Err   error
}

// requestTimeout bounds each check's request; the first request to a server may compile
// or warm up a route, which is slow on a busy machine.
const requestTimeout = 60 * time.Second

// maxBody is how much of a response body is kept for messages and logs.
const maxBody = 4096

// newClient returns an HTTP client that never uses a proxy, never follows redirects and
// opens a new connection per request.
func newClient() *http.Client {
	return &http.Client{
		Timeout:   requestTimeout,
		Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// RunChecks sends every check to baseURL, logs each exchange to log and returns the
// results in order.
func RunChecks(ctx context.Context, baseURL string, checks []Check, log io.Writer) []CheckResult {
	client := newClient()
	results := make([]CheckResult, 0, len(checks))
	for _, c := range checks {
		resp, err := send(ctx, client, baseURL, c)
		if err == nil {
			err = c.Expect(resp)
		}
		logExchange(log, c, resp, err)
		results = append(results, CheckResult{Check: c, Err: err})
	}
	return results
}

func send(ctx context.Context, client *http.Client, baseURL string, c Check) (Response,
	error) {
	req, err := http.NewRequestWithContext(ctx, c.Method, baseURL+c.Path, nil)
	if err != nil {
		return Response{}, err
	}
	for k, v := range c.Header {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("request failed: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return Response{}, fmt.Errorf("reading the response body failed: %w", err)
	}
	return Response{Status: resp.StatusCode, Header: resp.Header, Body: string(body)}, nil
}

func logExchange(w io.Writer, c Check, r Response, err error) {
	fmt.Fprintf(w, "== %s: %s %s\n", c.Name, c.Method, c.Path)
	for _, k := range slices.Sorted(maps.Keys(c.Header)) {
		fmt.Fprintf(w, "> %s: %s\n", k, c.Header[k])
	}
	if r.Status != 0 {
		fmt.Fprintf(w, "< %d\n", r.Status)
		for _, k := range slices.Sorted(maps.Keys(r.Header)) {
			for _, v := range r.Header[k] {
				fmt.Fprintf(w, "< %s: %s\n", k, v)
			}
		}
		if r.Body != "" {
			fmt.Fprintf(w, "< %s\n", strings.TrimSpace(r.Body))
		}
	}
	if err != nil {
		fmt.Fprintf(w, "FAIL: %v\n\n", err)
	} else {
		fmt.Fprintf(w, "ok\n\n")
	}
}

// FailedChecks returns the results that did not pass.
func FailedChecks(results []CheckResult) []CheckResult {
	var failed []CheckResult
	for _, r := range results {
		if r.Err != nil {
			failed = append(failed, r)
		}
	}
	return failed
}
