package ui

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Summary is the report of a finished run.
type Summary struct {
	Project  string
	Stack    string
	Auth     string
	Core     string
	Files    int
	Elapsed  time.Duration
	Next     []string
	Warnings []string
	Failures []string
	// Notes are facts worth a line that need no action, such as a skipped git init.
	Notes    []string
	Messages []string
}

// PrintSummary writes the summary, the next steps and any warnings.
func PrintSummary(w io.Writer, s Styles, sum Summary) {
	fmt.Fprintln(w)
	fmt.Fprintln(w, s.Title.Render("Created "+sum.Project))
	rows := [][2]string{
		{"Stack", sum.Stack},
		{"Auth", sum.Auth},
		{"Core", sum.Core},
		{"Files", fmt.Sprintf("%d", sum.Files)},
		{"Time", sum.Elapsed.Round(time.Millisecond).String()},
	}
	for _, row := range rows {
		fmt.Fprintf(w, "  %s %s\n", s.Label.Render(fmt.Sprintf("%-6s", row[0])), row[1])
	}
	for _, n := range sum.Notes {
		fmt.Fprintln(w, "  "+s.Faint.Render(n))
	}
	for _, f := range sum.Failures {
		fmt.Fprintln(w)
		fmt.Fprintln(w, s.Error.Render("! ")+f)
	}
	if len(sum.Next) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, s.Label.Render("Next steps:"))
		for _, cmd := range sum.Next {
			fmt.Fprintln(w, "  "+s.Command.Render(cmd))
		}
	}
	for _, m := range sum.Messages {
		fmt.Fprintln(w)
		fmt.Fprintln(w, strings.TrimSpace(m))
	}
	for _, warning := range sum.Warnings {
		fmt.Fprintln(w)
		fmt.Fprintln(w, s.Warning.Render("Warning: "+warning))
	}
}
