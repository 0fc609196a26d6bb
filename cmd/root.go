// Package cmd is the command line: flag parsing, the create flow and the subcommands.
// Execute is the only entry; it returns the exit status instead of exiting, so tests run
// the whole program in-process.
package cmd

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"create-supertokens-app/answers"
	"create-supertokens-app/auth"
	"create-supertokens-app/pack"
	"create-supertokens-app/templates"
)

// programName is the binary's name, used in messages and equivalent commands.
const programName = "create-supertokens-app"

// builtinOrigin names the embedded pack in messages and listings.
const builtinOrigin = templates.BuiltinOrigin

// Options are the create command's flags.
type Options struct {
	Answers     answers.Answers
	Set         []string
	Packs       []string
	Dir         string
	Yes         bool
	SkipInstall bool
	NoGit       bool
	DryRun      bool
	JSON        bool
	Force       bool
	Trust       bool
	Autostart   bool
	// Accessible is set by --accessible or TERM=dumb; AccessibleFlag only by the flag.
	Accessible     bool
	AccessibleFlag bool
}

// Execute runs the command line with args (without the program name) and returns the exit
// status. Ctrl-C cancels the run, which then exits with status 130.
func Execute(args []string, s Streams) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return ExecuteContext(ctx, args, s)
}

// ExecuteContext is Execute with a caller-controlled context.
func ExecuteContext(ctx context.Context, args []string, s Streams) int {
	root := newRootCommand(s)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return ExitOK
	}
	code := exitCode(err)
	if code == ExitInterrupted {
		fmt.Fprintln(s.Err, "Interrupted.")
		return code
	}
	fmt.Fprintln(s.Err, "Error: "+addFlagSuggestion(root, err.Error()))
	if code == ExitUsage && isCobraUsage(err) {
		fmt.Fprintf(s.Err, "Run '%s --help' for usage.\n", programName)
	}
	return code
}

func newRootCommand(s Streams) *cobra.Command {
	opts := &Options{}
	cat := builtinCatalog()
	root := &cobra.Command{
		Use:   programName,
		Short: "Create an app with SuperTokens authentication",
		Long: "Create a frontend and a backend with SuperTokens already wired: recipes, " +
			"sessions, CORS and settings.\nWithout a terminal (or with CI set) it never " +
			"prompts; pass every answer as a flag or use --yes for defaults.",
		Version:       Version,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkEmptyFlags(c, opts); err != nil {
				return err
			}
			opts.Answers.APIKey = cmp.Or(opts.Answers.APIKey, s.Getenv("SUPERTOKENS_API_KEY"))
			opts.AccessibleFlag = opts.Accessible
			opts.Accessible = opts.Accessible || s.Getenv("TERM") == "dumb"
			return runCreate(c.Context(), opts, s)
		},
	}
	root.SetIn(s.In)
	root.SetOut(s.Out)
	root.SetErr(s.Err)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })

	f := root.Flags()
	a := &opts.Answers
	f.StringVar(&a.AppName, "appname", "", "name of the app: the folder and npm package name")
	f.StringVar(&a.Frontend, "frontend", "", "frontend: "+strings.Join(cat.FrontendIDs(), ", "))
	f.StringVar(&a.Backend, "backend", "", "backend: "+strings.Join(cat.BackendIDs(), ", "))
	f.StringVar(&a.Recipe, "recipe", "", "auth method: "+strings.Join(cat.RecipeIDs(), ", "))
	f.StringSliceVar(&a.FirstFactors, "firstfactors", nil,
		"login methods, replacing the recipe's: "+strings.Join(auth.FirstFactors, ", "))
	f.StringSliceVar(&a.SecondFactors, "secondfactors", nil,
		"second factors, turning on MFA: "+strings.Join(auth.SecondFactors, ", "))
	f.StringSliceVar(&a.Providers, "providers", nil,
		"social login providers: "+strings.Join(auth.ProviderIDs(), ", "))
	f.StringVar(&a.Manager, "manager", "", "package manager: "+strings.Join(answers.Managers, ", "))
	f.StringVar(&a.Core, "core", "", "SuperTokens core: demo (default), docker, or an http(s) URL")
	f.StringVar(&a.APIKey, "api-key", "", "API key of the core (default $SUPERTOKENS_API_KEY)")
	f.StringArrayVar(&opts.Set, "set", nil, "answer a pack question: key=value (repeatable)")
	f.StringArrayVar(&opts.Packs, "pack", nil, "extra template pack: a folder or a git URL (repeatable)")
	f.StringVar(&opts.Dir, "dir", ".", "folder in which the project folder is created")
	f.BoolVarP(&opts.Yes, "yes", "y", false, "use defaults for every unanswered question; never prompt")
	f.BoolVar(&opts.SkipInstall, "skip-install", false, "do not install dependencies")
	f.BoolVar(&opts.NoGit, "no-git", false, "do not create a git repository")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print the files and the command; write nothing")
	f.BoolVar(&opts.JSON, "json", false, "print the result as one JSON object on stdout")
	f.BoolVar(&opts.Force, "force", false, "write into a non-empty folder, replacing only the project's files")
	f.BoolVar(&opts.Trust, "trust", false, "allow packs to run commands after generation")
	f.BoolVar(&opts.Autostart, "autostart", false, "start the app after generation")
	f.BoolVar(&opts.Accessible, "accessible", false, "plain line-by-line prompts for screen readers")

	registerCompletions(root, cat)
	root.AddCommand(newVersionCommand(s), newListCommand(s), newPackCommand(s))
	return root
}

// builtinCatalog loads the embedded pack. It cannot fail unless the binary was built from
// a broken pack, which the tests catch.
func builtinCatalog() *pack.Catalog {
	cat, err := templates.BuiltinCatalog()
	if err != nil {
		return pack.NewCatalog()
	}
	return cat
}

func registerCompletions(root *cobra.Command, cat *pack.Catalog) {
	fixed := func(values []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return values, cobra.ShellCompDirectiveNoFileComp
		}
	}
	completions := map[string][]string{
		"frontend":      cat.FrontendIDs(),
		"backend":       cat.BackendIDs(),
		"recipe":        cat.RecipeIDs(),
		"firstfactors":  auth.FirstFactors,
		"secondfactors": auth.SecondFactors,
		"providers":     auth.ProviderIDs(),
		"manager":       answers.Managers,
		"core":          {answers.CoreDemo, answers.CoreDocker, "http://localhost:3567"},
	}
	for flag, values := range completions {
		_ = root.RegisterFlagCompletionFunc(flag, fixed(values))
	}
}

// addFlagSuggestion appends "did you mean --x?" to cobra's unknown-flag error.
func addFlagSuggestion(root *cobra.Command, msg string) string {
	const prefix = "unknown flag: --"
	if !strings.HasPrefix(msg, prefix) {
		return msg
	}
	name := strings.TrimPrefix(msg, prefix)
	var flags []string
	root.Flags().VisitAll(func(f *pflag.Flag) { flags = append(flags, f.Name) })
	if s := answers.Suggest(name, flags); s != "" && s != name {
		return fmt.Sprintf("%s; did you mean --%s?", msg, s)
	}
	return msg
}

// checkEmptyFlags rejects flags given with an empty value, which would otherwise be taken
// as "not answered" and filled with a default.
func checkEmptyFlags(c *cobra.Command, opts *Options) error {
	a := &opts.Answers
	for _, list := range []*[]string{&a.FirstFactors, &a.SecondFactors, &a.Providers} {
		*list = trimList(*list)
	}
	empty := map[string]bool{
		"appname":       a.AppName == "",
		"frontend":      a.Frontend == "",
		"backend":       a.Backend == "",
		"recipe":        a.Recipe == "",
		"firstfactors":  len(a.FirstFactors) == 0,
		"secondfactors": len(a.SecondFactors) == 0,
		"providers":     len(a.Providers) == 0,
	}
	for _, name := range []string{"appname", "frontend", "backend", "recipe", "firstfactors",
		"secondfactors", "providers"} {
		if c.Flags().Changed(name) && empty[name] {
			return &answers.UsageError{Flag: name, Reason: "the value is empty"}
		}
	}
	return nil
}

// trimList drops the spaces around list items ("a, b") and empty items.
func trimList(values []string) []string {
	var out []string
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
