//go:build !(js && wasm)

// Outside the browser the package builds (go build ./...) and its tests run
// (errors_test.go), but the program only says what it is.

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "evi: a browser program; guide wasm builds it with GOOS=js GOARCH=wasm")
	os.Exit(2)
}
