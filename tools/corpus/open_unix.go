//go:build unix

package corpus

import "syscall"

// openFlags opens a data file without waiting: a named pipe swapped in after the
// listing is then not waited on (opening one blocks until a writer comes).
const openFlags = syscall.O_NONBLOCK
