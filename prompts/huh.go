package prompts

import (
	"errors"
	"io"

	"github.com/charmbracelet/huh"
)

// Terminal asks questions with huh forms on a terminal, or line by line in accessible mode
// (for screen readers and pipes).
type Terminal struct {
	In         io.Reader
	Out        io.Writer
	Accessible bool
	lines      *lineReader
}

// NewTerminal returns a terminal prompter; in accessible mode it reads its input one line
// per question.
func NewTerminal(in io.Reader, out io.Writer, accessible bool) Terminal {
	t := Terminal{In: in, Out: out, Accessible: accessible}
	if accessible {
		t.lines = newLineReader(in)
		t.In = t.lines
	}
	return t
}

func (t Terminal) run(field huh.Field) error {
	form := huh.NewForm(huh.NewGroup(field)).
		WithAccessible(t.Accessible).
		WithInput(t.In).
		WithOutput(t.Out).
		WithShowHelp(!t.Accessible)
	err := form.Run()
	if errors.Is(err, huh.ErrUserAborted) {
		return ErrAborted
	}
	if err == nil && t.lines != nil && t.lines.ended {
		return ErrInputEnded
	}
	return err
}

// Input implements Prompter.
func (t Terminal) Input(title, placeholder, defaultValue string,
	validate func(string) error) (string, error) {
	value := defaultValue
	field := huh.NewInput().Title(title).Placeholder(placeholder).Value(&value).
		Validate(validate)
	if err := t.run(field); err != nil {
		return "", err
	}
	if value == "" {
		value = defaultValue
	}
	return value, nil
}

// Select implements Prompter.
func (t Terminal) Select(title string, options []Option, defaultValue string) (string, error) {
	value := defaultValue
	var opts []huh.Option[string]
	for _, o := range options {
		opts = append(opts, huh.NewOption(describe(o), o.Value))
	}
	field := huh.NewSelect[string]().Title(title).Options(opts...).Value(&value)
	if err := t.run(field); err != nil {
		return "", err
	}
	return value, nil
}

// MultiSelect implements Prompter.
func (t Terminal) MultiSelect(title string, options []Option, defaults []string) ([]string, error) {
	values := append([]string(nil), defaults...)
	var opts []huh.Option[string]
	for _, o := range options {
		opts = append(opts, huh.NewOption(describe(o), o.Value))
	}
	field := huh.NewMultiSelect[string]().Title(title).Options(opts...).Value(&values)
	if err := t.run(field); err != nil {
		return nil, err
	}
	return values, nil
}
