// Package answers holds the one value every run fills (from flags, then prompts, then
// defaults) and the validator that checks it against the template packs.
package answers

// Answers are the user's choices. Flags fill them first, prompts fill what is left, and
// --yes fills the rest with Defaults.
type Answers struct {
	AppName       string
	Frontend      string
	Backend       string
	Recipe        string
	FirstFactors  []string
	SecondFactors []string
	Providers     []string
	Manager       string
	// Core is demo, docker or an http(s) URL of a SuperTokens core.
	Core   string
	APIKey string
	// Set holds answers to pack questions, by key.
	Set map[string]string
}

// Defaults used by --yes and offered first by prompts.
const (
	DefaultAppName  = "my-app"
	DefaultFrontend = "react"
	DefaultBackend  = "express"
	DefaultRecipe   = "emailpassword"
	DefaultManager  = "npm"
	DefaultCore     = CoreDemo
)

// Core kinds.
const (
	CoreDemo   = "demo"
	CoreDocker = "docker"
	CoreURL    = "url"
)

// DemoCoreURI is the public demo core, for trying things out only.
const DemoCoreURI = "https://try.supertokens.com"

// DockerCoreURI is the address of the core that the generated docker-compose.yml runs.
const DockerCoreURI = "http://localhost:3567"

// Managers are the valid values of --manager.
var Managers = []string{"npm", "yarn", "pnpm", "bun"}

// HasFactorFlags reports whether factor flags were given.
func (a Answers) HasFactorFlags() bool {
	return len(a.FirstFactors) > 0 || len(a.SecondFactors) > 0
}
