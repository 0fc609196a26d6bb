package cmd

import (
	"context"
	"errors"
	"strings"

	"create-supertokens-app/answers"
	"create-supertokens-app/generator"
	"create-supertokens-app/pack"
	"create-supertokens-app/prompts"
)

// Exit statuses.
const (
	ExitOK          = 0
	ExitFailure     = 1
	ExitUsage       = 2
	ExitInterrupted = 130
)

// usageError marks command-line errors that cobra reports (unknown flags, bad flag
// syntax), which exit with ExitUsage.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// exitCode maps an error to the process exit status. This is the one place that decides.
func exitCode(err error) int {
	var (
		usage    *answers.UsageError
		conflict *generator.ConflictError
		packErr  *pack.Error
		cliErr   *usageError
	)
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled), errors.Is(err, prompts.ErrAborted):
		return ExitInterrupted
	case errors.Is(err, prompts.ErrInputEnded):
		return ExitUsage
	case errors.As(err, &usage), errors.As(err, &conflict), errors.As(err, &packErr),
		errors.As(err, &cliErr):
		return ExitUsage
	case isCobraUsage(err):
		return ExitUsage
	}
	return ExitFailure
}

// isCobraUsage recognises the argument errors cobra returns as plain errors.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand",
		"invalid argument", "flag needs an argument", "accepts ", "requires at least",
		"bad flag syntax", "required flag"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}
