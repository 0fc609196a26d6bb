// Package templates embeds the built-in template pack, so the tool works offline and never
// downloads templates at run time.
package templates

import (
	"embed"
	"io/fs"

	"create-supertokens-app/pack"
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

// BuiltinCatalog loads the built-in pack as a catalog of its own.
func BuiltinCatalog() (*pack.Catalog, error) {
	p, err := pack.Load(Builtin(), BuiltinOrigin)
	if err != nil {
		return nil, err
	}
	p.Builtin = true
	return pack.NewCatalog(p), nil
}

// BuiltinOrigin names the embedded pack in messages and listings.
const BuiltinOrigin = "built-in"
