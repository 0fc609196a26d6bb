// Package prompts asks for the answers that flags did not give. The questions are plain
// code over a small Prompter interface, so tests answer them with a fake and the terminal
// implementation (huh) stays thin.
package prompts

import "errors"

// ErrAborted is returned when the user cancels a prompt (Ctrl-C or Esc).
var ErrAborted = errors.New("aborted by the user")

// ErrInputEnded is returned when piped answers run out before the questions do, so an
// incomplete script fails instead of taking defaults it never chose.
var ErrInputEnded = errors.New("the input ended before every question was answered; " +
	"pass the remaining answers as flags, or --yes for defaults")

// Option is one choice of a select question.
type Option struct {
	Value       string
	Label       string
	Description string
}

// Prompter asks one question at a time.
type Prompter interface {
	// Input asks for a line of text; validate returns an error message to show inline.
	Input(title, placeholder, defaultValue string, validate func(string) error) (string, error)
	// Select asks for one of options, starting on defaultValue.
	Select(title string, options []Option, defaultValue string) (string, error)
	// MultiSelect asks for any number of options, starting with defaults selected.
	MultiSelect(title string, options []Option, defaults []string) ([]string, error)
}
