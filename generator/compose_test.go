package generator_test

import (
	"context"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"

	"create-supertokens-app/answers"
	"create-supertokens-app/generator"
)

// TestDockerComposeIsValid checks the generated docker-compose.yml against the Compose
// specification with compose-go, the library docker compose itself uses, because no
// Docker engine is available to run it.
func TestDockerComposeIsValid(t *testing.T) {
	cat := builtinCatalog(t)
	for _, stack := range [][2]string{{"react", "flask"}, {"next-app-directory", ""},
		{"none", "go-http"}} {
		t.Run(stack[0]+"-"+stack[1], func(t *testing.T) {
			p, err := answers.Validate(answers.Answers{AppName: "compose-app",
				Frontend: stack[0], Backend: stack[1], Recipe: "emailpassword",
				Core: "docker"}, cat)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := generator.Render(p, cat)
			if err != nil {
				t.Fatal(err)
			}
			files := map[string]string{}
			for _, f := range plan.Files {
				files[f.Path] = string(f.Data)
			}
			compose, ok := files["docker-compose.yml"]
			if !ok {
				t.Fatal("no docker-compose.yml")
			}
			env := parseDotEnv(t, files[".env"])
			project := loadCompose(t, compose, env)

			core, err := project.GetService("core")
			if err != nil {
				t.Fatal(err)
			}
			if len(core.Ports) != 1 || core.Ports[0].Target != 3567 ||
				core.Ports[0].Published != "3567" {
				t.Errorf("core ports = %+v, want 3567", core.Ports)
			}
			if core.HealthCheck == nil || !strings.Contains(strings.Join(core.HealthCheck.Test, " "), "/hello") {
				t.Errorf("core health check = %+v, want one on /hello", core.HealthCheck)
			}
			if got := core.Environment["API_KEYS"]; got == nil || *got != env["SUPERTOKENS_API_KEY"] {
				t.Errorf("core API_KEYS = %v, want the key from .env", got)
			}
			if !strings.HasPrefix(core.Image, "registry.supertokens.io/supertokens/supertokens-postgresql:") {
				t.Errorf("core image = %s", core.Image)
			}
			db, err := project.GetService("db")
			if err != nil {
				t.Fatal(err)
			}
			if len(db.Volumes) != 1 || db.Volumes[0].Type != types.VolumeTypeVolume {
				t.Errorf("db volumes = %+v, want one named volume", db.Volumes)
			}
			if env["SUPERTOKENS_CONNECTION_URI"] != "http://localhost:3567" {
				t.Errorf(".env connection URI = %q", env["SUPERTOKENS_CONNECTION_URI"])
			}
		})
	}
}

func loadCompose(t *testing.T, content string, env map[string]string) *types.Project {
	t.Helper()
	details := types.ConfigDetails{
		WorkingDir:  t.TempDir(),
		ConfigFiles: []types.ConfigFile{{Filename: "docker-compose.yml", Content: []byte(content)}},
		Environment: env,
	}
	project, err := loader.LoadWithContext(context.Background(), details,
		func(o *loader.Options) { o.SetProjectName("compose-app", true) })
	if err != nil {
		t.Fatalf("docker-compose.yml does not follow the Compose specification: %v", err)
	}
	return project
}

func parseDotEnv(t *testing.T, content string) map[string]string {
	t.Helper()
	env := map[string]string{}
	for _, line := range strings.Split(content, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok {
			t.Fatalf(".env line %q is not KEY=VALUE", line)
		}
		env[key] = value
	}
	return env
}
