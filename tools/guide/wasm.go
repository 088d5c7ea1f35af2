package main

import (
	"fmt"
	"io"

	"github.com/pssdc/guide-iad/tools/wasmbuild"
)

// cmdWasm compiles the browser programs (tools/wasm/*) to WebAssembly for the site.
func cmdWasm(args []string, stdout, stderr io.Writer) (int, error) {
	fs := newFlags("wasm", stderr)
	out := fs.String("out", wasmbuild.SiteDir, "help_flag_wasm_out")
	if err := parseNoArgs(fs, args, stderr); err != nil {
		return 0, err
	}
	names, err := wasmbuild.Build(".", *out)
	if err != nil {
		return 0, err
	}
	for _, n := range names {
		fmt.Fprintf(stdout, "%s/%s.wasm\n", *out, n)
	}
	return 0, nil
}
