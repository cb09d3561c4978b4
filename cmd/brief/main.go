// Command brief turns a folder of policy articles about military tension
// between states into briefing packs: for each article, the actors, the
// incidents and the de-confliction proposals it contains, every finding
// linked to its sentence; and a site that compares the articles.
//
//	brief build                      analyse corpus/ and write the site to out/ (incrementally)
//	brief serve [--port N]           build, serve on 127.0.0.1, rebuild and reload on changes
//	brief check                      validate config, articles and templates; write nothing
//	brief analyze FILE...|- [--format json|jsonl|md]
//	brief eval --docs DIR --gold DIR [--format text|json] [-v]
//	brief config                     print the effective configuration
//	brief templates list|export DIR  see and copy the default templates
//	brief version
//
// Configuration comes from defaults, then brief.yaml (or --config), then
// BRIEF_* environment variables, then flags. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() { os.Exit(runMain()) }

// runMain runs brief on the process's arguments, prints the error if any
// and returns the exit status.
func runMain() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := Execute(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case errors.Is(err, context.Canceled):
		// Every command stops before writing: nothing was replaced.
		fmt.Fprintln(os.Stderr, "brief: interrupted: nothing was replaced")
	case err != nil:
		fmt.Fprintln(os.Stderr, "brief:", err)
	}
	return exitCode(err)
}
