package testcore_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// backendReadyTimeout bounds how long a started SDK backend may take to serve /health.
const backendReadyTimeout = 60 * time.Second

// lockedBuffer collects a child process's output for the failure message.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// freePort returns a TCP port on 127.0.0.1 that was free a moment ago. The backends need
// their port before they start, because the SDKs take apiDomain at init.
func freePort(t *testing.T) string {
	t.Helper()
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	port := listener.Addr().(*net.TCPAddr).Port
	err = listener.Close()
	if err != nil {
		t.Fatalf("release port %d: %v", port, err)
	}
	return strconv.Itoa(port)
}

// runSetup runs a dependency-fetching command and skips the test if it fails, because the
// only expected failure is a registry that cannot be reached.
func runSetup(t *testing.T, dir, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	output, err := cmd.CombinedOutput()
	if err != nil {
		t.Skipf("skipping: cannot fetch SDK dependencies (%s %v in %s failed: %v)\n%s",
			name, args, dir, err, output)
	}
}

// requireTool skips the test when a toolchain program is not installed.
func requireTool(t *testing.T, name string) {
	t.Helper()
	_, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("skipping: %s is not installed: %v", name, err)
	}
}

// startBackend starts an SDK backend process with CORE_URL and PORT set, waits until it
// serves GET /health and returns its base URL. The process is killed when the test ends, and
// its output is logged if the test failed.
func startBackend(t *testing.T, dir, coreURL string, name string, args ...string) string {
	t.Helper()
	port := freePort(t)
	output := &lockedBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CORE_URL="+coreURL, "PORT="+port)
	cmd.Stdout = output
	cmd.Stderr = output
	err := cmd.Start()
	if err != nil {
		cancel()
		t.Fatalf("start %s in %s: %v", name, dir, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cancel()
		<-exited
		if t.Failed() {
			t.Logf("output of %s:\n%s", name, output.String())
		}
	})

	baseURL := "http://127.0.0.1:" + port
	deadline := time.Now().Add(backendReadyTimeout)
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("%s exited before it was ready: %v\n%s", name, err, output.String())
		default:
		}
		resp, err := http.Get(baseURL + "/health")
		if err == nil {
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return baseURL
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s did not serve %s/health within %s\n%s", name, baseURL, backendReadyTimeout,
		output.String())
	return ""
}

// goBackend builds the supertokens-golang check program into a temporary directory.
func goBackend(t *testing.T, coreURL string) string {
	requireTool(t, "go")
	dir := filepath.Join("sdkcheck", "go")
	runSetup(t, dir, "go", "mod", "download")
	binary := filepath.Join(t.TempDir(), "sdkcheck-go")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir = dir
	build.Env = append(os.Environ(), "GOWORK=off")
	output, err := build.CombinedOutput()
	if err != nil {
		t.Fatalf("build %s: %v\n%s", dir, err, output)
	}
	return startBackend(t, dir, coreURL, binary)
}

// nodeBackend installs the pinned npm packages if needed and starts the Express check server.
func nodeBackend(t *testing.T, coreURL string) string {
	requireTool(t, "node")
	requireTool(t, "npm")
	dir := filepath.Join("sdkcheck", "node")
	if !exists(filepath.Join(dir, "node_modules", "supertokens-node", "package.json")) {
		runSetup(t, dir, "npm", "ci", "--no-audit", "--no-fund")
	}
	return startBackend(t, dir, coreURL, "node", "server.js")
}

// pythonBackend creates sdkcheck/python/.venv with the pinned packages if needed and starts
// the FastAPI check server.
func pythonBackend(t *testing.T, coreURL string) string {
	requireTool(t, "python3")
	dir := filepath.Join("sdkcheck", "python")
	python := filepath.Join(".venv", "bin", "python")
	if !exists(filepath.Join(dir, python)) {
		runSetup(t, dir, "python3", "-m", "venv", ".venv")
	}
	runSetup(t, dir, python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
		"-r", "requirements.txt")
	return startBackend(t, dir, coreURL, python, "server.py")
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, os.ErrNotExist)
}

// describe formats an HTTP exchange for failure messages.
func describe(method, path string, status int, body []byte) string {
	return fmt.Sprintf("%s %s: HTTP %d: %s", method, path, status, body)
}
