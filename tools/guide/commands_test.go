package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// TestEveryCommandDispatches: each command of the table is reached by its name (its
// -h names it, never "unknown command"), the usage lists it, and nothing else is.
func TestEveryCommandDispatches(t *testing.T) {
	var usage bytes.Buffer
	if got := run([]string{"help"}, &usage, &usage); got != 0 {
		t.Fatalf("guide help: exit %d, want 0", got)
	}
	listed := 0
	for line := range strings.SplitSeq(usage.String(), "\n") {
		if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ") {
			listed++
		}
	}
	if listed != len(commands) {
		t.Errorf("guide help lists %d commands, the table has %d:\n%s", listed, len(commands), usage.String())
	}
	seen := map[string]bool{}
	for _, c := range commands {
		if seen[c.name] {
			t.Errorf("%s: twice in the table", c.name)
		}
		seen[c.name] = true
		if !strings.Contains(usage.String(), "\n  "+strings.TrimSpace(c.name+" "+c.synopsis)+"\n") {
			t.Errorf("%s: not in guide help", c.name)
		}
		var out, errOut bytes.Buffer
		status := run([]string{c.name, "-h"}, &out, &errOut)
		all := out.String() + errOut.String()
		if status != 0 && status != 2 || strings.Contains(all, "unknown command") || !strings.Contains(all, "guide "+c.name) {
			t.Errorf("guide %s -h: exit %d\n%s", c.name, status, all)
		}
	}
	for _, args := range [][]string{nil, {"frobnicate"}} {
		var out, errOut bytes.Buffer
		if got := run(args, &out, &errOut); got != 2 || !strings.HasSuffix(errOut.String(), usage.String()) {
			t.Errorf("guide %v: exit %d, want 2 and the usage on stderr:\n%s", args, got, errOut.String())
		}
	}
}

// TestFlagHelpFromTable: a command's -h begins with the table's usage line, whether
// the flag set prints it (newFlags) or the command keeps its own usage text.
func TestFlagHelpFromTable(t *testing.T) {
	for _, c := range commands {
		var out, errOut bytes.Buffer
		run([]string{c.name, "-h"}, &out, &errOut)
		help := out.String() + errOut.String()
		if c.name == "edition" {
			// Three subcommands, each on a line of its own with what it does (cmdEdition).
			for alt := range strings.SplitSeq(c.synopsis, " | ") {
				if line := "guide edition " + alt; !strings.Contains(help, line+" ") && !strings.Contains(help, line+"\n") {
					t.Errorf("guide edition -h lacks %q:\n%s", "guide edition "+alt, help)
				}
			}
			continue
		}
		if !strings.HasPrefix(help, usageLine(c.name, "en")+"\n") {
			t.Errorf("guide %s -h begins\n%q\nwant\n%q", c.name, strings.SplitN(help, "\n", 2)[0], usageLine(c.name, "en"))
		}
	}
}

// TestDocListsCommands: the package comment lists the table's commands, in its order
// (UPDATE_GOLDEN=1 rewrites the list).
func TestDocListsCommands(t *testing.T) {
	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "// Usage:\n//\n", "//\n// validate checks"
	s := string(src)
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("main.go: the package comment lacks %q … %q", start, end)
	}
	i += len(start)
	if got, want := s[i:j], docUsage(); got != want {
		if os.Getenv("UPDATE_GOLDEN") != "" {
			if err := os.WriteFile("main.go", []byte(s[:i]+want+s[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("main.go's package comment lists\n%s\nthe command table (commands.go) gives\n%s(UPDATE_GOLDEN=1 rewrites it)", got, want)
	}
}

// TestUnexpectedArgument: a command that takes flags only refuses anything else, with
// a usage error that names the command (parseNoArgs).
func TestUnexpectedArgument(t *testing.T) {
	for _, args := range [][]string{
		{"hugo-data"}, {"links"}, {"pdf"}, {"search-index"}, {"wasm"}, {"edition", "build"}, {"edition", "list"},
	} {
		var out, errOut bytes.Buffer
		got := run(append(append([]string{}, args...), "extra"), &out, &errOut)
		want := "guide " + strings.Join(args, " ") + ": unexpected argument \"extra\"\n"
		if got != 2 || errOut.String() != want {
			t.Errorf("guide %v extra: exit %d, stderr %q; want exit 2, %q", args, got, errOut.String(), want)
		}
	}
}
