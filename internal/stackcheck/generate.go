package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// DefaultRecipe is the recipe of every generated project unless a caller picks another.
const DefaultRecipe = "emailpassword"

// Generation is a request to create one stack's project with the CLI, including its own
// install step.
type Generation struct {
	Binary string
	Stack  Stack
	Recipe string
	// Parent is the folder the project folder is created in; the project is Parent/<slug>.
	Parent  string
	Env     []string
	Log     string
	Timeout time.Duration
}

// installStep is one entry of the CLI's --json "postSteps".
type installStep struct {
	Name       string `json:"name"`
	Status     string `json:"status"`
	Command    string `json:"command"`
	Error      string `json:"error"`
	DurationNs int64  `json:"durationNs"`
}

type createResult struct {
	Project string        `json:"project"`
	Steps   []installStep `json:"postSteps"`
}

// Args returns the CLI arguments that create the project without prompts or git.
func (g Generation) Args() []string {
	recipe := g.Recipe
	if recipe == "" {
		recipe = DefaultRecipe
	}
	args := []string{g.Binary, "--yes", "--appname", g.Stack.Slug(),
		"--frontend", g.Stack.Frontend}
	if g.Stack.Backend != "" {
		args = append(args, "--backend", g.Stack.Backend)
	}
	args = append(args, "--recipe", recipe)
	args = append(args, recipeArgs[recipe]...)
	return append(args, "--manager", "npm", "--dir", g.Parent, "--no-git", "--json")
}

// Run generates and installs the project and returns its folder. It fails when the CLI
// fails or when any install step did not succeed, and then names the failed install step
// when the CLI's JSON output has one.
func (g Generation) Run(ctx context.Context) (string, error) {
	if err := os.MkdirAll(g.Parent, 0o755); err != nil {
		return "", err
	}
	jsonPath := strings.TrimSuffix(g.Log, filepath.Ext(g.Log)) + ".json"
	cmd := Command{Dir: g.Parent, Env: g.Env, Argv: g.Args(), Name: filepath.Base(g.Binary),
		Log: g.Log, Stdout: jsonPath, Timeout: g.Timeout}
	runErr := cmd.Run(ctx)
	if ctx.Err() != nil {
		return "", runErr
	}
	result, jsonErr := readCreateResult(jsonPath)
	if jsonErr == nil {
		if err := appendInstallSummary(g.Log, result.Steps); err != nil {
			return "", err
		}
		if err := failedInstall(result.Steps); err != nil {
			return result.Project, err
		}
	}
	switch {
	case runErr != nil:
		return "", runErr
	case jsonErr != nil:
		return "", jsonErr
	}
	return result.Project, nil
}

// readCreateResult decodes the --json document the CLI wrote to path.
func readCreateResult(path string) (createResult, error) {
	var result createResult
	data, err := os.ReadFile(path)
	if err != nil {
		return result, err
	}
	if err := json.Unmarshal(data, &result); err != nil {
		return result, fmt.Errorf("invalid JSON on the CLI's stdout (%s): %w", path, err)
	}
	return result, nil
}

// failedInstall returns an error naming the first install step that did not succeed.
// The git step is ignored because projects are generated with --no-git.
func failedInstall(steps []installStep) error {
	for _, s := range steps {
		if s.Name == "git" || s.Status == "ok" {
			continue
		}
		msg, _, _ := strings.Cut(s.Error, "\n")
		return fmt.Errorf("install step %s %s: %s", s.Name, s.Status, msg)
	}
	return nil
}

func appendInstallSummary(logPath string, steps []installStep) error {
	f, err := openLog(logPath)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, s := range steps {
		fmt.Fprintf(f, "install step %s: %s in %.1fs (%s)\n", s.Name, s.Status,
			time.Duration(s.DurationNs).Seconds(), s.Command)
		if s.Error != "" {
			fmt.Fprintf(f, "%s\n", s.Error)
		}
	}
	return nil
}
