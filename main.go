// Command create-supertokens-app scaffolds an app with SuperTokens authentication.
package main

import (
	"os"

	"create-supertokens-app/cmd"
)

func main() {
	os.Exit(cmd.Execute(os.Args[1:], cmd.Streams{
		In: os.Stdin, Out: os.Stdout, Err: os.Stderr, Env: os.Environ(),
	}))
}
