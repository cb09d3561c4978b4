package main

import (
	"os"
	"path/filepath"

	"github.com/brief-tool/brief/templates"
)

// checkOut applies brief's rules for the output folder (templates.CheckOut)
// to the configured out: it may not be, contain or lie inside the corpus,
// the templates folder, a dictionary or the cache; nor be or contain the
// working directory, the configuration file's folder or the home folder;
// nor be a root; and an existing folder is replaced only when brief wrote
// it (it holds templates.Marker) or it is empty, unless force
// (--force-out). Every command that writes a site calls it before doing
// any work (build; serve the same way), and passes force on to
// templates.WriteDir. The error is a *ConfigError for the key out.
func (a *app) checkOut(force bool) error {
	c := a.cfg
	rules := templates.OutRules{Force: force}
	input := func(path, what string) {
		if path != "" {
			rules.Inputs = append(rules.Inputs, templates.Place{Path: path, What: what + " (" + path + ")"})
		}
	}
	input(c.Corpus, "the corpus folder")
	input(c.Templates, "the templates folder")
	input(c.Cache, "the cache folder")
	for _, d := range c.Dictionaries {
		input(d, "the dictionary")
	}
	around := func(path, what string) {
		if path != "" {
			rules.Around = append(rules.Around, templates.Place{Path: path, What: what + " (" + path + ")"})
		}
	}
	if wd, err := os.Getwd(); err == nil {
		around(wd, "the working directory")
	}
	if c.File != "" {
		around(filepath.Dir(c.File), "the folder of the configuration file")
	}
	if home, err := os.UserHomeDir(); err == nil {
		around(home, "your home folder")
	}
	if err := templates.CheckOut(c.Out, rules); err != nil {
		return &ConfigError{File: c.fileFor("out"), Key: "out", Err: err}
	}
	return nil
}
