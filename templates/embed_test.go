package templates

import (
	"io/fs"
	"path"
	"testing"
)

// TestNoLiveIgnoreFiles keeps ignore files of generated projects from acting on this
// repository: a template named .gitignore would make git ignore files of the pack itself
// (an .env.* rule hides .env.example.tmpl), so a clean clone would lack them. They are
// stored as .gitignore.tmpl instead.
func TestNoLiveIgnoreFiles(t *testing.T) {
	for name, fsys := range map[string]fs.FS{"builtin": Builtin(), "packinit": PackInit()} {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch path.Base(p) {
			case ".gitignore", ".gitattributes", ".npmignore":
				t.Errorf("%s/%s: store it as %s.tmpl", name, p, path.Base(p))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestBuiltinCatalogLoads(t *testing.T) {
	cat, err := BuiltinCatalog()
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Frontends) == 0 || len(cat.Backends) == 0 || len(cat.Recipes) == 0 {
		t.Errorf("catalog has %d frontends, %d backends, %d recipes", len(cat.Frontends),
			len(cat.Backends), len(cat.Recipes))
	}
}
