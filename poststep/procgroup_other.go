//go:build !unix

package poststep

import "os/exec"

func setProcessGroup(cmd *exec.Cmd) {}
