// Package atomicfile writes files all or nothing: into a temporary file of the same
// folder, renamed over the target only once complete. It depends on the standard
// library only, so that packages compiled to WebAssembly (tools/evi) can use it without
// pulling in the data model.
package atomicfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write replaces path with data through a temporary file in the same folder
// (WriteFunc), so the file is never half-written.
func Write(path string, data []byte) error {
	return WriteFunc(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// WriteFunc writes a file through write: into a temporary file of the same
// folder, renamed over path only once complete. On any error, path is untouched and the
// temporary file removed. An existing file keeps its permissions; a new one gets 0644.
// A symbolic link is refused (ErrLink), never replaced by a copy.
func WriteFunc(path string, write func(io.Writer) error) (err error) {
	mode := os.FileMode(0o644)
	if info, err := os.Lstat(path); err == nil {
		if info.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s %w", path, ErrLink)
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s exists and is not a regular file", path)
		}
		mode = info.Mode().Perm()
	}
	tmp, err := stage(path, mode, write)
	if err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// stage writes a temporary file beside path with write, in mode, synced and closed, and
// returns its name; on any error the temporary file is removed. Renaming it over path is
// the caller's (the all-or-nothing step).
func stage(path string, mode os.FileMode, write func(io.Writer) error) (name string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(bw); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", err
	}
	if err := tmp.Chmod(mode); err != nil {
		return "", err
	}
	if err := tmp.Sync(); err != nil {
		return "", err
	}
	if err := tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}
