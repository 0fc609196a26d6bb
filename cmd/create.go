package cmd

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"create-supertokens-app/answers"
	"create-supertokens-app/generator"
	"create-supertokens-app/pack"
	"create-supertokens-app/poststep"
	"create-supertokens-app/prompts"
	"create-supertokens-app/ui"
)

// demoCoreWarning is printed whenever the app uses the public demo core.
const demoCoreWarning = "the app uses the public demo core at " + answers.DemoCoreURI +
	", which is for trying things out only: its data may be visible to others and is " +
	"deleted at any time. Set SUPERTOKENS_CONNECTION_URI (see .env.example) or generate " +
	"with --core docker to run your own core."

// runCreate is the create flow: answers, plan, write, post-steps, summary.
func runCreate(ctx context.Context, opts *Options, s Streams) error {
	cat, err := loadCatalog(ctx, opts.Packs, s)
	if err != nil {
		return err
	}
	if opts.Answers.Set, err = parseSet(opts.Set); err != nil {
		return err
	}

	if err := answers.CheckGiven(opts.Answers, cat); err != nil {
		return err
	}
	detectedManager := detectManager(s, opts.Dir)
	// --accessible also prompts through a pipe, for screen readers and scripted answers.
	canPrompt := s.Interactive() || (opts.AccessibleFlag && s.Getenv("CI") == "")
	interactive := canPrompt && !opts.Yes && !opts.JSON
	switch {
	case opts.Yes:
		prompts.ApplyDefaults(&opts.Answers, cat)
	case interactive:
		p := prompts.NewTerminal(s.In, s.Err, opts.Accessible)
		if err := prompts.Fill(p, &opts.Answers, cat, detectedManager); err != nil {
			return err
		}
	default:
		if err := prompts.Missing(opts.Answers, cat); err != nil {
			return err
		}
	}

	if opts.Answers.Manager == "" {
		opts.Answers.Manager = detectedManager
	}
	project, err := answers.Validate(opts.Answers, cat)
	if err != nil {
		return err
	}
	var prompter prompts.Prompter
	if interactive {
		prompter = prompts.NewTerminal(s.In, s.Err, opts.Accessible)
	}
	if err := prompts.AskPackQuestions(prompter, opts.Yes, &project, cat); err != nil {
		return err
	}
	// The elapsed time in the summary starts once every answer is in, so it measures the
	// tool and not the person at the prompts.
	start := time.Now()
	plan, err := generator.Render(project, cat)
	if err != nil {
		return err
	}
	if err := checkTrust(plan, opts); err != nil {
		return err
	}
	command := project.Answers.Command(programName)
	for _, src := range opts.Packs {
		command += " --pack " + answers.ShellQuote(src)
	}
	target := filepath.Join(opts.Dir, project.Answers.AppName)

	if opts.DryRun {
		if err := generator.CheckTarget(target, opts.Force); err != nil {
			return err
		}
		return printDryRun(s, opts, project, plan, target, command)
	}
	if err := generator.Write(ctx, plan, target, opts.Force); err != nil {
		return err
	}

	styles := ui.NewStyles(s.Err, s.Color())
	results := runPostSteps(ctx, opts, s, plan, target)
	if interactive {
		fmt.Fprintln(s.Err)
		fmt.Fprintln(s.Err, "To create this project again without prompts:")
		fmt.Fprintln(s.Err, "  "+styles.Command.Render(command))
	}
	summary := buildSummary(project, cat, plan, target, results, time.Since(start))
	if opts.JSON {
		if err := printJSON(s.Out, project, plan, target, results, summary, command); err != nil {
			return err
		}
	} else {
		ui.PrintSummary(s.Err, styles, summary)
		fmt.Fprintln(s.Out, target)
	}
	if err := ctx.Err(); err != nil {
		fmt.Fprintf(s.Err, "The project in %s is complete; the steps marked skipped did "+
			"not run.\n", target)
		return err
	}
	if failed := failedSteps(results); len(failed) > 0 {
		return fmt.Errorf("the project is in %s, but %s failed; run the retry commands "+
			"above", target, strings.Join(failed, " and "))
	}
	if opts.Autostart {
		return autostart(ctx, s, project, target, results)
	}
	return nil
}

func failedSteps(results []poststep.Result) []string {
	var failed []string
	for _, r := range results {
		if r.Status == poststep.StatusFailed {
			failed = append(failed, r.Name)
		}
	}
	return failed
}

func runPostSteps(ctx context.Context, opts *Options, s Streams, plan *generator.Plan,
	target string) []poststep.Result {
	var results []poststep.Result
	if !opts.SkipInstall && len(plan.Steps) > 0 {
		if isTerminal(s.Err) && !opts.JSON {
			live := poststep.NewLiveLogger(s.Err)
			results = poststep.Install(ctx, target, plan.Steps, opts.Trust, s.Env, live)
			live.Close()
		} else {
			log := &poststep.WriterLogger{W: s.Err}
			results = poststep.Install(ctx, target, plan.Steps, opts.Trust, s.Env, log)
		}
	}
	switch {
	case opts.NoGit:
	case ctx.Err() != nil:
		results = append(results, poststep.Result{Name: "git", Status: poststep.StatusSkipped,
			Error: "interrupted"})
	case poststep.InsideRepository(ctx, target):
		results = append(results, poststep.Result{Name: "git", Status: poststep.StatusSkipped,
			Error: "the folder is already inside a git repository"})
	default:
		results = append(results, poststep.GitInit(ctx, target, s.Env))
	}
	return results
}

// nextSteps are the commands that take a user from the generated folder to a running app.
func nextSteps(p answers.Project, target string, results []poststep.Result,
	plan *generator.Plan) []string {
	steps := []string{"cd " + answers.ShellQuote(target)}
	if p.CoreKind == answers.CoreDocker {
		steps = append(steps, "docker compose up -d")
	}
	ran := map[string]bool{}
	for _, r := range results {
		ran[r.Name] = r.Status == poststep.StatusOK
	}
	for _, st := range plan.Steps {
		if !ran[st.Name] {
			steps = append(steps, poststep.RetryCommand(st))
		}
	}
	run := runCommand(p)
	steps = append(steps, run)
	return steps
}

func runCommand(p answers.Project) string {
	manager := p.Answers.Manager
	if manager == "npm" || manager == "bun" {
		manager += " run"
	}
	if p.Fullstack() {
		return manager + " dev"
	}
	return manager + " start"
}

func buildSummary(p answers.Project, cat *pack.Catalog, plan *generator.Plan, target string,
	results []poststep.Result, elapsed time.Duration) ui.Summary {
	stack := p.Frontend.Value.Name
	if p.Backend != nil {
		stack += " + " + p.Backend.Value.Name
	}
	authLabel := "login with " + strings.Join(p.Auth.FirstFactors, ", ")
	if recipe, ok := cat.Recipe(p.Auth.Recipe); ok {
		authLabel = recipe.Value.Name
		if p.Answers.HasFactorFlags() {
			authLabel += ", login with " + strings.Join(p.Auth.FirstFactors, ", ")
		}
	}
	if len(p.Auth.SecondFactors) > 0 {
		authLabel += "; second factor: " + strings.Join(p.Auth.SecondFactors, ", ")
	}
	core := p.CoreURI
	switch p.CoreKind {
	case answers.CoreDemo:
		core += " (public demo core)"
	case answers.CoreDocker:
		core += " (self-hosted with docker compose)"
	}
	sum := ui.Summary{
		Project:  target,
		Stack:    stack,
		Auth:     authLabel,
		Core:     core,
		Files:    len(plan.Files),
		Elapsed:  elapsed,
		Next:     nextSteps(p, target, results, plan),
		Messages: plan.Messages,
	}
	for _, r := range results {
		switch {
		case r.Status == poststep.StatusSkipped && r.Name == "git":
			sum.Notes = append(sum.Notes, "no git repository created: "+r.Error)
		case r.Status != poststep.StatusOK:
			sum.Failures = append(sum.Failures, fmt.Sprintf("%s %s: %s\n  retry: %s",
				r.Name, r.Status, r.Error, r.Command))
		}
	}
	if p.CoreKind == answers.CoreDemo {
		sum.Warnings = append(sum.Warnings, demoCoreWarning)
	}
	return sum
}

func parseSet(pairs []string) (map[string]string, error) {
	set := map[string]string{}
	for _, kv := range pairs {
		key, value, ok := strings.Cut(kv, "=")
		if !ok || key == "" {
			return nil, &answers.UsageError{Flag: "set", Value: kv,
				Reason: "expected key=value"}
		}
		set[key] = value
	}
	return set, nil
}

// loadCatalog loads the built-in pack and every --pack source, in order.
func loadCatalog(ctx context.Context, sources []string, s Streams) (*pack.Catalog, error) {
	builtin := builtinCatalog()
	if len(sources) == 0 {
		return builtin, nil
	}
	packs := append([]*pack.Pack(nil), builtin.Packs...)
	for _, src := range sources {
		p, err := pack.Open(ctx, src, pack.OpenOptions{CacheDir: cacheDir(s), Env: s.Env})
		if err != nil {
			return nil, err
		}
		if err := pack.CheckToolVersion(p, Version); err != nil {
			return nil, err
		}
		if problems := pack.Check(p); len(problems) > 0 {
			return nil, errors.Join(problems...)
		}
		packs = append(packs, p)
	}
	return pack.NewCatalog(packs...), nil
}

func cacheDir(s Streams) string {
	if dir := s.Getenv("XDG_CACHE_HOME"); dir != "" {
		return filepath.Join(dir, programName)
	}
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, programName)
	}
	return filepath.Join(os.TempDir(), programName)
}

// checkTrust rejects, before anything is written, a run in which a pack other than the
// built-in one would run commands without --trust.
func checkTrust(plan *generator.Plan, opts *Options) error {
	if opts.Trust || opts.SkipInstall || opts.DryRun {
		return nil
	}
	for _, st := range plan.Steps {
		if !st.Builtin {
			return &answers.UsageError{Flag: "trust", Reason: fmt.Sprintf(
				"pack %s wants to run %q after generation; pass --trust to allow it, or "+
					"--skip-install to run nothing", st.Origin, poststep.RetryCommand(st))}
		}
	}
	return nil
}
