package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/brief-tool/brief/templates"
)

func (a *app) templatesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "List or export the default templates",
		Long: `The site is rendered from templates embedded in brief. A file of the same
name in the templates folder (--templates, BRIEF_TEMPLATES or "templates:" in
brief.yaml) overrides the default: start from 'brief templates export DIR'.`,
		Example: `  brief templates list
  brief templates export my-templates && brief build --templates my-templates`,
	}
	cmd.AddCommand(&cobra.Command{
		Use:     "list",
		Short:   "List the default templates and which file each comes from",
		Example: "  brief templates list --templates my-templates",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			store, err := templates.New(templates.Options{Dir: a.cfg.Templates, Strict: a.cfg.Strict})
			if err != nil {
				return err
			}
			for _, name := range templates.Names() {
				fmt.Fprintf(a.stdout, "%-32s %s\n", name, store.Source(name))
			}
			return nil
		},
	}, &cobra.Command{
		Use:     "export DIR",
		Short:   "Copy the default templates into DIR to customise them",
		Example: "  brief templates export my-templates",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := templates.Export(args[0])
			for _, f := range files {
				fmt.Fprintln(a.stdout, f)
			}
			return err
		},
	})
	return cmd
}
