//go:build !unix

package main

import (
	"os"
	"os/exec"
)

// Without process groups, only the main process of a command is signalled; its children
// may outlive it.
var (
	interruptSignal = os.Interrupt
	terminateSignal = os.Kill
	killSignal      = os.Kill
)

func setProcessGroup(cmd *exec.Cmd) {}

func signalGroup(pid int, sig os.Signal) {
	if p, err := os.FindProcess(pid); err == nil {
		_ = p.Signal(sig)
	}
}

func groupAlive(pid int) bool { return false }
