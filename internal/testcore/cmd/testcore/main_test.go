package main

import (
	"bufio"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestProcessPrintsURLAndStops builds the command, checks that the first stdout line is a
// working base URL and that SIGTERM stops the process cleanly.
func TestProcessPrintsURLAndStops(t *testing.T) {
	binary := filepath.Join(t.TempDir(), "testcore")
	build := exec.Command("go", "build", "-o", binary, ".")
	output, err := build.CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, output)
	}

	cmd := exec.Command(binary, "-port", "0", "-access-token-lifetime", "5s")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatalf("stdout pipe: %v", err)
	}
	err = cmd.Start()
	if err != nil {
		t.Fatalf("start %s: %v", binary, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})

	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("read first stdout line: %v", err)
	}
	baseURL := strings.TrimSpace(line)
	if !strings.HasPrefix(baseURL, "http://127.0.0.1:") {
		t.Fatalf("first stdout line: expected http://127.0.0.1:<port>, got %q", line)
	}

	resp, err := http.Get(baseURL + "/hello")
	if err != nil {
		t.Fatalf("GET /hello: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(body) != "Hello" {
		t.Errorf("GET /hello: expected 200 Hello, got %d %q", resp.StatusCode, body)
	}
	resp, err = http.Get(baseURL + "/test/codes?contact=nobody%40example.com")
	if err != nil {
		t.Fatalf("GET /test/codes: %v", err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /test/codes for an unknown contact: expected 404, got %d", resp.StatusCode)
	}

	err = cmd.Process.Signal(syscall.SIGTERM)
	if err != nil {
		t.Fatalf("send SIGTERM: %v", err)
	}
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("process exited with %v after SIGTERM, expected status 0", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("process did not exit within 10s of SIGTERM")
	}
}
