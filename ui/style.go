// Package ui formats what the tool prints for people: the summary, next steps and
// warnings. Styling is applied only on a terminal and never with NO_COLOR.
package ui

import (
	"io"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles are the text styles of one output stream.
type Styles struct {
	Title   lipgloss.Style
	Label   lipgloss.Style
	Command lipgloss.Style
	Warning lipgloss.Style
	Error   lipgloss.Style
	Faint   lipgloss.Style
}

// NewStyles returns styles for w; with color off every style prints plain text.
func NewStyles(w io.Writer, color bool) Styles {
	r := lipgloss.NewRenderer(w)
	if !color {
		r.SetColorProfile(termenv.Ascii)
	}
	return Styles{
		Title:   r.NewStyle().Bold(true).Foreground(lipgloss.Color("#ff9933")),
		Label:   r.NewStyle().Bold(true),
		Command: r.NewStyle().Foreground(lipgloss.Color("#33aaff")),
		Warning: r.NewStyle().Foreground(lipgloss.Color("#ffcc00")),
		Error:   r.NewStyle().Bold(true).Foreground(lipgloss.Color("#ff5555")),
		Faint:   r.NewStyle().Faint(true),
	}
}
