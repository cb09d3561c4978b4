package main

import "github.com/spf13/cobra"

func (a *app) evalCmd() *cobra.Command {
	return &cobra.Command{Use: "eval", Short: "Score the extraction against gold annotations", Hidden: true}
}
