package main

import (
	"net/http"
	"strings"
	"testing"
)

func preflightResponse() Response {
	h := http.Header{}
	h.Set("Access-Control-Allow-Origin", WebsiteOrigin)
	h.Set("Access-Control-Allow-Credentials", "true")
	h.Set("Access-Control-Allow-Headers", "content-type, RID, fdi-version")
	h.Add("Access-Control-Allow-Headers", "st-auth-mode")
	return Response{Status: http.StatusNoContent, Header: h}
}

func TestExpectPreflightAccepts(t *testing.T) {
	if err := ExpectPreflight(preflightResponse(), WebsiteOrigin); err != nil {
		t.Errorf("valid preflight rejected: %v", err)
	}
}

func TestExpectPreflightRejects(t *testing.T) {
	cases := []struct {
		name    string
		change  func(*Response)
		message string
	}{
		{"status 404", func(r *Response) { r.Status = 404 }, "status 404"},
		{"wildcard origin", func(r *Response) {
			r.Header.Set("Access-Control-Allow-Origin", "*")
		}, `"*"`},
		{"missing origin", func(r *Response) {
			r.Header.Del("Access-Control-Allow-Origin")
		}, "Access-Control-Allow-Origin is missing"},
		{"two origins", func(r *Response) {
			r.Header.Add("Access-Control-Allow-Origin", WebsiteOrigin)
		}, "2 header lines"},
		{"no credentials", func(r *Response) {
			r.Header.Del("Access-Control-Allow-Credentials")
		}, "Access-Control-Allow-Credentials"},
		{"missing sdk headers", func(r *Response) {
			r.Header.Set("Access-Control-Allow-Headers", "content-type")
		}, "lacks rid, fdi-version, st-auth-mode"},
		{"wildcard headers", func(r *Response) {
			r.Header.Set("Access-Control-Allow-Headers", "*")
		}, "lacks rid"},
	}
	for _, c := range cases {
		r := preflightResponse()
		c.change(&r)
		err := ExpectPreflight(r, WebsiteOrigin)
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		if !strings.Contains(err.Error(), c.message) {
			t.Errorf("%s: error %q does not contain %q", c.name, err, c.message)
		}
	}
}

func TestExpectStatus(t *testing.T) {
	expect := ExpectStatus(http.StatusUnauthorized)
	if err := expect(Response{Status: 401}); err != nil {
		t.Errorf("401 rejected: %v", err)
	}
	err := expect(Response{Status: 500, Body: "Error: Initialisation not done\n  at x"})
	if err == nil {
		t.Fatal("500 accepted")
	}
	if want := "status 500, expected 401: Error: Initialisation not done at x"; err.Error() != want {
		t.Errorf("message = %q, want %q", err, want)
	}
}

func TestHeaderTokens(t *testing.T) {
	h := http.Header{}
	h.Add("Access-Control-Allow-Headers", " Content-Type ,rid,,")
	h.Add("Access-Control-Allow-Headers", "FDI-Version")
	got := HeaderTokens(h, "Access-Control-Allow-Headers")
	for _, want := range []string{"content-type", "rid", "fdi-version"} {
		if !got[want] {
			t.Errorf("token %q missing from %v", want, got)
		}
	}
	if len(got) != 3 {
		t.Errorf("got %d tokens, want 3: %v", len(got), got)
	}
}

func TestServerChecksPaths(t *testing.T) {
	split := ServerChecks(EndpointsFor(Stack{Name: "react+express", Frontend: "react",
		Backend: "express", Kind: KindSPA}), WebsiteOrigin)
	full := ServerChecks(EndpointsFor(Stack{Name: "sveltekit", Frontend: "sveltekit",
		Kind: KindFullstack}), WebsiteOrigin)
	paths := func(checks []Check) string {
		var p []string
		for _, c := range checks {
			p = append(p, c.Method+" "+c.Path)
		}
		return strings.Join(p, ", ")
	}
	wantSplit := "OPTIONS /auth/signup, GET /sessioninfo, GET /no-such-route, " +
		"GET /auth/no-such-route, GET /sessioninfo, GET /sessioninfo"
	if got := paths(split); got != wantSplit {
		t.Errorf("split checks = %s, want %s", got, wantSplit)
	}
	wantFull := "OPTIONS /api/auth/signup, GET /api/sessioninfo, GET /no-such-route, " +
		"GET /api/auth/no-such-route, GET /api/sessioninfo, GET /api/sessioninfo"
	if got := paths(full); got != wantFull {
		t.Errorf("fullstack checks = %s, want %s", got, wantFull)
	}
	if split[4].Header["Cookie"] != "sAccessToken=garbage" {
		t.Errorf("garbage token check sends %v", split[4].Header)
	}
}
