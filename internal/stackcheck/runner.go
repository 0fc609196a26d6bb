package main

import (
	"context"
	"os/exec"
	"strings"
	"sync"
)

// RunStacks calls check for every stack, at most jobs at a time, and hands each result to
// the reporter. Once ctx is cancelled, stacks that have not started are left out.
func RunStacks(ctx context.Context, stacks []Stack, jobs int, rep *Reporter,
	check func(context.Context, Stack) StackResult) {
	type job struct {
		index int
		stack Stack
	}
	queue := make(chan job)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range queue {
				rep.Printf("started %s (%d of %d)\n", j.stack.Name, j.index+1, len(stacks))
				rep.Add(check(ctx, j.stack))
			}
		}()
	}
	for i, s := range stacks {
		select {
		case queue <- job{index: i, stack: s}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(queue)
	wg.Wait()
}

// DescribeToolchain returns the versions of the tools that generated projects use, as
// found on the PATH of env.
func DescribeToolchain(ctx context.Context, env []string) string {
	tools := [][]string{
		{"node", "--version"},
		{"npm", "--version"},
		{"go", "env", "GOVERSION"},
		{"python3", "--version"},
	}
	var parts []string
	for _, argv := range tools {
		cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
		cmd.Env = env
		out, err := cmd.Output()
		version := strings.TrimSpace(string(out))
		if err != nil || version == "" {
			version = "not found"
		}
		parts = append(parts, argv[0]+" "+version)
	}
	return strings.Join(parts, ", ")
}
