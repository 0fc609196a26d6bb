package answers

import (
	"fmt"
	"strings"
)

// UsageError is an invalid or missing answer. The command line reports it with exit
// status 2.
type UsageError struct {
	// Flag is the flag that carries the answer, without dashes.
	Flag string
	// Value is the rejected value; empty for a missing answer.
	Value string
	// Reason explains the problem when it is not simply "invalid".
	Reason string
	// Valid lists the accepted values, when there is a fixed set.
	Valid []string
}

func (e *UsageError) Error() string {
	var b strings.Builder
	switch {
	case e.Reason != "" && e.Value != "":
		fmt.Fprintf(&b, "invalid --%s %q: %s", e.Flag, e.Value, e.Reason)
	case e.Reason != "":
		fmt.Fprintf(&b, "--%s: %s", e.Flag, e.Reason)
	case e.Value == "":
		fmt.Fprintf(&b, "missing --%s", e.Flag)
	default:
		fmt.Fprintf(&b, "invalid --%s %q", e.Flag, e.Value)
	}
	if len(e.Valid) > 0 {
		fmt.Fprintf(&b, " (valid: %s)", strings.Join(e.Valid, ", "))
		if e.Value != "" {
			if s := Suggest(e.Value, e.Valid); s != "" {
				fmt.Fprintf(&b, "; did you mean %q?", s)
			}
		}
	}
	return b.String()
}

// Suggest returns the candidate closest to value when it is close enough to be a likely
// typo, or "".
func Suggest(value string, candidates []string) string {
	value = strings.ToLower(value)
	best, bestDistance := "", len(value)/2+2
	for _, c := range candidates {
		d := levenshtein(value, strings.ToLower(c))
		if strings.HasPrefix(c, value) && len(value) >= 3 {
			d = min(d, 1)
		}
		if d < bestDistance {
			best, bestDistance = c, d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
