package corpus

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/pssdc/guide-iad/tools/diag"
)

// TestYAMLErrorLine: diag.YAMLRaw, which the reader words yaml.v3's errors with, reads
// their line as fmt.Sscanf's "line %d:" did (without fmt's scanner, for the browser's
// download): on the errors yaml.v3 gives for broken documents, and on the shapes of its
// messages; an "unmarshal errors" list gives its first error's line.
func TestYAMLErrorLine(t *testing.T) {
	sscanf := func(err error) (int, string) {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		var line int
		if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
			_, rest, _ := strings.Cut(msg, ": ")
			return line, rest
		}
		return 0, msg
	}
	var errs []error
	for _, doc := range []string{
		"a: b: c\n",
		"a:\n  - x\n b: y\n",
		"key: [1, 2\n",
		"\"unclosed\n",
		"a: 1\na: 2\n",
		"- a\nb: c\n",
		"a: |\n x\n  y\n\tz: 1\n",
		"{a: 1, b\n",
		"a: *nothing\n",
		"x: !!int abc\n",
		strings.Repeat("- ", 3) + "\n\t- x\n",
	} {
		var v any
		if err := yaml.Unmarshal([]byte(doc), &v); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) < 8 {
		t.Fatalf("%d of the broken documents fail; the test lost its inputs", len(errs))
	}
	for _, msg := range []string{
		"yaml: line 3: mapping values are not allowed in this context",
		"yaml: line 12: did not find expected key: at line 4",
		"line 7: found character that cannot start any token",
		"yaml: line 0: x",
		"yaml: did not find expected node content",
		"yaml: unmarshal errors:\n  line 2: cannot unmarshal !!str `abc` into int",
		"yaml: line 2:",
	} {
		errs = append(errs, errors.New(msg))
	}
	lines := 0
	for _, err := range errs {
		gotLine, gotRest := diag.YAMLRaw(err)
		wantLine, wantRest := sscanf(err)
		if list, ok := strings.CutPrefix(err.Error(), "yaml: unmarshal errors:\n  "); ok {
			wantLine, wantRest = sscanf(errors.New(list))
		}
		if gotLine != wantLine || gotRest != wantRest {
			t.Errorf("%q: line %d, %q; Sscanf read line %d, %q", err, gotLine, gotRest, wantLine, wantRest)
		}
		if gotLine > 0 {
			lines++
		}
	}
	if lines < 5 {
		t.Errorf("%d errors with a line; the test reads none", lines)
	}
}
