//go:build !js

package corpus

import "syscall"

// openNonblock is the flag that opens a named pipe without waiting for a writer.
const openNonblock = syscall.O_NONBLOCK
