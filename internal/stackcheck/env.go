package main

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// DefaultCacheDir returns the folder where package caches persist between runs, so that
// repeated installs are warm.
func DefaultCacheDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "create-supertokens-app-verify")
	}
	return filepath.Join(dir, "create-supertokens-app-verify")
}

// unreachableCore is the SuperTokens core URL that generated backends get: nothing listens
// on port 1, so a request that needs the core fails at once and no traffic leaves the
// machine. Backends start without contacting the core.
const unreachableCore = "http://127.0.0.1:1"

// Environment builds the environment of every command: the caller's environment with
// shared package caches, telemetry and update checks off, and no toolchain downloads.
func Environment(cacheDir string) []string {
	return mergeEnv(os.Environ(), map[string]string{
		"npm_config_cache":              filepath.Join(cacheDir, "npm"),
		"npm_config_prefer_offline":     "true",
		"npm_config_audit":              "false",
		"npm_config_fund":               "false",
		"npm_config_update_notifier":    "false",
		"PIP_CACHE_DIR":                 filepath.Join(cacheDir, "pip"),
		"PIP_DISABLE_PIP_VERSION_CHECK": "1",
		"PYTHONUNBUFFERED":              "1",
		"GOTOOLCHAIN":                   "local",
		"NEXT_TELEMETRY_DISABLED":       "1",
		"ASTRO_TELEMETRY_DISABLED":      "1",
		"NUXT_TELEMETRY_DISABLED":       "1",
		"NG_CLI_ANALYTICS":              "false",
		"DO_NOT_TRACK":                  "1",
		"SUPERTOKENS_CONNECTION_URI":    unreachableCore,
	})
}

// mergeEnv returns base with the keys of set replaced or added, sorted by key.
func mergeEnv(base []string, set map[string]string) []string {
	env := slices.DeleteFunc(slices.Clone(base), func(kv string) bool {
		key, _, _ := strings.Cut(kv, "=")
		_, replaced := set[key]
		return replaced
	})
	for k, v := range set {
		env = append(env, k+"="+v)
	}
	sort.Strings(env)
	return env
}
