// Package edition keeps the print editions published: an edition, once published with
// `guide edition publish ID`, is frozen as the git tag edition-ID, and every later
// release rebuilds its PDFs from the tag's sources (data, content, layouts, i18n,
// assets, config.toml) rather than from the working tree. See docs/publishing.md.
//
// Which editions a release prints (Plan): every edition of data/editions.yaml that has
// its tag is frozen and rebuilt from it; the latest edition, while it has no tag, is the
// draft, printed from the working tree; an edition older than the latest without its
// tag stops the release (it was published, since a later one exists, but its frozen
// sources are missing: the tags were not fetched, or the tag was deleted).
package edition

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/hugodata"
	"github.com/pssdc/guide-iad/tools/opendata"
	"github.com/pssdc/guide-iad/tools/pdf"
	"gopkg.in/yaml.v3"
)

// TagPrefix starts the name of every edition's tag.
const TagPrefix = "edition-"

// Tag returns the git tag of an edition.
func Tag(id string) string { return TagPrefix + id }

// Edition is one entry of data/editions.yaml (the fields this package needs).
type Edition struct {
	ID   string
	Date time.Time
}

var idPattern = regexp.MustCompile(`^[0-9A-Za-z][0-9A-Za-z._-]*$`)

// Load reads the editions of dataDir/editions.yaml, oldest first.
func Load(dataDir string) ([]Edition, error) {
	file := filepath.Join(dataDir, "editions.yaml")
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Editions []struct {
			ID   string `yaml:"id"`
			Date string `yaml:"date"`
		} `yaml:"editions"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	var eds []Edition
	for _, e := range doc.Editions {
		if !idPattern.MatchString(e.ID) {
			return nil, diag.Errorf("edition_bad_id", diag.A{"file": file, "id": e.ID})
		}
		d, err := time.Parse("2006-01-02", e.Date)
		if err != nil {
			return nil, diag.Errorf("edition_bad_date", diag.A{"file": file, "id": e.ID, "date": e.Date})
		}
		eds = append(eds, Edition{ID: e.ID, Date: d})
	}
	sort.SliceStable(eds, func(i, j int) bool { return eds[i].Date.Before(eds[j].Date) })
	return eds, nil
}

// Tags returns the editions that have their tag in the git repository at repo.
func Tags(repo string) (map[string]bool, error) {
	out, err := git(repo, "tag", "--list", TagPrefix+"*")
	if err != nil {
		return nil, err
	}
	tags := map[string]bool{}
	for _, l := range strings.Fields(string(out)) {
		tags[strings.TrimPrefix(l, TagPrefix)] = true
	}
	return tags, nil
}

// Plan says how a release prints the editions.
type Plan struct {
	Frozen []Edition // rebuilt from their tags, oldest first
	Draft  *Edition  // the latest edition, not yet published: printed from the working tree
}

// MakePlan decides, from the editions (oldest first) and the tags there are, which
// editions are rebuilt from their tag and which one is the draft; an edition older than
// the latest without its tag is an error.
func MakePlan(eds []Edition, tags map[string]bool) (Plan, error) {
	var p Plan
	var missing []string
	for i, e := range eds {
		switch {
		case tags[e.ID]:
			p.Frozen = append(p.Frozen, e)
		case i == len(eds)-1:
			e := e
			p.Draft = &e
		default:
			missing = append(missing, e.ID)
		}
	}
	if len(missing) > 0 {
		return p, diag.Errorf("edition_tag_missing", diag.A{"ids": missing, "latest": eds[len(eds)-1].ID, "tag": Tag(missing[0]), "id": missing[0]})
	}
	return p, nil
}

// SiteParts are the parts of the repository that make an edition's print pages: what a
// tag freezes besides data/.
var SiteParts = []string{"config.toml", "content", "layouts", "i18n", "assets", "static"}

// BuildOptions of BuildFrozen.
type BuildOptions struct {
	Repo    string // the git repository; default "."
	Module  string // the Go module whose pinned Hugo builds the pages (go tool hugo); default "."
	ID      string // the edition
	Public  string // the release: its PDFs and manifests are copied to Public/<lang>/
	Work    string // a scratch folder, emptied first (default tmp/editions/ID under Repo)
	Paper   string
	Langs   []string
	Log     func(diag.Msg) // progress messages of the prints (pdf.Options.Log)
	Timeout time.Duration
}

// BuildFrozen rebuilds the PDFs of a published edition from its tag: it extracts the
// tag's data and site sources into Work/src (git archive), builds the print pages with
// the pinned Hugo (that edition selected: params.printedition; the base URL from
// $HUGO_BASEURL, as the release), prints them with guide pdf's printer and copies each
// PDF to Public/<lang>/ and its manifest to Public/<lang>/edition-ID.json. The PDFs are
// those of the first print, byte for byte, as long as Hugo, guide pdf and Chromium make
// the same output (docs/publishing.md).
func BuildFrozen(ctx context.Context, o BuildOptions) ([]pdf.Result, error) {
	if o.Repo == "" {
		o.Repo = "."
	}
	if o.Module == "" {
		o.Module = "."
	}
	if o.Work == "" {
		o.Work = filepath.Join(o.Repo, "tmp", "editions", o.ID)
	}
	tag := Tag(o.ID)
	if _, err := git(o.Repo, "rev-parse", "--verify", "--quiet", "refs/tags/"+tag); err != nil {
		return nil, diag.Errorf("edition_no_tag", diag.A{"id": o.ID, "tag": tag})
	}
	if err := os.RemoveAll(o.Work); err != nil {
		return nil, err
	}
	src := filepath.Join(o.Work, "src")
	if err := os.MkdirAll(src, 0o755); err != nil {
		return nil, err
	}
	if err := extract(o.Repo, tag, src); err != nil {
		return nil, diag.Wrap(err, "edition_extracting", diag.A{"id": o.ID, "tag": tag, "error": diag.Cause(err)})
	}
	// What make site gives Hugo beside the sources, made from the frozen ones: the
	// derived data (related case studies; the history as of the tag) and the open data
	// (the print lists its files with their sizes).
	derivedConf, err := frozenData(o.Repo, tag, src)
	if err != nil {
		return nil, diag.Wrap(err, "edition_failed", diag.A{"id": o.ID, "error": diag.Cause(err)})
	}
	config := filepath.Join(src, "config.toml")
	conf, err := pdf.HugoConfig(config)
	if err != nil {
		return nil, diag.Wrap(err, "edition_failed", diag.A{"id": o.ID, "error": diag.Cause(err)})
	}
	printConf := filepath.Join(o.Work, "print-output.toml")
	if err := os.WriteFile(printConf, []byte(conf), 0o644); err != nil {
		return nil, err
	}
	site := filepath.Join(o.Work, "public")
	absSrc, _ := filepath.Abs(src)
	absSite, _ := filepath.Abs(site)
	absConf, _ := filepath.Abs(printConf)
	hugo := exec.CommandContext(ctx, "go", "tool", "hugo", "--source", absSrc, "--config", filepath.Join(absSrc, "config.toml")+","+derivedConf+","+absConf, "--destination", absSite, "--quiet")
	hugo.Dir = o.Module
	hugo.Env = append(os.Environ(), "HUGO_PARAMS_PRINTEDITION="+o.ID, "GOMEMLIMIT=1800MiB")
	if out, err := hugo.CombinedOutput(); err != nil {
		return nil, diag.Wrap(err, "edition_hugo_failed", diag.A{"id": o.ID, "tag": tag, "error": diag.Cause(err), "output": string(out)})
	}
	results, err := pdf.Run(ctx, pdf.Options{Public: site, Langs: o.Langs, Edition: o.ID, Paper: o.Paper, Log: o.Log, Timeout: o.Timeout})
	if err != nil {
		return nil, diag.Wrap(err, "edition_failed", diag.A{"id": o.ID, "error": diag.Cause(err)})
	}
	for i, r := range results {
		dir := filepath.Join(o.Public, r.Lang)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		target := filepath.Join(dir, filepath.Base(r.File))
		if err := copyFile(r.File, target); err != nil {
			return nil, err
		}
		if err := copyFile(filepath.Join(filepath.Dir(r.File), pdf.ManifestName), filepath.Join(dir, ManifestName(o.ID))); err != nil {
			return nil, err
		}
		results[i].File = target
	}
	return results, nil
}

// frozenData writes, into src/tmp/, the derived data and the open data of the sources
// extracted into src, with the history of repo's data/ as of tag, and returns the Hugo
// configuration files (absolute, comma-separated) that give them to Hugo.
func frozenData(repo, tag, src string) (string, error) {
	abs, err := filepath.Abs(src)
	if err != nil {
		return "", err
	}
	data := filepath.Join(abs, "data")
	derived := filepath.Join(abs, "tmp", hugodata.DerivedDir)
	if _, err := hugodata.WriteDerivedAt(data, filepath.Join(repo, "data"), tag, derived, abs); err != nil {
		return "", err
	}
	mount := derived + ".toml"
	if err := hugodata.WriteMount(mount, abs, data, derived); err != nil {
		return "", err
	}
	out := filepath.Join(abs, "tmp", "opendata")
	if _, err := opendata.Write(opendata.Options{DataDir: data, SiteDir: abs, ConfigFile: filepath.Join(abs, "config.toml"),
		BaseURL: os.Getenv("HUGO_BASEURL"), HistoryFile: filepath.Join(derived, hugodata.HistoryFile), Out: out}); err != nil {
		return "", err
	}
	return mount + "," + out + ".toml", nil
}

// ManifestName is the name under public/<lang>/ of a frozen edition's manifest.
func ManifestName(id string) string { return "edition-" + id + ".json" }

// extract writes the tag's data/ and site sources into dir (git archive | tar).
func extract(repo, tag, dir string) error {
	args := append([]string{"archive", "--format=tar", tag, "--", "data"}, SiteParts...)
	archive := exec.Command("git", args...)
	archive.Dir = repo
	var tarball, stderr bytes.Buffer
	archive.Stdout, archive.Stderr = &tarball, &stderr
	if err := archive.Run(); err != nil {
		return fmt.Errorf("git archive: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	untar := exec.Command("tar", "-x", "-C", dir)
	untar.Stdin = &tarball
	if out, err := untar.CombinedOutput(); err != nil {
		return fmt.Errorf("tar: %w: %s", err, out)
	}
	return nil
}

func copyFile(src, dst string) error {
	b, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	tmp := dst + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}

// PublishOptions of Publish.
type PublishOptions struct {
	Repo    string // the git repository; default "."
	DataDir string // default Repo/data
	ID      string
	// Validate checks the data (guide validate); it returns an error when the data
	// has errors.
	Validate func(dataDir string) error
}

// Publish freezes an edition: it checks that the edition is in data/editions.yaml, that
// its tag does not exist yet, that data/ and the site sources have no uncommitted change
// (the tag freezes the committed files) and that the data is valid, then makes the
// annotated tag edition-ID on HEAD. It returns the tag.
func Publish(o PublishOptions) (string, error) {
	if o.Repo == "" {
		o.Repo = "."
	}
	if o.DataDir == "" {
		o.DataDir = filepath.Join(o.Repo, "data")
	}
	eds, err := Load(o.DataDir)
	if err != nil {
		return "", err
	}
	var ed *Edition
	for i := range eds {
		if eds[i].ID == o.ID {
			ed = &eds[i]
		}
	}
	if ed == nil {
		var ids []string
		for _, e := range eds {
			ids = append(ids, e.ID)
		}
		return "", diag.Errorf("edition_unknown", diag.A{"id": o.ID, "ids": ids})
	}
	tag := Tag(o.ID)
	if _, err := git(o.Repo, "rev-parse", "--verify", "--quiet", "refs/tags/"+tag); err == nil {
		return "", diag.Errorf("edition_already_published", diag.A{"id": o.ID, "tag": tag})
	}
	status, err := git(o.Repo, append([]string{"status", "--porcelain", "--", "data"}, SiteParts...)...)
	if err != nil {
		return "", err
	}
	if s := strings.TrimSpace(string(status)); s != "" {
		return "", diag.Errorf("edition_uncommitted", diag.A{"status": s})
	}
	if o.Validate != nil {
		if err := o.Validate(o.DataDir); err != nil {
			return "", diag.Wrap(err, "edition_not_published", diag.A{"id": o.ID, "error": diag.Cause(err)})
		}
	}
	msg := fmt.Sprintf("Print edition %s (%s), frozen by guide edition publish", o.ID, ed.Date.Format("2006-01-02"))
	if _, err := git(o.Repo, "tag", "-a", tag, "-m", msg); err != nil {
		return "", err
	}
	return tag, nil
}

// ErrNotGit is returned when repo is not a git repository.
var ErrNotGit = diag.Errorf("edition_not_git", nil)

func git(repo string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = repo
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if strings.Contains(stderr.String(), "not a git repository") {
			return nil, ErrNotGit
		}
		return out, fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}
