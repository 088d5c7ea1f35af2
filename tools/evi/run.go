package evi

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/internal/atomicfile"
)

// Options are the arguments of the guide evi command.
type Options struct {
	Config string // path of the configuration (YAML)
	Data   string // path of the data (CSV)
	Format string // "csv" or "json"
	Out    string // output path, written atomically; "" for stdout
}

// Run reads the configuration and the data, computes and writes the result to o.Out
// or, when that is empty, to stdout. An ErrorList error means a file is at fault (its
// errors name file, line and column); any other error is a usage or I/O error. Nothing
// is written unless both files are valid, and o.Out is either fully written or left
// as it was.
func Run(o Options, stdout io.Writer) (*Result, error) {
	if !slices.Contains(Formats, o.Format) {
		return nil, diag.Errorf("usage_unknown_format", diag.A{"value": o.Format, "formats": Formats})
	}
	if o.Out != "" && samePath(o.Out, o.Data) {
		return nil, diag.Errorf("evi_out_is_data", diag.A{"file": o.Out})
	}
	cfg, err := LoadConfig(o.Config)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(o.Data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	areas, err := ReadCSV(f, cfg)
	var list ErrorList
	if errors.As(err, &list) {
		return nil, list.InFile(o.Data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.Data, err)
	}
	res := Compute(areas, cfg)
	write := func(w io.Writer) error { return Write(w, o.Format, &res) }
	if o.Out != "" {
		return &res, atomicfile.WriteFunc(o.Out, write)
	}
	bw := bufio.NewWriterSize(stdout, 64<<10)
	if err := write(bw); err != nil {
		return nil, err
	}
	return &res, bw.Flush()
}

func samePath(a, b string) bool {
	if fa, err := os.Stat(a); err == nil {
		if fb, err := os.Stat(b); err == nil {
			return os.SameFile(fa, fb)
		}
	}
	return false
}
