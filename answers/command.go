package answers

import (
	"maps"
	"slices"
	"strings"
)

// Command returns the non-interactive command line that reproduces these answers, with
// every value quoted for a POSIX shell when it needs quoting.
func (a Answers) Command(program string) string {
	parts := []string{program, "--appname", a.AppName, "--frontend", a.Frontend}
	if a.Backend != "" {
		parts = append(parts, "--backend", a.Backend)
	}
	if a.Recipe != "" {
		parts = append(parts, "--recipe", a.Recipe)
	}
	if len(a.FirstFactors) > 0 {
		parts = append(parts, "--firstfactors", strings.Join(a.FirstFactors, ","))
	}
	if len(a.SecondFactors) > 0 {
		parts = append(parts, "--secondfactors", strings.Join(a.SecondFactors, ","))
	}
	if len(a.Providers) > 0 {
		parts = append(parts, "--providers", strings.Join(a.Providers, ","))
	}
	if a.Manager != "" && a.Manager != DefaultManager {
		parts = append(parts, "--manager", a.Manager)
	}
	if a.Core != "" && a.Core != DefaultCore {
		parts = append(parts, "--core", a.Core)
	}
	for _, key := range slices.Sorted(maps.Keys(a.Set)) {
		parts = append(parts, "--set", key+"="+a.Set[key])
	}
	for i, p := range parts {
		parts[i] = ShellQuote(p)
	}
	return strings.Join(parts, " ")
}

// ShellQuote quotes s for a POSIX shell unless it consists only of safe characters.
func ShellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"+
		"0123456789-_./,:=@+") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
