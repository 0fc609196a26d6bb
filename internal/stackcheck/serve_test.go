package main

import (
	"slices"
	"strings"
	"testing"
)

func TestServerArgv(t *testing.T) {
	cases := []struct {
		stack Stack
		want  string
	}{
		{Stack{Frontend: "react", Backend: "flask", Kind: KindSPA}, "npm run start:backend"},
		{Stack{Frontend: "none", Backend: "express", Kind: KindNone}, "npm run start:backend"},
		{Stack{Frontend: "next", Kind: KindFullstack},
			"npm run start -- --hostname localhost"},
		{Stack{Frontend: "sveltekit", Kind: KindFullstack}, "npm run start"},
		{Stack{Frontend: "new-framework", Kind: KindFullstack}, "npm run start"},
	}
	for _, c := range cases {
		if got := strings.Join(ServerArgv(c.stack), " "); got != c.want {
			t.Errorf("ServerArgv(%s) = %q, want %q", c.stack.Frontend, got, c.want)
		}
	}
}

func TestServerEnv(t *testing.T) {
	env := ServerEnv([]string{"PORT=3001", "HOME=/root", "API_DOMAIN=x"}, 4567)
	for _, want := range []string{"PORT=4567", "HOME=/root", "HOST=localhost",
		"API_DOMAIN=http://localhost:4567", "WEBSITE_DOMAIN=" + WebsiteOrigin} {
		if !slices.Contains(env, want) {
			t.Errorf("env lacks %s: %v", want, env)
		}
	}
	if slices.Contains(env, "PORT=3001") || slices.Contains(env, "API_DOMAIN=x") {
		t.Errorf("env keeps a replaced value: %v", env)
	}
}

func TestEnvironmentSharesCaches(t *testing.T) {
	env := Environment("/cache")
	for _, want := range []string{"npm_config_cache=/cache/npm", "PIP_CACHE_DIR=/cache/pip",
		"SUPERTOKENS_CONNECTION_URI=" + unreachableCore, "GOTOOLCHAIN=local"} {
		if !slices.Contains(env, want) {
			t.Errorf("environment lacks %s", want)
		}
	}
}

func TestFreePortUnique(t *testing.T) {
	seen := map[int]bool{}
	for range 5 {
		port, err := FreePort()
		if err != nil {
			t.Fatal(err)
		}
		if seen[port] {
			t.Errorf("port %d handed out twice", port)
		}
		seen[port] = true
	}
}
