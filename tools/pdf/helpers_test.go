package pdf

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pssdc/guide-iad/tools/sitetest"
	"golang.org/x/net/html"
)

const (
	repo    = "../.."
	fixture = "../check/testdata/valid"
)

// tmpRoot holds the sites that tests build once and share; TestMain removes it.
var tmpRoot string

func TestMain(m *testing.M) {
	var err error
	if tmpRoot, err = os.MkdirTemp("", "guide-pdf-test-"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(tmpRoot)
	os.Exit(code)
}

// needTools skips the test when Chromium or poppler-utils is missing, except under CI
// (CI=true), where the print tests must run: there it fails.
func needTools(t testing.TB) {
	t.Helper()
	var missing []string
	if _, err := findChromium(""); err != nil {
		missing = append(missing, "chromium")
	}
	for _, tool := range []string{"pdfinfo", "pdffonts", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, "poppler-utils ("+tool+")")
			break
		}
	}
	if len(missing) == 0 {
		return
	}
	msg := fmt.Sprintf("%s not installed (sudo apt-get install -y chromium poppler-utils, or tools/deps.sh test)", strings.Join(missing, " and "))
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set, so the print tests must run: %s", msg)
	}
	t.Skipf("skipping the print test: %s", msg)
}

// buildSite stages the site with the corpus data and builds it with the print output
// format into dir/public; env (KEY=VALUE) is set for Hugo. It returns public/.
func buildSite(t testing.TB, data, dir string, env ...string) string {
	t.Helper()
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	public, err := buildSiteErr(data, dir)
	if err != nil {
		t.Fatal(err)
	}
	return public
}

func buildSiteErr(data, dir string) (string, error) {
	site, err := sitetest.Stage(repo, data, dir)
	if err != nil {
		return "", err
	}
	extra := filepath.Join(dir, "print.toml")
	conf, err := HugoConfig(filepath.Join(site, "config.toml"))
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(extra, []byte(conf), 0o644); err != nil {
		return "", err
	}
	public := filepath.Join(dir, "public")
	if _, err := sitetest.Build(repo, site, public, "--config", filepath.Join(site, "config.toml")+","+extra); err != nil {
		return "", err
	}
	return public, nil
}

// copyDir copies a built site, so that a test may change or print it on its own.
func copyDir(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr)
	}
	return string(out)
}

// pdfinfo returns the fields of `pdfinfo -isodates`.
func pdfinfo(t testing.TB, file string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, line := range strings.Split(run(t, "pdfinfo", "-isodates", file), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if ok {
			out[k] = strings.TrimSpace(v)
		}
	}
	return out
}

var destLine = regexp.MustCompile(`^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$`)

// popplerDests returns the named destinations and their pages, as poppler reads them.
func popplerDests(t testing.TB, file string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, line := range strings.Split(run(t, "pdfinfo", "-dests", file), "\n") {
		if m := destLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			out[m[2]] = n
		}
	}
	return out
}

// pageText is the text of page n (pdftotext -layout -f n -l n), without its running head
// and footer (the first and last non-empty lines), spaces normalised.
func pageText(t testing.TB, file string, n int) string {
	t.Helper()
	raw := run(t, "pdftotext", "-layout", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), file, "-")
	var lines []string
	for _, l := range strings.Split(raw, "\n") {
		if strings.TrimSpace(l) != "" {
			lines = append(lines, l)
		}
	}
	if n > 1 && len(lines) >= 2 { // the cover has neither
		lines = lines[1 : len(lines)-1]
	}
	return norm(strings.Join(lines, " "))
}

var spaces = regexp.MustCompile(`\s+`)

// norm makes no-break spaces plain and collapses white space.
func norm(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ").Replace(s)
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

// entry is a line of the contents or of the index: a title and the anchor it links to.
type entry struct{ anchor, title string }

// entries returns the entry lines (a.entry-line) inside the element with the given id
// (or class) of a print page.
func entries(t testing.TB, page string, within func(*html.Node) bool) []entry {
	t.Helper()
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, box := range sitetest.Find(doc, within) {
		for _, a := range sitetest.Find(box, func(n *html.Node) bool {
			return n.Data == "a" && sitetest.Attr(n, "class") == "entry-line"
		}) {
			titles := sitetest.Find(a, func(n *html.Node) bool { return sitetest.Attr(n, "class") == "entry-title" })
			if len(titles) == 0 {
				t.Fatalf("%s: entry line without a title", page)
			}
			out = append(out, entry{strings.TrimPrefix(sitetest.Attr(a, "href"), "#"), norm(sitetest.Text(titles[0]))})
		}
	}
	return out
}

func hasID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { return sitetest.Attr(n, "id") == id }
}

func hasClass(c string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		return n.Type == html.ElementNode && strings.Contains(" "+sitetest.Attr(n, "class")+" ", " "+c+" ")
	}
}

// headings returns the text of every heading of a print page.
func headings(t testing.TB, page string) []string {
	t.Helper()
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, h := range sitetest.Find(doc, func(n *html.Node) bool {
		return len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6'
	}) {
		out = append(out, norm(sitetest.Text(h)))
	}
	return out
}
