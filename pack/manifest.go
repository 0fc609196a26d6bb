// Package pack loads template packs: a manifest (pack.yaml), a version table (versions.yaml)
// and template files. The built-in stacks are a pack in this format too, so custom packs can
// add choices and override any file the built-in pack renders.
package pack

// ManifestFile and VersionsFile are the two files at the root of every pack.
const (
	ManifestFile = "pack.yaml"
	VersionsFile = "versions.yaml"
)

// Manifest describes what a pack adds. Unknown fields are rejected when it is loaded, so a
// typo in a field name is an error rather than a silently ignored setting.
type Manifest struct {
	Name           string `yaml:"name"`
	Version        string `yaml:"version"`
	Description    string `yaml:"description"`
	MinToolVersion string `yaml:"minToolVersion"`

	Frontends []Frontend `yaml:"frontends"`
	Backends  []Backend  `yaml:"backends"`
	Recipes   []Recipe   `yaml:"recipes"`

	// Layers are rendered for every project whose answers satisfy their condition.
	Layers []Layer `yaml:"layers"`

	// Install lists post-generation steps of the pack itself, such as the root install of
	// split stacks.
	Install []Step `yaml:"install"`

	// Questions become prompts and --set key=value flags; their answers reach templates
	// as .Set.<key>.
	Questions []Question `yaml:"questions"`

	// Delimiters lets files whose own syntax uses {{ }} (Vue, Svelte, Angular, Jinja) be
	// rendered with other action delimiters.
	Delimiters []Delimiters `yaml:"delimiters"`

	// Message is a template shown after generation, below the next steps.
	Message string `yaml:"message"`
}

// Choice holds the fields that frontends, backends and recipes share: an id used on the command
// line, a display name and a one-line description for prompts and `list`.
type Choice struct {
	ID          string   `yaml:"id"`
	Name        string   `yaml:"name"`
	Description string   `yaml:"description"`
	Aliases     []string `yaml:"aliases"`
}

// Frontend kinds.
const (
	KindSPA       = "spa"       // a separate frontend/ talking to backend/
	KindFullstack = "fullstack" // one framework at the project root serving the auth API too
	KindNone      = "none"      // backend only
)

// Frontend is a --frontend choice.
type Frontend struct {
	Choice `yaml:",inline"`

	// Kind is spa, fullstack or none.
	Kind string `yaml:"kind"`

	// Unsupported lists auth features this frontend cannot show, each with the reason.
	Unsupported []Unsupported `yaml:"unsupported"`

	Layers []Layer `yaml:"layers"`

	// Start is the shell command, run in the frontend folder (the project root for
	// fullstack frameworks), that serves the app in development. It is a template.
	Start string `yaml:"start"`

	// Build is the shell command that builds the frontend for production. It is a template.
	Build string `yaml:"build"`

	Install []Step `yaml:"install"`
}

// Backend languages.
const (
	LanguageNode   = "node"
	LanguagePython = "python"
	LanguageGo     = "go"
)

// Backend is a --backend choice.
type Backend struct {
	Choice `yaml:",inline"`

	// Language is node, python or go; it selects the SDK and its shared partials.
	Language string `yaml:"language"`

	// Unsupported lists auth features this backend's SDK does not ship, each with the
	// reason.
	Unsupported []Unsupported `yaml:"unsupported"`

	Layers []Layer `yaml:"layers"`

	// Start is the shell command, run in backend/, that starts the API server. It is a
	// template.
	Start string `yaml:"start"`

	Install []Step `yaml:"install"`
}

// Unsupported marks an auth feature (see auth.Features) a choice cannot offer.
type Unsupported struct {
	Feature string `yaml:"feature"`
	Reason  string `yaml:"reason"`
}

// Recipe is a --recipe choice: a preset of first and second factors plus options. The auth
// model derives every SDK setting from it, so a recipe needs no templates of its own.
type Recipe struct {
	Choice `yaml:",inline"`

	FirstFactors  []string `yaml:"firstFactors"`
	SecondFactors []string `yaml:"secondFactors"`
	Multitenancy  bool     `yaml:"multitenancy"`
}

// Layer copies the files under Source into Destination of the generated project. Files
// ending in .tmpl are rendered as templates (the suffix is dropped); the rest are copied as
// they are. A later layer writing the same path replaces the earlier file, which is how a
// pack overrides a built-in file.
type Layer struct {
	Source      string `yaml:"source"`
	Destination string `yaml:"destination"`

	// When is a template condition on the answers, for example
	// `eq .Frontend.Kind "spa"`. An empty condition always holds.
	When string `yaml:"when"`

	// From is "builtin" to read Source from the built-in pack instead of this one, so a
	// pack can build a new choice on top of a built-in stack's files.
	From string `yaml:"from"`
}

// FromBuiltin is the only valid non-empty Layer.From.
const FromBuiltin = "builtin"

// Step is a post-generation command list run in Dir (relative to the project root). Every
// argument is a template. Steps from a pack other than the built-in one run only with
// --trust.
type Step struct {
	Name     string     `yaml:"name"`
	Dir      string     `yaml:"dir"`
	Commands [][]string `yaml:"commands"`

	// When is a template condition on the answers; the step is skipped when it does not
	// hold.
	When string `yaml:"when"`
}

// Question types.
const (
	QuestionText    = "text"
	QuestionConfirm = "confirm"
	QuestionSelect  = "select"
)

// Question is an extra answer a pack asks for.
type Question struct {
	Key         string   `yaml:"key"`
	Type        string   `yaml:"type"`
	Prompt      string   `yaml:"prompt"`
	Description string   `yaml:"description"`
	Default     string   `yaml:"default"`
	Choices     []string `yaml:"choices"`

	// Pattern is a regular expression a text answer must match in full.
	Pattern string `yaml:"pattern"`

	// When is a template condition on earlier answers; the question is skipped when it
	// does not hold.
	When string `yaml:"when"`
}

// Delimiters sets the action delimiters for template files matching Glob (path.Match
// syntax against the path inside the pack, with ** matching any number of folders).
type Delimiters struct {
	Glob  string `yaml:"glob"`
	Left  string `yaml:"left"`
	Right string `yaml:"right"`
}
