package main

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// setting is one line of `brief config`: the value as printed and where it
// came from.
type setting struct{ value, origin string }

// parseConfig reads the output of `brief config` into key -> setting, with
// nested keys joined by ".".
func parseConfig(t *testing.T, out string) map[string]setting {
	t.Helper()
	got := map[string]setting{}
	section := ""
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		if !strings.HasPrefix(line, " ") && strings.HasSuffix(line, ":") {
			section = strings.TrimSuffix(line, ":") + "."
			continue
		}
		key := ""
		if strings.HasPrefix(line, "  ") {
			key = section
		}
		line = strings.TrimSpace(line)
		name, rest, ok := strings.Cut(line, ": ")
		value, comment, ok2 := strings.Cut(rest, " # ")
		origin, env, ok3 := strings.Cut(comment, ", ")
		if !ok || !ok2 || !ok3 {
			t.Fatalf("cannot read config line %q", line)
		}
		key += name
		if want := envName(key); env != want {
			t.Errorf("%s: env var %q, want %q", key, env, want)
		}
		got[key] = setting{value, origin}
	}
	return got
}

func TestConfigDefaults(t *testing.T) {
	inTempDir(t)
	out, _, err := run(t, nil, "config")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "# effective configuration: defaults < brief.yaml (none found) < BRIEF_* environment < flags\n") {
		t.Errorf("header: %q", strings.SplitN(out, "\n", 2)[0])
	}
	got := parseConfig(t, out)
	want := map[string]setting{
		"corpus":                {`"corpus"`, "default"},
		"out":                   {`"out"`, "default"},
		"templates":             {`""`, "default"},
		"dictionaries":          {`[]`, "default"},
		"strict":                {"false", "default"},
		"site.title":            {`"Briefing packs"`, "default"},
		"limits.max_file_bytes": {"5242880", "default"},
		"limits.workers":        {"0", "default"},
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %+v, want %+v", k, got[k], w)
		}
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if !slices.Equal(keys, configKeys()) {
		t.Errorf("config prints keys %v, want every key %v", keys, configKeys())
	}
}

// Each layer overrides the one before: defaults < brief.yaml < BRIEF_* <
// flags. viper reads the process environment, so the env layer is set with
// t.Setenv and passed on as getenv.
func TestConfigPrecedence(t *testing.T) {
	dir := inTempDir(t)
	writeFile(t, filepath.Join(dir, "brief.yaml"), `corpus: file-corpus
out: file-out
templates: file-templates
site:
  title: File Title
limits:
  workers: 2
  max_file_bytes: 1000
`)
	env := map[string]string{
		"BRIEF_OUT":            "env-out",
		"BRIEF_SITE_TITLE":     "Env Title",
		"BRIEF_LIMITS_WORKERS": "3",
		"BRIEF_STRICT":         "true",
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
	out, _, err := run(t, env, "config", "--out", "flag-out", "--limits-max-file-bytes", "77")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "defaults < brief.yaml < BRIEF_*") {
		t.Errorf("header does not name brief.yaml: %q", strings.SplitN(out, "\n", 2)[0])
	}
	got := parseConfig(t, out)
	want := map[string]setting{
		"corpus":                {`"file-corpus"`, "file"},
		"templates":             {`"file-templates"`, "file"},
		"out":                   {`"flag-out"`, "flag"}, // file < env < flag
		"site.title":            {`"Env Title"`, "env"},
		"limits.workers":        {"3", "env"},
		"strict":                {"true", "env"},
		"limits.max_file_bytes": {"77", "flag"},
		"dictionaries":          {"[]", "default"},
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %+v, want %+v", k, got[k], w)
		}
	}
}

// executeEnv takes the environment as a function so tests need not touch
// the process's; the values must come from it, not only the origins.
func TestConfigEnvFromGetenv(t *testing.T) {
	inTempDir(t)
	env := map[string]string{"BRIEF_OUT": "env-out", "BRIEF_LIMITS_WORKERS": "5", "BRIEF_SITE_TITLE": "Env Title"}
	for k := range env {
		if os.Getenv(k) != "" {
			t.Skipf("%s is set in the test's environment", k)
		}
	}
	out, _, err := run(t, env, "config")
	if err != nil {
		t.Fatal(err)
	}
	got := parseConfig(t, out)
	if got["out"] != (setting{`"env-out"`, "env"}) {
	}
	for k, w := range map[string]setting{
		"out":            {`"env-out"`, "env"},
		"limits.workers": {"5", "env"},
		"site.title":     {`"Env Title"`, "env"},
	} {
		if got[k] != w {
			t.Errorf("%s = %+v, want %+v", k, got[k], w)
		}
	}
}

// Relative paths in a config file resolve against the file's folder; paths
// from flags or the environment stay relative to the working folder.
func TestConfigRelativePaths(t *testing.T) {
	dir := inTempDir(t)
	abs := filepath.Join(dir, "elsewhere", "templates")
	writeFile(t, filepath.Join(dir, "conf", "team", "site.yaml"), `corpus: articles
out: ../site
templates: `+abs+`
dictionaries: [dicts/extra.yaml, /etc/brief/places.yaml]
`)
	out, _, err := run(t, nil, "--config", "conf/team/site.yaml", "config")
	if err != nil {
		t.Fatal(err)
	}
	got := parseConfig(t, out)
	for k, w := range map[string]string{
		"corpus":       `"conf/team/articles"`,
		"out":          `"conf/site"`,
		"templates":    `"` + abs + `"`,
		"dictionaries": `["conf/team/dicts/extra.yaml", "/etc/brief/places.yaml"]`,
	} {
		if got[k].value != w {
			t.Errorf("%s = %s, want %s", k, got[k].value, w)
		}
	}
	if !strings.Contains(out, "defaults < conf/team/site.yaml <") {
		t.Errorf("header does not name the config file: %q", strings.SplitN(out, "\n", 2)[0])
	}

	// A flag's relative path is the user's, relative to where they are.
	out, _, err = run(t, nil, "--config", "conf/team/site.yaml", "--corpus", "mine", "config")
	if err != nil {
		t.Fatal(err)
	}
	if got := parseConfig(t, out)["corpus"]; got != (setting{`"mine"`, "flag"}) {
		t.Errorf("corpus = %+v, want \"mine\" from the flag", got)
	}
}

// BRIEF_CONFIG names the file when --config does not; --config wins.
func TestConfigFileChoice(t *testing.T) {
	dir := inTempDir(t)
	writeFile(t, filepath.Join(dir, "brief.yaml"), "site: {title: Local}\n")
	writeFile(t, filepath.Join(dir, "env.yaml"), "site: {title: From Env File}\n")
	writeFile(t, filepath.Join(dir, "flag.yaml"), "site: {title: From Flag File}\n")
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, nil, `"Local"`},
		{map[string]string{"BRIEF_CONFIG": "env.yaml"}, nil, `"From Env File"`},
		{map[string]string{"BRIEF_CONFIG": "env.yaml"}, []string{"--config", "flag.yaml"}, `"From Flag File"`},
	} {
		out, _, err := run(t, tt.env, append(tt.args, "config")...)
		if err != nil {
			t.Fatal(err)
		}
		if got := parseConfig(t, out)["site.title"]; got != (setting{tt.want, "file"}) {
			t.Errorf("env %v args %v: site.title = %+v, want %s from the file", tt.env, tt.args, got, tt.want)
		}
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		args       []string
		env        map[string]string // set with t.Setenv too
		key        string            // the key the error must name
		contains   []string
	}{
		{name: "unknown key", yaml: "out: site\nbogus: 1\n", key: "bogus", contains: []string{"unknown key"}},
		{name: "unknown nested key", yaml: "site:\n  title: T\n  colour: red\n", key: "site.colour", contains: []string{"unknown key"}},
		{name: "misspelt section", yaml: "limit:\n  workers: 2\n", key: "limit.workers", contains: []string{"unknown key"}},
		{name: "wrong type for an int", yaml: "limits: {workers: two}\n", key: "limits.workers", contains: []string{"two"}},
		{name: "wrong type for a bool", yaml: "strict: maybe\n", key: "strict", contains: []string{"maybe"}},
		{name: "list for a string", yaml: "corpus: [a, b]\n", key: "corpus"},
		{name: "map for a string", yaml: "out: {a: b}\n", key: "out.a"}, // reported as an unknown key under out
		{name: "negative workers", yaml: "limits: {workers: -1}\n", key: "limits.workers"},
		{name: "negative file limit", yaml: "limits: {max_file_bytes: -5}\n", key: "limits.max_file_bytes"},
		{name: "empty corpus", yaml: "corpus: \"\"\n", key: "corpus"},
		{name: "out at the root", yaml: "out: /\n", key: "out", contains: []string{"root"}},
		{name: "malformed YAML", yaml: "out: [\n", contains: []string{"brief.yaml"}},
		{name: "env of the wrong type", env: map[string]string{"BRIEF_LIMITS_WORKERS": "lots"}, key: "limits.workers", contains: []string{"lots"}},
		{name: "flag of the wrong type", args: []string{"--limits-workers", "lots"}, contains: []string{"limits-workers"}},
		{name: "missing --config file", args: []string{"--config", "nope.yaml"}, contains: []string{"nope.yaml"}},
		// Numbers are read strictly (issue 15): none of these is 5 or 1.
		{name: "a size with a unknown unit in the environment", env: map[string]string{"BRIEF_LIMITS_MAX_FILE_BYTES": "5 x"}, key: "limits.max_file_bytes", contains: []string{"5 x", "environment BRIEF_LIMITS_MAX_FILE_BYTES"}},
		{name: "an exponent for a size", env: map[string]string{"BRIEF_LIMITS_MAX_FILE_BYTES": "1e3"}, key: "limits.max_file_bytes", contains: []string{"1e3"}},
		{name: "a fraction of a size", yaml: "limits: {max_file_bytes: 1.5MB}\n", key: "limits.max_file_bytes", contains: []string{"1.5MB"}},
		{name: "trailing words after workers", env: map[string]string{"BRIEF_LIMITS_WORKERS": "5 x"}, key: "limits.workers", contains: []string{"5 x"}},
		{name: "an exponent for workers", env: map[string]string{"BRIEF_LIMITS_WORKERS": "1e3"}, key: "limits.workers", contains: []string{"1e3"}},
		{name: "a fraction of a worker", yaml: "limits: {workers: 1.5}\n", key: "limits.workers", contains: []string{"whole number", "1.5"}},
		{name: "too many workers", args: []string{"--limits-workers", "100000000"}, key: "limits.workers", contains: []string{"256"}},
		{name: "a timeout without a unit", yaml: "limits: {article_timeout: 60}\n", key: "limits.article_timeout", contains: []string{"unit"}},
		{name: "a timeout that is not one", env: map[string]string{"BRIEF_LIMITS_ARTICLE_TIMEOUT": "soon"}, key: "limits.article_timeout", contains: []string{"soon"}},
		{name: "a negative limit", yaml: "limits: {html_depth: -1}\n", key: "limits.html_depth"},
		{name: "a size flag that is not one", args: []string{"--limits-max-file-bytes", "lots"}, contains: []string{"limits-max-file-bytes", "lots"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := inTempDir(t)
			if tt.yaml != "" {
				writeFile(t, filepath.Join(dir, "brief.yaml"), tt.yaml)
			}
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			out, _, err := run(t, tt.env, append(append([]string(nil), tt.args...), "config")...)
			if err == nil {
				t.Fatalf("no error; config printed:\n%s", out)
			}
			if tt.key != "" {
				var ce *ConfigError
				if !errors.As(err, &ce) {
					t.Fatalf("error %v (%T) is not a *ConfigError", err, err)
				}
				if ce.Key != tt.key {
					t.Errorf("ConfigError.Key = %q, want %q (error %q)", ce.Key, tt.key, err)
				}
				if !strings.Contains(err.Error(), tt.key) {
					t.Errorf("error %q does not name %q", err, tt.key)
				}
				if tt.yaml != "" && tt.env == nil && ce.File != "brief.yaml" {
					t.Errorf("ConfigError.File = %q, want brief.yaml", ce.File)
				}
			}
			for _, s := range tt.contains {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not mention %q", err, s)
				}
			}
		})
	}
}

// Sizes accept units, in the file, the environment and flags.
func TestConfigByteSizes(t *testing.T) {
	for _, tt := range []struct {
		yaml, env, flag string
		want            string
	}{
		{yaml: "limits: {max_file_bytes: 5MB}\n", want: "5000000"},
		{yaml: "limits: {max_file_bytes: 5MiB}\n", want: "5242880"},
		{yaml: "limits: {max_file_bytes: 1024}\n", want: "1024"},
		{env: "64 KiB", want: "65536"},
		{env: "2gb", want: "2000000000"},
		{flag: "3MiB", want: "3145728"},
		{flag: "0", want: "0"},
	} {
		dir := inTempDir(t)
		if tt.yaml != "" {
			writeFile(t, filepath.Join(dir, "brief.yaml"), tt.yaml)
		}
		env := map[string]string{}
		if tt.env != "" {
			env["BRIEF_LIMITS_MAX_FILE_BYTES"] = tt.env
		}
		args := []string{"config"}
		if tt.flag != "" {
			args = append(args, "--limits-max-file-bytes", tt.flag)
		}
		out, _, err := run(t, env, args...)
		if err != nil {
			t.Fatalf("%+v: %v", tt, err)
		}
		if got := parseConfig(t, out)["limits.max_file_bytes"].value; got != tt.want {
			t.Errorf("%+v: max_file_bytes = %s, want %s", tt, got, tt.want)
		}
	}
}

// Dictionaries from the environment are a comma-separated list.
func TestConfigEnvList(t *testing.T) {
	inTempDir(t)
	env := map[string]string{"BRIEF_DICTIONARIES": "a.yaml,b.yaml"}
	t.Setenv("BRIEF_DICTIONARIES", env["BRIEF_DICTIONARIES"])
	out, _, err := run(t, env, "config")
	if err != nil {
		t.Fatal(err)
	}
	if got := parseConfig(t, out)["dictionaries"]; got != (setting{`["a.yaml", "b.yaml"]`, "env"}) {
		t.Errorf("dictionaries = %+v", got)
	}
}

// The cache is set by brief.yaml, BRIEF_CACHE and --cache, and turned off
// by an empty BRIEF_CACHE, --cache "" or --no-cache, whatever the layers
// below say.
func TestConfigCache(t *testing.T) {
	dir := inTempDir(t)
	writeFile(t, filepath.Join(dir, "brief.yaml"), "cache: .brief-cache\n")
	for _, tt := range []struct {
		name string
		env  map[string]string
		args []string
		want setting
	}{
		{"file", nil, nil, setting{`"` + filepath.Join(".brief-cache") + `"`, "file"}},
		{"env", map[string]string{"BRIEF_CACHE": "env-cache"}, nil, setting{`"env-cache"`, "env"}},
		{"empty env", map[string]string{"BRIEF_CACHE": ""}, nil, setting{`""`, "env"}},
		{"flag", map[string]string{"BRIEF_CACHE": "env-cache"}, []string{"--cache", "flag-cache"}, setting{`"flag-cache"`, "flag"}},
		{"empty flag", nil, []string{"--cache", ""}, setting{`""`, "flag"}},
		{"no-cache", map[string]string{"BRIEF_CACHE": "env-cache"}, []string{"--cache", "x", "--no-cache"}, setting{`""`, "flag"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := run(t, tt.env, append([]string{"config"}, tt.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			if got := parseConfig(t, out)["cache"]; got != tt.want {
				t.Errorf("cache = %+v, want %+v", got, tt.want)
			}
		})
	}
	// An empty variable for a number is not a value: the file's stays.
	writeFile(t, filepath.Join(dir, "brief.yaml"), "limits: {workers: 2}\n")
	out, _, err := run(t, map[string]string{"BRIEF_LIMITS_WORKERS": ""}, "config")
	if err != nil {
		t.Fatal(err)
	}
	if got := parseConfig(t, out)["limits.workers"]; got != (setting{"2", "file"}) {
		t.Errorf("limits.workers with BRIEF_LIMITS_WORKERS= is %+v, want the file's 2", got)
	}
}
