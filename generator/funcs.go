package generator

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// funcMap returns sprig's hermetic functions (no environment, clock or randomness) plus
// the string-literal helpers that keep user input from breaking generated code.
func funcMap(versions map[string]string) template.FuncMap {
	funcs := sprig.HermeticTxtFuncMap()
	funcs["version"] = func(name string) (string, error) {
		v, ok := versions[name]
		if !ok {
			return "", fmt.Errorf("no version pinned for %q in versions.yaml", name)
		}
		return v, nil
	}
	// sprig's sortAlpha sorts a []string in place, which would reorder the shared model
	// (such as .Auth.BackendRecipes) for every file rendered after it.
	toStrings := funcs["toStrings"].(func(any) []string)
	funcs["sortAlpha"] = func(list any) []string {
		sorted := slices.Clone(toStrings(list))
		slices.Sort(sorted)
		return sorted
	}
	funcs["tsString"] = tsString
	funcs["pyString"] = pyString
	funcs["goString"] = strconv.Quote
	funcs["toJSON"] = marshalJSON
	return funcs
}

// tsString returns a double-quoted JavaScript string literal, which is also valid JSON.
func tsString(s string) string {
	data, _ := marshalJSON(s) // marshalling a string cannot fail
	return data
}

// marshalJSON encodes v as compact JSON without escaping &, < and >, which json.Marshal
// would turn into \u0026 and the like in package.json scripts.
func marshalJSON(v any) (string, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(b.String(), "\n"), nil
}

// pyString returns a double-quoted Python string literal with every character outside
// printable ASCII escaped.
func pyString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
