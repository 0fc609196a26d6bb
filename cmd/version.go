package cmd

import (
	"fmt"

	"github.com/spf13/cobra"
)

// Version is the tool's version; release builds set it with
// -ldflags "-X create-supertokens-app/cmd.Version=...".
var Version = "0.1.0"

func newVersionCommand(s Streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintln(s.Out, Version)
			return err
		},
	}
}
