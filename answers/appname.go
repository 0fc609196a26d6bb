package answers

import (
	"fmt"
	"slices"
	"strings"
)

// maxAppNameLength is npm's limit on package names.
const maxAppNameLength = 214

// nodeBuiltins are module names npm refuses for new packages, because they shadow Node.js
// core modules.
var nodeBuiltins = []string{
	"assert", "buffer", "child_process", "cluster", "console", "constants", "crypto",
	"dgram", "dns", "domain", "events", "fs", "http", "http2", "https", "module", "net",
	"os", "path", "process", "punycode", "querystring", "readline", "repl", "stream",
	"string_decoder", "sys", "timers", "tls", "tty", "url", "util", "v8", "vm", "worker_threads",
	"zlib",
}

// ValidateAppName checks that name works both as an npm package name and as the name of a
// new folder in the current one. It returns a reason, or "" when the name is valid.
func ValidateAppName(name string) string {
	switch {
	case name == "":
		return "the app name is empty"
	case len(name) > maxAppNameLength:
		return fmt.Sprintf("the app name is longer than %d characters", maxAppNameLength)
	case strings.ContainsAny(name, `/\`):
		return "the app name is a folder name, so it cannot contain / or \\"
	case name[0] == '.' || name[0] == '_' || name[0] == '-':
		return "the app name cannot start with '.', '_' or '-'"
	case name == "node_modules" || name == "favicon.ico":
		return "the app name is reserved by npm"
	case slices.Contains(nodeBuiltins, name):
		return "the app name is a Node.js core module name"
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("-._~", r)) {
			return fmt.Sprintf("the app name contains %q; npm package names use lowercase "+
				"letters, digits, '-', '.', '_' and '~' (for example %q)", r, suggestName(name))
		}
	}
	return ""
}

// suggestName turns an invalid name such as "My App" into a valid one, "my-app".
func suggestName(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("._~", r):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	if s := strings.Trim(b.String(), "-._"); s != "" {
		return s
	}
	return DefaultAppName
}
