package cmd

import (
	"context"
	"fmt"
	"os/exec"
	"strings"

	"create-supertokens-app/answers"
	"create-supertokens-app/poststep"
)

// autostart runs the app's start script in the foreground, passing its output through,
// until it exits or the user presses Ctrl-C.
func autostart(ctx context.Context, s Streams, p answers.Project, target string,
	results []poststep.Result) error {
	for _, r := range results {
		if r.Name != "git" && r.Status != poststep.StatusOK {
			return fmt.Errorf("not starting the app because %s did not install; run %q "+
				"first", r.Name, r.Command)
		}
	}
	line := runCommand(p)
	fmt.Fprintf(s.Err, "\nStarting the app with %q (Ctrl-C stops it)\n", line)
	argv := strings.Fields(line)
	c := exec.CommandContext(ctx, argv[0], argv[1:]...)
	c.Dir = target
	c.Env = s.Env
	c.Stdin, c.Stdout, c.Stderr = s.In, s.Out, s.Err
	if err := c.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("the app stopped: %w", err)
	}
	return nil
}
