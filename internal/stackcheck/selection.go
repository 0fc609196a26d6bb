package main

import (
	"context"
	"fmt"
	"io"
)

// loadStacks prepares the options and selects the stacks to check from the CLI's
// `list --json`. On failure it prints the error as command and returns the exit status.
func loadStacks(ctx context.Context, command string, o *Options,
	stderr io.Writer) ([]Stack, int) {
	if err := o.Prepare(); err != nil {
		fmt.Fprintf(stderr, "stackcheck %s: %v\n", command, err)
		return nil, 2
	}
	listing, err := LoadListing(ctx, o.Binary)
	if err != nil {
		fmt.Fprintf(stderr, "stackcheck %s: %v\n", command, err)
		return nil, 1
	}
	stacks, err := SelectStacks(listing, o.Smoke, o.Only)
	if err != nil {
		fmt.Fprintf(stderr, "stackcheck %s: %v\n", command, err)
		return nil, 2
	}
	return stacks, 0
}

// finishRun cleans up, prints the closing table that ends with the summary line, and
// returns the exit status: 130 when interrupted, 1 when any of the stacks did not pass.
func finishRun(ctx context.Context, o *Options, rep *Reporter, stacks []Stack) int {
	allPassed := len(rep.Results()) == len(stacks)
	for _, r := range rep.Results() {
		allPassed = allPassed && r.Passed()
	}
	// Cleanup prints where the logs are, before the table that ends with the summary line.
	o.Cleanup(allPassed, rep.Printf)
	rep.Finish(stacks)
	switch {
	case ctx.Err() != nil:
		return 130
	case !allPassed:
		return 1
	}
	return 0
}
