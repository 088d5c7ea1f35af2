//go:build !unix

package corpus

// openFlags: no named pipes to wait on here (Windows, the browser's WebAssembly).
const openFlags = 0
