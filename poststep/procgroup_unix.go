//go:build unix

package poststep

import (
	"os/exec"
	"syscall"
)

// setProcessGroup puts the command in its own process group and makes cancellation kill
// the whole group, so an interrupted install leaves no child processes behind.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
}
