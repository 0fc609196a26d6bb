//go:build unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

var (
	interruptSignal = syscall.SIGINT
	terminateSignal = syscall.SIGTERM
	killSignal      = syscall.SIGKILL
)

// setProcessGroup makes the command the leader of a new process group, so that one
// signal reaches npm, the shell it spawns and the server below them.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// signalGroup sends sig to every process of the group led by pid. It ignores a group that
// no longer exists.
func signalGroup(pid int, sig syscall.Signal) {
	_ = syscall.Kill(-pid, sig)
}

// groupAlive reports whether a process of the group led by pid still runs. Where /proc
// exists, zombies do not count: orphans that exited stay zombies until init reaps them,
// which some container init processes do late or never.
func groupAlive(pid int) bool {
	if alive, ok := groupAliveProc(pid); ok {
		return alive
	}
	err := syscall.Kill(-pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// groupAliveProc scans /proc for a process in group pgid that is not a zombie. ok is
// false when /proc cannot be read.
func groupAliveProc(pgid int) (alive, ok bool) {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return false, false
	}
	found := false
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		data, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		found = true
		state, group, parsed := parseStat(string(data))
		if parsed && group == pgid && state != "Z" && state != "X" {
			return true, true
		}
	}
	return false, found
}

// parseStat returns the state and the process group of a /proc/<pid>/stat line:
// "pid (comm) state ppid pgrp ...", where comm may contain spaces and parentheses.
func parseStat(line string) (state string, pgrp int, ok bool) {
	end := strings.LastIndexByte(line, ')')
	if end < 0 {
		return "", 0, false
	}
	fields := strings.Fields(line[end+1:])
	if len(fields) < 3 {
		return "", 0, false
	}
	pgrp, err := strconv.Atoi(fields[2])
	if err != nil {
		return "", 0, false
	}
	return fields[0], pgrp, true
}
