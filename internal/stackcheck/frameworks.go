package main

// Paths of split-stack backends, fixed by the template contract (docs/templates.md).
const (
	splitAPIBasePath = "/auth"
	splitSessionPath = "/sessioninfo"
)

// fullstackAPIBasePath is the path under which every fullstack framework serves the auth API.
const fullstackAPIBasePath = "/api/auth"

// Framework describes how to run and probe the production server of a fullstack
// framework. Frameworks missing from the table get defaultFramework.
type Framework struct {
	// SessionPath is the route that verifies the session and returns its data.
	SessionPath string
	// StartArgs are appended to `npm run start --`, for servers that take their listen
	// address from flags instead of the HOST variable.
	StartArgs []string
}

var defaultFramework = Framework{SessionPath: "/api/sessioninfo"}

// frameworks is read from the templates: each route file below answers GET with the
// session. React Router serve, SvelteKit adapter-node, Astro's Node adapter and Nitro
// (Nuxt) read HOST and PORT; `next start` reads PORT but takes the host as a flag.
var frameworks = map[string]Framework{
	// pages/api/sessioninfo.ts
	"next": {SessionPath: "/api/sessioninfo", StartArgs: []string{"--hostname", "localhost"}},
	// app/api/sessioninfo/route.ts
	"next-app-directory": {SessionPath: "/api/sessioninfo",
		StartArgs: []string{"--hostname", "localhost"}},
	// app/routes/api.sessioninfo.ts
	"remix": {SessionPath: "/api/sessioninfo"},
	// src/routes/api/sessioninfo/+server.ts
	"sveltekit": {SessionPath: "/api/sessioninfo"},
	// src/pages/api/sessioninfo.ts, which astro-react takes from the astro layer
	"astro":       {SessionPath: "/api/sessioninfo"},
	"astro-react": {SessionPath: "/api/sessioninfo"},
	// server/api/sessioninfo.get.ts
	"nuxtjs": {SessionPath: "/api/sessioninfo"},
}

// FrameworkFor returns the entry of a fullstack frontend id.
func FrameworkFor(id string) Framework {
	if f, ok := frameworks[id]; ok {
		return f
	}
	return defaultFramework
}

// Endpoints are the paths a stack's server is probed on.
type Endpoints struct {
	APIBasePath string
	SessionPath string
}

// EndpointsFor returns the auth API base path and the protected route of a stack.
func EndpointsFor(s Stack) Endpoints {
	if s.Fullstack() {
		return Endpoints{APIBasePath: fullstackAPIBasePath,
			SessionPath: FrameworkFor(s.Frontend).SessionPath}
	}
	return Endpoints{APIBasePath: splitAPIBasePath, SessionPath: splitSessionPath}
}
