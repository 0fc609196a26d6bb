package generator_test

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"create-supertokens-app/answers"
	"create-supertokens-app/generator"
)

// BenchmarkReactFlask measures rendering the React + Flask project into a plan and writing
// it to disk, the work between the last answer and the first install.
func BenchmarkReactFlask(b *testing.B) {
	cat := builtinCatalog(b)
	p, err := answers.Validate(answers.Answers{AppName: "bench-app", Frontend: "react",
		Backend: "flask", Recipe: "emailpassword"}, cat)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		plan, err := generator.Render(p, cat)
		if err != nil {
			b.Fatal(err)
		}
		target := filepath.Join(dir, strconv.Itoa(i))
		if err := generator.Write(context.Background(), plan, target, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderOnly measures rendering alone, without disk writes.
func BenchmarkRenderOnly(b *testing.B) {
	cat := builtinCatalog(b)
	p, err := answers.Validate(answers.Answers{AppName: "bench-app", Frontend: "react",
		Backend: "flask", Recipe: "emailpassword"}, cat)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := generator.Render(p, cat); err != nil {
			b.Fatal(err)
		}
	}
}
