package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
)

// VnuMessage is one message of the Nu Html Checker (--format json).
type VnuMessage struct {
	Type      string `json:"type"`    // error, info (subType warning), non-document-error
	SubType   string `json:"subType"` // fatal, io, schema, internal, warning
	URL       string `json:"url"`
	Line      int    `json:"lastLine"`
	Column    int    `json:"firstColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
	HiliteLen int    `json:"hiliteLength"`
}

// IsError reports whether the message fails the gate: errors and the checker's own
// failures (non-document-error: a file that could not be read, a crash).
func (m VnuMessage) IsError() bool {
	return m.Type == "error" || m.Type == "non-document-error"
}

// IsWarning reports whether the message is a warning (listed, allowed).
func (m VnuMessage) IsWarning() bool { return m.Type == "info" && m.SubType == "warning" }

// String formats the message as file:line:column: type: message.
func (m VnuMessage) String() string {
	kind := m.Type
	if m.SubType != "" {
		kind += "/" + m.SubType
	}
	s := fmt.Sprintf("%s:%d:%d: %s: %s", strings.TrimPrefix(m.URL, "file:"), m.Line, m.Column, kind, m.Message)
	if m.Extract != "" {
		s += "\n    " + oneLine(m.Extract, 160)
	}
	return s
}

// VnuFilter is a message the gate accepts, with the reason it is accepted.
type VnuFilter struct {
	Pattern *regexp.Regexp // matched against the message text
	Reason  string
}

// VnuFilters are the checker's messages that are accepted (an error does not fail the
// gate, a warning is counted but not listed). Each has its reason; docs/quality-gates.md
// lists them.
var VnuFilters = []VnuFilter{{
	// vnu checks the files from disk, as file: URLs, where the policy's 'self' matches
	// no origin, so it reports every site-relative stylesheet, script or image as blocked.
	// In a browser, over HTTP, the same policy lets them load: TestConsoleClean fails on
	// any real violation, and TestNoForeignRequests on any blocked request. Only
	// resources named by a site-relative path ("/…") are accepted here.
	Pattern: regexp.MustCompile(`^Resource violates Content Security Policy \(meta tag\): .* “/[^/]`),
	Reason:  "vnu reads the site from disk (file: URLs), where 'self' matches nothing; the browser tests check the policy over HTTP",
}}

// Filtered returns the filter that accepts m, if any.
func Filtered(m VnuMessage) *VnuFilter {
	for i, f := range VnuFilters {
		if f.Pattern.MatchString(m.Message) {
			return &VnuFilters[i]
		}
	}
	return nil
}

// RunVnu checks every HTML file under dir with vnu.jar and returns its messages.
func RunVnu(ctx context.Context, java, jar, dir string) ([]VnuMessage, error) {
	cmd := exec.CommandContext(ctx, java, "-jar", jar, "--format", "json", "--skip-non-html", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	// vnu writes the JSON report to stderr and exits 1 when it found errors.
	out := bytes.TrimSpace(stderr.Bytes())
	if i := bytes.IndexByte(out, '{'); i > 0 {
		out = out[i:]
	}
	var report struct {
		Version  string       `json:"version"`
		Messages []VnuMessage `json:"messages"`
	}
	if jerr := json.Unmarshal(out, &report); jerr != nil {
		if err == nil {
			err = jerr
		}
		return nil, fmt.Errorf("vnu.jar: %w\n%s%s", err, stdout.Bytes(), stderr.Bytes())
	}
	if report.Version == "" {
		return nil, fmt.Errorf("vnu.jar: no report\n%s%s", stdout.Bytes(), stderr.Bytes())
	}
	return report.Messages, nil
}
