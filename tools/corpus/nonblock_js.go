//go:build js

package corpus

// openNonblock: the browser (the online form) reads no files, only what it is given.
const openNonblock = 0
