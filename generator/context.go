package generator

import "create-supertokens-app/auth"

// Context is the value every template renders from (the dot in {{ .App.Name }}).
type Context struct {
	App      App
	Frontend Frontend
	Backend  Backend
	Auth     auth.Model
	URLs     URLs
	Core     Core
	Manager  Manager

	// Versions is the merged version table of all packs: package name to pinned version.
	Versions map[string]string

	// Set holds the answers to pack questions, by key.
	Set map[string]string
}

// App names the generated project.
type App struct {
	// Name is the validated app name: a lowercase npm package name and folder name.
	Name string
	// Title is Name for display, "my-app" becoming "My App".
	Title string
	// GoModule is the module path for Go backends.
	GoModule string
}

// Frontend is the chosen frontend as templates see it.
type Frontend struct {
	ID   string
	Name string
	// Kind is spa, fullstack or none.
	Kind string
	// Start and Build are the rendered shell commands that serve and build the frontend,
	// run in its folder; empty for the none frontend.
	Start string
	Build string
}

// Backend is the chosen backend; for fullstack frontends ID is empty and Language is node,
// because the framework serves the auth API with supertokens-node.
type Backend struct {
	ID       string
	Name     string
	Language string
	// Start is the rendered shell command, run in backend/, that starts the API server.
	Start string
}

// URLs are derived from one set of ports so that the frontend config, the backend config,
// CORS and the README always agree.
type URLs struct {
	WebsiteDomain   string // http://localhost:3000
	APIDomain       string // http://localhost:3001, or the website domain for fullstack
	WebsiteBasePath string // /auth
	APIBasePath     string // /auth, or /api/auth for fullstack
	WebsitePort     int
	APIPort         int
}

// Core is the SuperTokens core the app talks to by default.
type Core struct {
	// Kind is demo, docker or url.
	Kind string
	// ConnectionURI is the default for SUPERTOKENS_CONNECTION_URI.
	ConnectionURI string
	// APIKey is the core's API key, written only into the git-ignored .env; empty for
	// the demo core unless --api-key is given.
	APIKey string
	// DatabasePassword is the PostgreSQL password of the docker core, also only in .env.
	DatabasePassword string
}

// Manager is the JavaScript package manager used in scripts and next steps.
type Manager struct {
	Name    string // npm, yarn, pnpm or bun
	Run     string // "npm run", "yarn", "pnpm", "bun run"
	Install string // "npm install", "yarn", "pnpm install", "bun install"
}
