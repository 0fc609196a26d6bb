package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Single-page apps are served from their production build by a static server in this
// process, with index.html for every path that is not a file, as a host of such an app
// would be set up. Every SPA frontend builds into dist/ (Vite) or a folder below it
// (Angular: dist/<project>/browser).

// buildFolder is where SPA frontends write their production build.
const buildFolder = "dist"

// FindBuildRoot returns the folder of fsys, at most three levels deep, that contains
// index.html, preferring the shallowest and then the first in lexical order.
func FindBuildRoot(fsys fs.FS) (string, error) {
	var found []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.Count(p, "/") >= 3 {
			return fs.SkipDir
		}
		if !d.IsDir() && d.Name() == "index.html" {
			found = append(found, path.Dir(p))
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	if len(found) == 0 {
		return "", errors.New("no index.html in the build")
	}
	sort.Slice(found, func(i, j int) bool {
		di, dj := strings.Count(found[i], "/"), strings.Count(found[j], "/")
		if found[i] == "." {
			di = -1
		}
		if found[j] == "." {
			dj = -1
		}
		if di != dj {
			return di < dj
		}
		return found[i] < found[j]
	})
	return found[0], nil
}

// spaHandler serves the files of root and index.html for any other path without a file
// extension; missing assets get 404.
type spaHandler struct {
	root  fs.FS
	files http.Handler
}

func (h spaHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	info, err := fs.Stat(h.root, name)
	if err == nil && (!info.IsDir() || fileExists(h.root, path.Join(name, "index.html"))) {
		h.files.ServeHTTP(w, r)
		return
	}
	if path.Ext(name) != "" {
		http.NotFound(w, r)
		return
	}
	http.ServeFileFS(w, r, h.root, "index.html")
}

func fileExists(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && !info.IsDir()
}

// StaticSite is a running static server of an SPA build.
type StaticSite struct {
	server *http.Server
	log    *os.File
	mu     sync.Mutex
}

// ServeBuild serves the build of the frontend in frontendDir on localhost:port (bound to
// 127.0.0.1) and logs each request to logPath.
func ServeBuild(frontendDir string, port int, logPath string) (*StaticSite, error) {
	dist := filepath.Join(frontendDir, buildFolder)
	rel, err := FindBuildRoot(os.DirFS(dist))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dist, err)
	}
	root := filepath.Join(dist, filepath.FromSlash(rel))

	log, err := openLog(logPath)
	if err != nil {
		return nil, err
	}
	listener, err := net.Listen("tcp4", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		log.Close()
		return nil, err
	}
	fmt.Fprintf(log, "serving %s on http://localhost:%d\n", root, port)

	site := &StaticSite{log: log}
	fsys := os.DirFS(root)
	handler := spaHandler{root: fsys, files: http.FileServerFS(fsys)}
	site.server = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
			handler.ServeHTTP(rec, r)
			site.mu.Lock()
			fmt.Fprintf(log, "%s %s %d\n", r.Method, r.URL.Path, rec.status)
			site.mu.Unlock()
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() { _ = site.server.Serve(listener) }()
	return site, nil
}

// Close stops the server.
func (s *StaticSite) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.server.Shutdown(ctx)
	s.log.Close()
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
