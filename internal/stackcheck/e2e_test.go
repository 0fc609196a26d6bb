package main

import (
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestDecodeFrontToken(t *testing.T) {
	raw := `{"uid":"u-1","ate":1796401670000,"up":{"sub":"u-1"}}`
	for name, value := range map[string]string{
		"padded":   base64.StdEncoding.EncodeToString([]byte(raw)),
		"unpadded": base64.RawStdEncoding.EncodeToString([]byte(raw)),
	} {
		t.Run(name, func(t *testing.T) {
			token, err := DecodeFrontToken(value)
			if err != nil {
				t.Fatalf("DecodeFrontToken: %v", err)
			}
			if token.UserID != "u-1" {
				t.Errorf("UserID = %q, expected u-1", token.UserID)
			}
			if want := time.UnixMilli(1796401670000); !token.Expiry().Equal(want) {
				t.Errorf("Expiry = %s, expected %s", token.Expiry(), want)
			}
			if token.Payload["sub"] != "u-1" {
				t.Errorf("Payload = %v, expected sub u-1", token.Payload)
			}
		})
	}
}

func TestDecodeFrontTokenRejectsInvalid(t *testing.T) {
	for name, value := range map[string]string{
		"empty":       "",
		"removed":     "remove",
		"not base64":  "!!!",
		"not JSON":    base64.StdEncoding.EncodeToString([]byte("uid")),
		"without uid": base64.StdEncoding.EncodeToString([]byte(`{"ate":1}`)),
		"without ate": base64.StdEncoding.EncodeToString([]byte(`{"uid":"u"}`)),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := DecodeFrontToken(value); err == nil {
				t.Errorf("DecodeFrontToken(%q) succeeded, expected an error", value)
			}
		})
	}
}

func TestExpectCookiesNamesMissing(t *testing.T) {
	h := http.Header{}
	h.Add("Set-Cookie", "sAccessToken=abc; Path=/; HttpOnly")
	h.Add("Set-Cookie", "sRefreshToken=; Path=/auth/session/refresh; Expires=Thu, 01 Jan 1970 00:00:00 GMT")
	if err := expectCookies("sign in", h, "sAccessToken"); err != nil {
		t.Errorf("sAccessToken: %v", err)
	}
	err := expectCookies("sign in", h, "sAccessToken", "sRefreshToken")
	if err == nil {
		t.Fatal("a cleared sRefreshToken passed, expected an error")
	}
	if !strings.Contains(err.Error(), "sRefreshToken") {
		t.Errorf("error %q does not name sRefreshToken", err)
	}
}

func TestE2ECasesAddPasswordless(t *testing.T) {
	stacks := []Stack{
		{Name: "react+express", Frontend: "react", Backend: "express", Kind: KindSPA},
		{Name: "react+go-http", Frontend: "react", Backend: "go-http", Kind: KindSPA},
		{Name: "next", Frontend: "next", Kind: KindFullstack},
	}
	cases := E2ECases(stacks)
	var names []string
	for _, c := range cases {
		names = append(names, c.Name())
	}
	want := "react+express, react+go-http, next, react+express passwordless, " +
		"react+express multifactorauth"
	if got := strings.Join(names, ", "); got != want {
		t.Errorf("cases = %s, expected %s", got, want)
	}
	last := cases[len(cases)-2]
	if last.Folder() != "react-express-passwordless" {
		t.Errorf("Folder = %q, expected react-express-passwordless", last.Folder())
	}
	if last.ReportStack().Name != "react+express passwordless" {
		t.Errorf("ReportStack().Name = %q", last.ReportStack().Name)
	}
	if last.Stack.Slug() != "react-express" {
		t.Errorf("the generated app name changed to %q", last.Stack.Slug())
	}
}

func TestE2ECasesSkipPasswordlessWithoutFrontend(t *testing.T) {
	stacks := []Stack{{Name: "none+flask", Frontend: "none", Backend: "flask",
		Kind: KindNone}}
	if cases := E2ECases(stacks); len(cases) != 1 {
		t.Errorf("got %d cases, expected only the email-password one", len(cases))
	}
}

func TestFindBuildRoot(t *testing.T) {
	tests := []struct {
		name  string
		files []string
		want  string
	}{
		{"vite", []string{"index.html", "assets/index.js"}, "."},
		{"angular", []string{"app/browser/index.html", "app/3rdpartylicenses.txt"},
			"app/browser"},
		{"shallowest wins", []string{"b/index.html", "a/x/index.html"}, "b"},
		{"lexical order", []string{"b/index.html", "a/index.html"}, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for _, f := range tt.files {
				fsys[f] = &fstest.MapFile{Data: []byte("x")}
			}
			got, err := FindBuildRoot(fsys)
			if err != nil {
				t.Fatalf("FindBuildRoot: %v", err)
			}
			if got != tt.want {
				t.Errorf("FindBuildRoot = %q, expected %q", got, tt.want)
			}
		})
	}
}

func TestFindBuildRootWithoutIndex(t *testing.T) {
	fsys := fstest.MapFS{"a/b/c/d/index.html": {Data: []byte("too deep")}}
	if root, err := FindBuildRoot(fsys); err == nil {
		t.Errorf("FindBuildRoot = %q, expected an error", root)
	}
}

func TestSPAHandlerFallsBackToIndex(t *testing.T) {
	fsys := fstest.MapFS{
		"index.html":      {Data: []byte("app shell")},
		"assets/main.js":  {Data: []byte("code")},
		"docs/index.html": {Data: []byte("docs page")},
	}
	h := spaHandler{root: fsys, files: http.FileServerFS(fsys)}
	tests := []struct {
		path   string
		status int
		body   string
	}{
		{"/", http.StatusOK, "app shell"},
		{"/auth", http.StatusOK, "app shell"},
		{"/auth/reset-password", http.StatusOK, "app shell"},
		{"/dashboard", http.StatusOK, "app shell"},
		{"/assets/main.js", http.StatusOK, "code"},
		{"/docs/", http.StatusOK, "docs page"},
		{"/assets/missing.js", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.path, nil))
		if rec.Code != tt.status {
			t.Errorf("GET %s: status %d, expected %d", tt.path, rec.Code, tt.status)
			continue
		}
		if tt.body != "" && !strings.Contains(rec.Body.String(), tt.body) {
			t.Errorf("GET %s: body %q, expected %q", tt.path, rec.Body.String(), tt.body)
		}
	}
}

func TestBrowserResultCheck(t *testing.T) {
	ok := BrowserResult{OK: true, UserID: "u-1", SignInUserID: "u-1"}
	if err := ok.check(); err != nil {
		t.Errorf("passing result: %v", err)
	}
	other := BrowserResult{OK: true, UserID: "u-1", SignInUserID: "u-2"}
	if err := other.check(); err == nil {
		t.Error("a sign-in as another user passed")
	}
	failed := BrowserResult{FailedStep: "sign up", Error: "timed out\nstack", URL: "http://x/auth"}
	err := failed.check()
	if err == nil {
		t.Fatal("a failed run passed")
	}
	if want := "sign up: timed out (page http://x/auth)"; err.Error() != want {
		t.Errorf("error %q, expected %q", err, want)
	}
}

func TestBrowserResultPageErrors(t *testing.T) {
	r := BrowserResult{Events: []string{"console.error: 404", "pageerror: boom",
		"response: 401 POST /auth/session/refresh"}}
	got := r.PageErrors()
	if len(got) != 1 || got[0] != "boom" {
		t.Errorf("PageErrors = %q, expected [boom]", got)
	}
}

func TestExpectBrowserReadable(t *testing.T) {
	const origin = "http://localhost:3000"
	good := func() http.Header {
		h := http.Header{}
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Allow-Credentials", "true")
		h.Set("Access-Control-Expose-Headers", "front-token, anti-csrf")
		h.Add("Set-Cookie", "sAccessToken=a; Path=/; HttpOnly; SameSite=Lax")
		h.Add("Set-Cookie", "sRefreshToken=r; Path=/auth/session/refresh; HttpOnly; SameSite=Lax")
		return h
	}
	if err := ExpectBrowserReadable(good(), origin); err != nil {
		t.Fatalf("a correct response failed: %v", err)
	}
	tests := map[string]func(http.Header){
		"wildcard origin": func(h http.Header) { h.Set("Access-Control-Allow-Origin", "*") },
		"other origin": func(h http.Header) {
			h.Set("Access-Control-Allow-Origin", "http://localhost:3001")
		},
		"no credentials": func(h http.Header) { h.Del("Access-Control-Allow-Credentials") },
		"front-token hidden": func(h http.Header) {
			h.Set("Access-Control-Expose-Headers", "anti-csrf")
		},
		"secure cookie": func(h http.Header) {
			h.Add("Set-Cookie", "sAccessToken=b; Path=/; HttpOnly; Secure; SameSite=Lax")
		},
		"SameSite None": func(h http.Header) {
			h.Add("Set-Cookie", "sRefreshToken=b; Path=/; HttpOnly; SameSite=None")
		},
		"readable by scripts": func(h http.Header) {
			h.Add("Set-Cookie", "sAccessToken=b; Path=/; SameSite=Lax")
		},
	}
	for name, spoil := range tests {
		t.Run(name, func(t *testing.T) {
			h := good()
			spoil(h)
			if err := ExpectBrowserReadable(h, origin); err == nil {
				t.Error("the response passed, expected an error")
			}
		})
	}
}
