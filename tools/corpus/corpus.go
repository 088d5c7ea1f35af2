// Package corpus is the one reader of the guide's data folder (data/): every command
// that lists, reads or parses data files goes through it, so that all of them apply the
// same rules to what strangers submit.
//
// Design notes:
//
//   - Listing (List, ListPaths): data/taxonomy.yaml, data/editions.yaml and
//     data/KIND/ID.yaml, nothing else. A file or folder with no place there is listed
//     with a Problem, so the validator can say what to do with it. When data/ itself is
//     a symbolic link it is resolved once and the real folder walked, so every command
//     sees the same files whatever path leads to them.
//   - Symbolic links: a link inside data/ may name another file of data/; a link that
//     leads outside (or to a folder) is a Problem and is never opened. Read checks again
//     just before opening, so a link swapped in after listing is refused too. Writers
//     (tools/internal/atomicfile.Replace) refuse links altogether: a link is never
//     replaced by a copy.
//   - Limits (source.go): at most MaxFileSize bytes are read (a larger file is refused
//     without being held in memory), UTF-8 without BOM, no tab indentation, one YAML
//     document holding a mapping, no anchors, aliases, merge keys or tags, at most
//     MaxDepth levels and MaxNodes values. CRLF line ends are accepted (read as LF, so
//     lines and columns are those of the file); a lone CR is not.
//   - Parsing: the fast reader (fastyaml.go) for the files `guide fmt` writes, yaml.v3
//     for anything else; both give the same tree (TestFastParseMatchesLibrary,
//     FuzzFastParse).
//   - Compare-and-swap: a command that rewrites a file passes the bytes read
//     (File.OnDisk) to atomicfile.Replace, which replaces the file only if it still
//     holds them (comparing their SHA-256).
//
// A file with an error diagnostic (File.Err) is never rewritten, copied or converted
// by any command: they refuse it, naming the file and this first error.
package corpus

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/model"
	"gopkg.in/yaml.v3"
)

// Source is one listed file.
type Source struct {
	// Path is the file as named in messages: under the data folder as given (data/…)
	// even when that folder is a symbolic link.
	Path string
	Kind model.Kind
	// Problem is set when the file cannot be a data file at all (wrong place or type, a
	// symbolic link leading out of the data folder), as a message of the catalogue (its
	// code is empty otherwise); the file is never read.
	Problem diag.Msg
	// root is the real (symlink-free) data folder a listed file must stay in; empty for
	// a file outside any data folder.
	root string
	rel  string // the path inside root
}

// File is a data file read and parsed.
type File struct {
	Path string
	Kind model.Kind
	// Src is the content as parsed (CRLF read as LF); nil when reading failed.
	Src []byte
	// Root is the top-level mapping; nil when the file cannot be checked further.
	Root *yaml.Node
	// Diags are the reader's findings (size, encoding, syntax, YAML features).
	Diags diag.List
	// Raw is the content exactly as read (nil when identical to Src).
	Raw []byte
	// CRLF says the file had CRLF line ends (which `guide fmt` rewrites).
	CRLF bool
	// Tabs says how tab indentation was read as spaces (nil without): Src is the
	// repaired copy, and Tabs.Map moves positions in it back to the file.
	Tabs *TabRepair
}

// OnDisk returns the bytes as they were read from disk.
func (f *File) OnDisk() []byte {
	if f.Raw != nil {
		return f.Raw
	}
	return f.Src
}

// Err returns the file's first error as an error naming the file, or nil: what a
// command prints when it refuses the file.
func (f *File) Err() error {
	for _, d := range f.Diags {
		if d.Severity == diag.Error {
			return &RejectedError{Diag: d}
		}
	}
	return nil
}

// RejectedError is a file the reader rejects: a command that meets one refuses it and
// exits 1 (a finding, as guide validate would report it), not 2.
type RejectedError struct {
	Diag   diag.Diagnostic
	Folder bool // the data folder itself, not one file
}

func (e *RejectedError) Error() string {
	if e.Folder {
		return e.Diag.String()
	}
	return e.Words("en")
}

// Words says e in lang.
func (e *RejectedError) Words(lang string) string {
	if e.Folder {
		return e.Diag.In(lang).String()
	}
	return diag.Text(lang, "rejected", diag.A{"diagnostic": e.Diag.In(lang).String()})
}

func (f *File) errorf(line, col int, code string, args diag.A) {
	f.Diags = append(f.Diags, diag.New(f.Path, line, col, diag.Error, "", code, args))
}

// Read reads and parses one listed file; every problem is a diagnostic of the file.
func Read(s Source) *File {
	f := &File{Path: s.Path, Kind: s.Kind}
	if s.Problem.Code != "" {
		f.errorf(0, 0, s.Problem.Code, s.Problem.Args)
		return f
	}
	data, size, err := readLimited(s)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		switch {
		case errors.Is(err, errNotRegular):
			f.errorf(0, 0, "not_regular", nil)
		case errors.Is(err, errLink):
			f.errorf(0, 0, "link_outside_read", nil)
		default:
			f.errorf(0, 0, "cannot_read", diag.A{"error": diag.Cause(err)})
		}
		return f
	}
	if len(data) > MaxFileSize { // named with its true size, not what was read of it
		f.errorf(0, 0, "file_too_large", diag.A{"size": int(max(size, int64(len(data)))), "limit": MaxFileSize})
		return f
	}
	p := parse(s.Path, data)
	f.Src, f.Root, f.Diags, f.Raw, f.CRLF, f.Tabs = p.src, p.root, p.diags, p.raw, p.crlf, p.tabs
	return f
}

// ReadPath lists and reads one file given by path, against the data folder dataDir.
func ReadPath(dataDir, path string) *File {
	realRoot, _ := RealDir(dataDir)
	return Read(sourceOf(dataDir, realRoot, filepath.Clean(path)))
}

// errNotRegular is returned for a named pipe, a device or a socket in the data folder.
var errNotRegular = errors.New("not a regular file (a named pipe, device or socket); put the YAML file itself here")

// errLink is returned when a listed file became a symbolic link leading out.
var errLink = errors.New("symbolic link leads outside the data folder")

// readLimited reads at most MaxFileSize+1 bytes, enough to tell a file is too large
// without holding a huge one in memory. A symbolic link is checked again just before
// opening, and only regular files are read (not a FIFO or a device).
func readLimited(s Source) ([]byte, int64, error) {
	info, err := os.Lstat(s.Path)
	if err != nil {
		return nil, 0, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if s.root == "" || linkProblem(s.root, s.Path).Code != "" {
			return nil, 0, errLink
		}
	} else if !info.Mode().IsRegular() {
		return nil, 0, errNotRegular
	}
	f, err := os.OpenFile(s.Path, os.O_RDONLY|openFlags, 0) // see openFlags
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	if !st.Mode().IsRegular() {
		return nil, 0, errNotRegular
	}
	// One buffer of the size the file says it has (plus one byte, to see a file that grew
	// past it), never more than the limit plus one.
	buf := make([]byte, min(st.Size(), MaxFileSize)+1)
	n, err := io.ReadFull(f, buf)
	if err == io.EOF || err == io.ErrUnexpectedEOF {
		err = nil
	}
	return buf[:n], st.Size(), err
}

// lexicallyIn reports whether path is named inside dir, links not resolved.
func lexicallyIn(dir, path string) bool {
	d, err1 := filepath.Abs(dir)
	p, err2 := filepath.Abs(path)
	return err1 == nil && err2 == nil && Within(d, p) && d != p
}

// Within reports whether path is root or inside it (both absolute and clean).
func Within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// LayoutHint names the places data files go.
func LayoutHint() string {
	var dirs []string
	for _, k := range model.Kinds {
		if k.Dir != "" {
			dirs = append(dirs, k.Dir+"/ID.yaml")
		} else {
			dirs = append(dirs, k.File)
		}
	}
	return strings.Join(dirs, ", ")
}
