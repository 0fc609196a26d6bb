package pack

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"strings"

	"gopkg.in/yaml.v3"
)

// Pack is a loaded template pack.
type Pack struct {
	Manifest Manifest
	// Versions is the pack's version table.
	Versions map[string]string
	// FS holds the pack's files with the manifest at its root.
	FS fs.FS
	// Origin says where the pack came from, for messages: "built-in", a folder or a URL.
	Origin string
	// Builtin is true for the pack embedded in the binary, whose install steps always run.
	Builtin bool
}

// Error is a problem in a pack, located by file and, when known, line.
type Error struct {
	Origin string
	File   string
	Line   int
	Err    error
}

func (e *Error) Error() string {
	where := e.File
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	return fmt.Sprintf("pack %s: %s: %v", e.Origin, where, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Load reads the manifest and version table of the pack in fsys.
func Load(fsys fs.FS, origin string) (*Pack, error) {
	p := &Pack{FS: fsys, Origin: origin}
	data, err := fs.ReadFile(fsys, ManifestFile)
	if err != nil {
		return nil, &Error{Origin: origin, File: ManifestFile, Err: err}
	}
	if err := decodeStrict(data, &p.Manifest); err != nil {
		return nil, &Error{Origin: origin, File: ManifestFile, Line: yamlLine(err),
			Err: readableYAMLError(err)}
	}

	p.Versions = map[string]string{}
	data, err = fs.ReadFile(fsys, VersionsFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// A pack without pinned dependencies needs no version table.
	case err != nil:
		return nil, &Error{Origin: origin, File: VersionsFile, Err: err}
	default:
		if err := decodeStrict(data, &p.Versions); err != nil {
			return nil, &Error{Origin: origin, File: VersionsFile, Line: yamlLine(err), Err: err}
		}
	}
	return p, nil
}

// decodeStrict decodes YAML and rejects fields the target type does not have.
func decodeStrict(data []byte, target any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	err := dec.Decode(target)
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}

// yamlLine extracts the first line number from a yaml.v3 error, which reports problems as
// "line N: ...".
func yamlLine(err error) int {
	var typeErr *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &typeErr) && len(typeErr.Errors) > 0 {
		msg = typeErr.Errors[0]
	}
	var line int
	if _, scanErr := fmt.Sscanf(after(msg, "line "), "%d", &line); scanErr != nil {
		return 0
	}
	return line
}

func after(s, marker string) string {
	i := strings.Index(s, marker)
	if i < 0 {
		return ""
	}
	return s[i+len(marker):]
}

// readableYAMLError rewrites yaml.v3's "field x not found in type pack.Manifest" into words
// a pack author knows, and drops the "line N:" prefix that Error already shows.
func readableYAMLError(err error) error {
	var typeErr *yaml.TypeError
	if !errors.As(err, &typeErr) {
		return err
	}
	var msgs []string
	for _, m := range typeErr.Errors {
		if _, rest, ok := strings.Cut(m, ": "); ok && strings.HasPrefix(m, "line ") {
			m = rest
		}
		if field, _, ok := strings.Cut(strings.TrimPrefix(m, "field "), " not found in type"); ok {
			m = fmt.Sprintf("unknown field %q", field)
		}
		msgs = append(msgs, m)
	}
	return errors.New(strings.Join(msgs, "; "))
}
