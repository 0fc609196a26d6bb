package generator

import (
	"fmt"
	"strings"

	"create-supertokens-app/answers"
	"create-supertokens-app/pack"
)

// Ports of generated projects. Fullstack frameworks serve the website and the API on the
// website port.
const (
	WebsitePort = 3000
	APIPort     = 3001
)

// NewContext builds the template data for a validated project.
func NewContext(p answers.Project, cat *pack.Catalog) (Context, error) {
	a := p.Answers
	ctx := Context{
		App: App{
			Name:     a.AppName,
			Title:    title(a.AppName),
			GoModule: a.AppName,
		},
		Frontend: Frontend{
			ID:   p.Frontend.Value.ID,
			Name: p.Frontend.Value.Name,
			Kind: p.Frontend.Value.Kind,
		},
		Auth: p.Auth,
		Core: Core{Kind: p.CoreKind, ConnectionURI: p.CoreURI, APIKey: a.APIKey,
			DatabasePassword: p.DatabasePassword},
		Manager:  newManager(a.Manager),
		Versions: cat.Versions,
		Set:      map[string]string{},
	}
	for k, v := range a.Set {
		ctx.Set[k] = v
	}

	website := fmt.Sprintf("http://localhost:%d", WebsitePort)
	ctx.URLs = URLs{
		WebsiteDomain:   website,
		APIDomain:       fmt.Sprintf("http://localhost:%d", APIPort),
		WebsiteBasePath: "/auth",
		APIBasePath:     "/auth",
		WebsitePort:     WebsitePort,
		APIPort:         APIPort,
	}
	if p.Fullstack() {
		ctx.URLs.APIDomain = website
		ctx.URLs.APIBasePath = "/api/auth"
		ctx.URLs.APIPort = WebsitePort
		ctx.Backend = Backend{Language: pack.LanguageNode}
	} else {
		b := p.Backend.Value
		ctx.Backend = Backend{ID: b.ID, Name: b.Name, Language: b.Language}
	}

	// Start commands are templates themselves; render them so root scripts can use them.
	var err error
	if ctx.Frontend.Start, err = renderString("frontend start", p.Frontend.Value.Start, ctx); err != nil {
		return ctx, err
	}
	if ctx.Frontend.Build, err = renderString("frontend build", p.Frontend.Value.Build, ctx); err != nil {
		return ctx, err
	}
	if p.Backend != nil {
		if ctx.Backend.Start, err = renderString("backend start", p.Backend.Value.Start, ctx); err != nil {
			return ctx, err
		}
	}
	return ctx, nil
}

func newManager(name string) Manager {
	switch name {
	case "yarn":
		return Manager{Name: "yarn", Run: "yarn", Install: "yarn install"}
	case "pnpm":
		return Manager{Name: "pnpm", Run: "pnpm", Install: "pnpm install"}
	case "bun":
		return Manager{Name: "bun", Run: "bun run", Install: "bun install"}
	default:
		return Manager{Name: "npm", Run: "npm run", Install: "npm install"}
	}
}

// title turns "my-cool_app" into "My Cool App".
func title(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool {
		return r == '-' || r == '_' || r == '.' || r == '~'
	})
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	if len(words) == 0 {
		return name
	}
	return strings.Join(words, " ")
}
