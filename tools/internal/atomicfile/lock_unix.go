//go:build unix

package atomicfile

import (
	"os"
	"syscall"
)

// lockDir takes an exclusive advisory lock on the folder dir (flock), held by Replace
// between its compare and its rename.
func lockDir(dir string) (func(), error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
