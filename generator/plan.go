// Package generator renders a project from template packs into an in-memory plan and writes
// that plan to disk atomically. The plan is the single source for --dry-run, --json,
// conflict checks, golden tests and the real write.
package generator

import (
	"io/fs"
	"sort"
)

// File is one file of the generated project.
type File struct {
	// Path is slash-separated and relative to the project root.
	Path string
	Data []byte
	Mode fs.FileMode
	// Source names the pack file it came from, for messages.
	Source string
}

// Step is a post-generation command list, rendered.
type Step struct {
	Name string
	// Dir is slash-separated and relative to the project root.
	Dir      string
	Commands [][]string
	// Origin is the pack that asked for the step; Builtin steps run without --trust.
	Origin  string
	Builtin bool
}

// Plan is every file and post-step of a project.
type Plan struct {
	Files []File
	Steps []Step
	// Messages are the rendered after-generation messages of the packs.
	Messages []string
}

// Paths returns the file paths in order.
func (p *Plan) Paths() []string {
	paths := make([]string, len(p.Files))
	for i, f := range p.Files {
		paths[i] = f.Path
	}
	return paths
}

func (p *Plan) sortFiles() {
	sort.Slice(p.Files, func(i, j int) bool { return p.Files[i].Path < p.Files[j].Path })
}
