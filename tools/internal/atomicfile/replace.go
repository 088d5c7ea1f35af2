package atomicfile

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrChanged is returned by Replace when the file changed since it was read.
var ErrChanged = errors.New("changed since it was read; run again")

// ErrLink is returned by Replace for a symbolic link: replacing it would turn it into a
// copy of the file it leads to (which stays as it was).
var ErrLink = errors.New("is a symbolic link; it was left alone (edit the file it leads to)")

// Replace replaces the file at path with data, only if it still holds read (the bytes
// read from it before computing data): a compare-and-swap, so that two commands
// rewriting the same file (guide fmt beside guide translations -import) never lose
// each other's changes; the one that loses gets ErrChanged and writes nothing. It is
// all or nothing (WriteFunc), refuses a symbolic link or anything but a regular file,
// and keeps the file's permissions. Writers in the same folder are serialised (an
// advisory lock on the folder where the system has one) between the compare and the
// rename, so no write slips in between.
func Replace(path string, read, data []byte) error {
	want := sha256.Sum256(read)
	return replace(path, func() error {
		info, err := os.Lstat(path)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("%s: %w", path, ErrChanged)
			}
			return err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s %w", path, ErrLink)
		}
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s exists and is not a regular file", path)
		}
		now, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if sha256.Sum256(now) != want {
			return fmt.Errorf("%s: %w", path, ErrChanged)
		}
		return nil
	}, data)
}

// replace writes data to a temporary file, then, holding the folder's lock, runs
// unchanged and renames the temporary file over path if it returns nil.
func replace(path string, unchanged func() error, data []byte) (err error) {
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("%s %w", path, ErrLink)
	}
	mode := os.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		mode = info.Mode().Perm()
	}
	tmp, err := stage(path, mode, func(w io.Writer) error { _, err := w.Write(data); return err })
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	unlock, err := lockDir(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer unlock()
	if err := unchanged(); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
