package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Config is brief's effective configuration. Every field has a key in
// brief.yaml, an environment variable (BRIEF_ plus the key upper-cased with
// "." as "_") and, for the common ones, a flag.
type Config struct {
	// Corpus is the folder of articles `brief build` reads (its top level only).
	Corpus string `mapstructure:"corpus" yaml:"corpus"`
	// Out is the folder `brief build` writes; it is replaced whole.
	Out string `mapstructure:"out" yaml:"out"`
	// Templates is a folder whose files override the default templates by name.
	Templates string `mapstructure:"templates" yaml:"templates"`
	// Dictionaries are the user's actor dictionary files, added to the shipped ones.
	Dictionaries []string `mapstructure:"dictionaries" yaml:"dictionaries"`
	// Rules are the user's rule files (word classes and rules), added to
	// the shipped ones.
	Rules []string `mapstructure:"rules" yaml:"rules"`
	// Cache is a folder that keeps analyses between builds, so that a
	// rebuild analyses only changed articles; "" turns it off.
	Cache string `mapstructure:"cache" yaml:"cache"`
	// Strict makes a missing field in a template an error.
	Strict bool   `mapstructure:"strict" yaml:"strict"`
	Site   Site   `mapstructure:"site" yaml:"site"`
	Limits Limits `mapstructure:"limits" yaml:"limits"`
}

// Site configures the generated site.
type Site struct {
	Title string `mapstructure:"title" yaml:"title"`
}

// Limits bound the work brief does.
type Limits struct {
	// MaxFileBytes rejects larger articles.
	MaxFileBytes int64 `mapstructure:"max_file_bytes" yaml:"max_file_bytes"`
	// Workers analyses this many articles at once; 0 means one per CPU.
	Workers int `mapstructure:"workers" yaml:"workers"`
}

// defaults is the configuration with nothing set.
var defaults = Config{
	Corpus:       "corpus",
	Out:          "out",
	Cache:        "",
	Dictionaries: []string{},
	Rules:        []string{},
	Site:         Site{Title: "Briefing packs"},
	Limits:       Limits{MaxFileBytes: 5 << 20},
}

// configKeys lists every key, flattened with ".", from Config's tags.
func configKeys() []string {
	var keys []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			k := prefix + f.Tag.Get("mapstructure")
			if f.Type.Kind() == reflect.Struct {
				walk(f.Type, k+".")
				continue
			}
			keys = append(keys, k)
		}
	}
	walk(reflect.TypeOf(Config{}), "")
	sort.Strings(keys)
	return keys
}

// ConfigError is a problem with the configuration, naming the key and, when
// it came from a file, the file.
type ConfigError struct {
	File string
	Key  string
	Err  error
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File + ": ")
	}
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ConfigError) Unwrap() error { return e.Err }

// loaded is a configuration with where each value came from.
type loaded struct {
	Config
	File   string            // the config file read, "" if none
	Origin map[string]string // key -> default | file | env | flag
}

// loadConfig merges defaults < config file < BRIEF_* environment < flags.
// configFile is --config; without it ./brief.yaml is read when present.
// lookup reads the environment; a variable set to "" sets a text or list
// key to "" (BRIEF_CACHE= turns the cache off) and is ignored for numbers
// and booleans.
func loadConfig(configFile string, flags *pflag.FlagSet, lookup func(string) (string, bool)) (*loaded, error) {
	kinds := map[string]reflect.Kind{}
	for _, k := range configKeys() {
		kinds[k] = reflect.TypeOf(valueAt(defaults, k)).Kind()
	}
	// envSet reports whether the environment sets key k.
	envSet := func(k string) bool {
		v, ok := lookup(envName(k))
		return ok && (v != "" || kinds[k] == reflect.String || kinds[k] == reflect.Slice)
	}
	getenv := func(k string) string {
		v, _ := lookup(k)
		return v
	}
	v := viper.New()
	for _, k := range configKeys() {
		v.SetDefault(k, valueAt(defaults, k))
	}
	out := &loaded{Origin: map[string]string{}}
	if configFile == "" {
		configFile = getenv("BRIEF_CONFIG")
	}
	explicit := configFile != ""
	if !explicit {
		if _, err := os.Stat("brief.yaml"); err == nil {
			configFile = "brief.yaml"
		}
	}
	fileV := viper.New()
	if configFile != "" {
		fileV.SetConfigFile(configFile)
		fileV.SetConfigType("yaml")
		if err := fileV.ReadInConfig(); err != nil {
			return nil, &ConfigError{File: configFile, Err: unwrapViper(err)}
		}
		if err := v.MergeConfigMap(fileV.AllSettings()); err != nil {
			return nil, &ConfigError{File: configFile, Err: err}
		}
		out.File = configFile
		// Unknown keys are mistakes: report the first by name.
		known := map[string]bool{}
		for _, k := range configKeys() {
			known[k] = true
		}
		for _, k := range fileV.AllKeys() {
			if !known[k] {
				return nil, &ConfigError{File: configFile, Key: k, Err: errors.New("unknown key (see `brief config` for the known ones)")}
			}
		}
	}
	// BRIEF_* variables, read through getenv so that tests and embedders
	// control them, override the file: merged as a layer above it.
	envLayer := map[string]any{}
	for _, k := range configKeys() {
		if !envSet(k) {
			continue
		}
		val := getenv(envName(k))
		var set any = val
		if val == "" && kinds[k] == reflect.Slice {
			set = []string{}
		}
		m := envLayer
		parts := strings.Split(k, ".")
		for _, p := range parts[:len(parts)-1] {
			sub, ok := m[p].(map[string]any)
			if !ok {
				sub = map[string]any{}
				m[p] = sub
			}
			m = sub
		}
		m[parts[len(parts)-1]] = set
	}
	if len(envLayer) > 0 {
		if err := v.MergeConfigMap(envLayer); err != nil {
			return nil, &ConfigError{Err: err}
		}
	}
	if flags != nil {
		for _, k := range configKeys() {
			if f := flags.Lookup(flagName(k)); f != nil {
				if err := v.BindPFlag(k, f); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := v.Unmarshal(&out.Config, func(dc *mapstructure.DecoderConfig) {
		dc.ErrorUnused = true
		dc.WeaklyTypedInput = false
		dc.DecodeHook = mapstructure.ComposeDecodeHookFunc(
			mapstructure.StringToSliceHookFunc(","),
			stringToScalarHook,
		)
	}); err != nil {
		ce := decodeError(configFile, err)
		// Name where the bad value came from: an environment variable
		// overrides the file.
		var e *ConfigError
		if errors.As(ce, &e) && e.Key != "" && envSet(e.Key) {
			e.File = "environment " + envName(e.Key)
		}
		return nil, ce
	}
	for _, k := range configKeys() {
		switch {
		case flags != nil && flags.Lookup(flagName(k)) != nil && flags.Lookup(flagName(k)).Changed:
			out.Origin[k] = "flag"
		case envSet(k):
			out.Origin[k] = "env"
		case fileV.IsSet(k):
			out.Origin[k] = "file"
		default:
			out.Origin[k] = "default"
		}
	}
	if flags != nil {
		if f := flags.Lookup("no-cache"); f != nil && f.Changed && f.Value.String() == "true" {
			out.Cache, out.Origin["cache"] = "", "flag"
		}
	}
	if out.File != "" {
		dir := filepath.Dir(out.File)
		resolve := func(k string, p *string) {
			if out.Origin[k] == "file" && *p != "" && !filepath.IsAbs(*p) {
				*p = filepath.Join(dir, *p)
			}
		}
		resolve("corpus", &out.Corpus)
		resolve("out", &out.Out)
		resolve("templates", &out.Templates)
		resolve("cache", &out.Cache)
		for i := range out.Dictionaries {
			resolve("dictionaries", &out.Dictionaries[i])
		}
		for i := range out.Rules {
			resolve("rules", &out.Rules[i])
		}
	}
	return out, out.validate()
}

func (c *loaded) validate() error {
	var errs []error
	bad := func(key, msg string) {
		errs = append(errs, &ConfigError{File: c.fileFor(key), Key: key, Err: errors.New(msg)})
	}
	if c.Corpus == "" {
		bad("corpus", "must not be empty")
	}
	if c.Out == "" {
		bad("out", "must not be empty")
	} else if abs, err := filepath.Abs(c.Out); err == nil && (abs == "/" || abs == filepath.Dir(abs)) {
		bad("out", "refusing to replace a filesystem root")
	}
	if c.Limits.MaxFileBytes < 0 {
		bad("limits.max_file_bytes", "must be zero (no limit) or positive")
	}
	if c.Limits.Workers < 0 {
		bad("limits.workers", "must be zero (one per CPU) or positive")
	}
	return errors.Join(errs...)
}

func (c *loaded) fileFor(key string) string {
	if c.Origin[key] == "file" {
		return c.File
	}
	return ""
}

// stringToScalarHook converts environment strings to the field's type, as
// environment variables are always strings; values from YAML keep their
// types, so `workers: "two"` in a file is a type error.
func stringToScalarHook(from, to reflect.Type, data any) (any, error) {
	s, ok := data.(string)
	if !ok || from.Kind() != reflect.String {
		return data, nil
	}
	switch to.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int64:
		var out any
		var err error
		switch to.Kind() {
		case reflect.Bool:
			out, err = parseBool(s)
		default:
			var n int64
			_, err = fmt.Sscan(s, &n)
			if to.Kind() == reflect.Int {
				out = int(n)
			} else {
				out = n
			}
		}
		if err != nil {
			return nil, fmt.Errorf("cannot read %q as %s", s, to.Kind())
		}
		return out, nil
	}
	return data, nil
}

func parseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "1", "yes", "on":
		return true, nil
	case "false", "0", "no", "off", "":
		return false, nil
	}
	return false, fmt.Errorf("not a boolean: %q", s)
}

// decodeError names the key of a type error from the decoder.
func decodeError(file string, err error) error {
	var de *mapstructure.DecodeError
	if errors.As(err, &de) {
		return &ConfigError{File: file, Key: de.Name(), Err: de.Unwrap()}
	}
	return &ConfigError{File: file, Err: err}
}

func unwrapViper(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func envName(k string) string  { return "BRIEF_" + strings.ToUpper(strings.ReplaceAll(k, ".", "_")) }
func flagName(k string) string { return strings.ReplaceAll(strings.ReplaceAll(k, ".", "-"), "_", "-") }

// write prints the configuration as YAML with each value's origin.
func (c *loaded) write(w io.Writer) error {
	fmt.Fprintf(w, "# effective configuration: defaults < %s < BRIEF_* environment < flags\n", orDefault(c.File, "brief.yaml (none found)"))
	section := ""
	for _, k := range configKeys() {
		val := valueAt(c.Config, k)
		indent := ""
		if i := strings.IndexByte(k, '.'); i >= 0 {
			if s := k[:i]; s != section {
				section = s
				fmt.Fprintf(w, "%s:\n", s)
			}
			indent = "  "
		}
		name := k[strings.LastIndexByte(k, '.')+1:]
		fmt.Fprintf(w, "%s%s: %s # %s, %s\n", indent, name, yamlScalar(val), c.Origin[k], envName(k))
	}
	return nil
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// valueAt returns the field of c that key k names.
func valueAt(c Config, k string) any {
	v := reflect.ValueOf(c)
	for _, part := range strings.Split(k, ".") {
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).Tag.Get("mapstructure") == part {
				v = v.Field(i)
				break
			}
		}
	}
	return v.Interface()
}

func yamlScalar(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case []string:
		q := make([]string, len(v))
		for i, s := range v {
			q[i] = fmt.Sprintf("%q", s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return fmt.Sprint(v)
}
