//go:build unix

package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestCommandRunLogsOutput(t *testing.T) {
	log := filepath.Join(t.TempDir(), "run.log")
	err := Command{Dir: t.TempDir(), Argv: []string{"sh", "-c", "echo hello; exit 3"},
		Log: log}.Run(context.Background())
	if err == nil || !strings.Contains(err.Error(), "exit status 3") {
		t.Errorf("error = %v, want exit status 3", err)
	}
	data, _ := os.ReadFile(log)
	if !strings.Contains(string(data), "hello") {
		t.Errorf("log lacks the output: %s", data)
	}
}

func TestCommandTimeoutKillsGroup(t *testing.T) {
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "child.pid")
	start := time.Now()
	// sh starts the background sleep with SIGINT ignored, so only the SIGKILL that follows
	// every run ends it.
	err := Command{Dir: dir, Argv: []string{"sh", "-c",
		"sleep 60 & echo $! > " + pidFile + "; wait"},
		Log: filepath.Join(dir, "run.log"), Timeout: 500 * time.Millisecond}.Run(
		context.Background())
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("error = %v, want a timeout", err)
	}
	if elapsed := time.Since(start); elapsed > cancelGrace+5*time.Second {
		t.Errorf("run took %s", elapsed)
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid := strings.TrimSpace(string(data))
	// SIGKILL is delivered asynchronously, and the orphan stays a zombie until init reaps it.
	for range 40 {
		status, err := os.ReadFile("/proc/" + pid + "/status")
		if err != nil || strings.Contains(string(status), "zombie") {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("background child %s still runs after the timeout", pid)
}

func TestParseStat(t *testing.T) {
	state, pgrp, ok := parseStat("123 (node (worker) x) S 1 456 456 0 -1")
	if !ok || state != "S" || pgrp != 456 {
		t.Errorf("parseStat = %q, %d, %t; want S, 456, true", state, pgrp, ok)
	}
	if _, _, ok := parseStat("garbage"); ok {
		t.Error("parseStat accepted a line without a command name")
	}
}

func TestServerStopEndsGroup(t *testing.T) {
	dir := t.TempDir()
	srv, err := StartServer(Command{Dir: dir, Argv: []string{"sh", "-c", "sleep 60 & wait"},
		Log: filepath.Join(dir, "server.log")})
	if err != nil {
		t.Fatal(err)
	}
	if srv.Stop() {
		t.Error("Stop needed SIGKILL for processes that exit on SIGTERM")
	}
	if groupAlive(srv.PID()) {
		t.Error("process group still alive after Stop")
	}
}

func TestWaitListeningNoticesExit(t *testing.T) {
	dir := t.TempDir()
	srv, err := StartServer(Command{Dir: dir, Argv: []string{"sh", "-c", "exit 1"},
		Log: filepath.Join(dir, "server.log")})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	port, err := FreePort()
	if err != nil {
		t.Fatal(err)
	}
	err = srv.WaitListening(context.Background(), "localhost:"+strconv.Itoa(port), time.Minute)
	if err == nil || !strings.Contains(err.Error(), "exited before listening") {
		t.Errorf("error = %v, want an early exit", err)
	}
}
