// Package templates embeds the built-in template pack, so the tool works offline and never
// downloads templates at run time.
package templates

import (
	"embed"
	"io/fs"
)

//go:embed all:builtin
var builtin embed.FS

//go:embed all:packinit
var packInit embed.FS

// Builtin returns the built-in pack with builtin/ as its root.
func Builtin() fs.FS {
	sub, err := fs.Sub(builtin, "builtin")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "builtin" is a constant.
		panic(err)
	}
	return sub
}

// PackInit returns the example pack that `pack init` writes, with its manifest at the root.
func PackInit() fs.FS {
	sub, err := fs.Sub(packInit, "packinit")
	if err != nil {
		panic(err)
	}
	return sub
}
