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
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/brief-tool/brief/analyze/ingest"
	"github.com/brief-tool/brief/analyze/nlp"
	"github.com/brief-tool/brief/analyze/pipeline"
	"github.com/brief-tool/brief/templates"
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
	// Strict makes a missing field in a template an error, and so an
	// unknown front-matter key or a value of the wrong type.
	Strict bool `mapstructure:"strict" yaml:"strict"`
	// FollowSymlinksOutside lets the corpus hold links to files outside
	// it; otherwise they are reported and skipped.
	FollowSymlinksOutside bool   `mapstructure:"follow_symlinks_outside" yaml:"follow_symlinks_outside"`
	Site                  Site   `mapstructure:"site" yaml:"site"`
	Limits                Limits `mapstructure:"limits" yaml:"limits"`
}

// Site configures the generated site.
type Site struct {
	Title string `mapstructure:"title" yaml:"title"`
}

// Limits bound the work brief does, whatever the input (README, Safety).
// Sizes accept units (5MiB); 0 means no limit unless said otherwise.
type Limits struct {
	// MaxFileBytes rejects larger articles and dictionaries.
	MaxFileBytes ByteSize `mapstructure:"max_file_bytes" yaml:"max_file_bytes"`
	// Workers analyses this many articles at once; 0 means one per CPU.
	Workers int `mapstructure:"workers" yaml:"workers"`
	// ArticleTimeout is the time one article's analysis may take.
	ArticleTimeout time.Duration `mapstructure:"article_timeout" yaml:"article_timeout"`
	// MaxSentenceBytes cuts longer sentences at white space; MaxRunBytes
	// tokenizes longer runs without white space in pieces (0: default).
	MaxSentenceBytes ByteSize `mapstructure:"max_sentence_bytes" yaml:"max_sentence_bytes"`
	MaxRunBytes      ByteSize `mapstructure:"max_run_bytes" yaml:"max_run_bytes"`
	// FrontMatterBytes, YAMLDepth and YAMLAliasNodes bound front matter;
	// the last two bound dictionaries too.
	FrontMatterBytes ByteSize `mapstructure:"front_matter_bytes" yaml:"front_matter_bytes"`
	YAMLDepth        int      `mapstructure:"yaml_depth" yaml:"yaml_depth"`
	YAMLAliasNodes   int      `mapstructure:"yaml_alias_nodes" yaml:"yaml_alias_nodes"`
	// HTMLDepth, HTMLTokens and HTMLTokenBytes bound HTML pages.
	HTMLDepth      int      `mapstructure:"html_depth" yaml:"html_depth"`
	HTMLTokens     int      `mapstructure:"html_tokens" yaml:"html_tokens"`
	HTMLTokenBytes ByteSize `mapstructure:"html_token_bytes" yaml:"html_token_bytes"`
	// PageBytes is the most a template may render for one page.
	PageBytes ByteSize `mapstructure:"page_bytes" yaml:"page_bytes"`
}

// maxWorkers caps limits.workers: each worker holds an article's analysis.
const maxWorkers = 256

// defaults is the configuration with nothing set.
var defaults = Config{
	Corpus:       "corpus",
	Out:          "out",
	Cache:        "",
	Dictionaries: []string{},
	Rules:        []string{},
	Site:         Site{Title: "Briefing packs"},
	Limits: Limits{
		MaxFileBytes:     ByteSize(pipeline.Default.MaxFileBytes),
		ArticleTimeout:   pipeline.Default.ArticleTimeout,
		MaxSentenceBytes: ByteSize(nlp.DefaultLimits.MaxSentenceBytes),
		MaxRunBytes:      ByteSize(nlp.DefaultLimits.MaxRunBytes),
		FrontMatterBytes: ByteSize(ingest.Default.FrontMatterBytes),
		YAMLDepth:        ingest.Default.YAMLDepth,
		YAMLAliasNodes:   int(ingest.Default.YAMLAliasNodes),
		HTMLDepth:        ingest.Default.HTMLDepth,
		HTMLTokens:       ingest.Default.HTMLTokens,
		HTMLTokenBytes:   ByteSize(ingest.Default.HTMLTokenBytes),
		PageBytes:        ByteSize(templates.DefaultPageBytes),
	},
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
		bad("out", "refusing to write the site to "+c.Out+": it is the root of a file system")
	}
	if c.Limits.Workers < 0 || c.Limits.Workers > maxWorkers {
		bad("limits.workers", fmt.Sprintf("must be from 0 (one per CPU) to %d", maxWorkers))
	}
	if c.Limits.ArticleTimeout < 0 {
		bad("limits.article_timeout", "must be zero (no limit) or positive")
	}
	for _, k := range configKeys() {
		if !strings.HasPrefix(k, "limits.") {
			continue
		}
		switch v := valueAt(c.Config, k).(type) {
		case ByteSize:
			if v < 0 {
				bad(k, "must be zero (no limit) or positive")
			}
		case int:
			if v < 0 {
				bad(k, "must be zero (no limit) or positive")
			}
		}
	}
	return errors.Join(errs...)
}

func (c *loaded) fileFor(key string) string {
	if c.Origin[key] == "file" {
		return c.File
	}
	return ""
}

// stringToScalarHook converts environment strings (and flags of custom
// types) to the field's type, as environment variables are always strings,
// and reads every number strictly: "5 x" or "1e3" for a whole number, and
// 1.5 in YAML, are errors rather than 5, 1 and 1. Values from YAML keep
// their types otherwise, so `workers: "two"` in a file is a type error.
func stringToScalarHook(from, to reflect.Type, data any) (any, error) {
	switch to {
	case reflect.TypeOf(ByteSize(0)):
		switch v := data.(type) {
		case string:
			return parseByteSize(v)
		case float64, float32:
			return nil, fmt.Errorf("want a whole number of bytes, found %v", v)
		}
		return data, nil
	case reflect.TypeOf(time.Duration(0)):
		switch v := data.(type) {
		case string:
			return parseDuration(v)
		case int, int64, uint64:
			if fmt.Sprint(v) == "0" {
				return time.Duration(0), nil
			}
			return nil, fmt.Errorf("want a duration with its unit (%vs, %vm), found the number %v", v, v, v)
		}
		return data, nil
	}
	switch to.Kind() {
	case reflect.Int, reflect.Int64:
		switch v := data.(type) {
		case float64, float32:
			return nil, fmt.Errorf("want a whole number, found %v", v)
		case string:
			n, err := parseInt(v)
			if err != nil {
				return nil, err
			}
			if to.Kind() == reflect.Int {
				return int(n), nil
			}
			return n, nil
		}
	case reflect.Bool:
		if s, ok := data.(string); ok && from.Kind() == reflect.String {
			b, err := parseBool(s)
			if err != nil {
				return nil, fmt.Errorf("cannot read %q as bool", s)
			}
			return b, nil
		}
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
