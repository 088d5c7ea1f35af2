//go:build !unix

package evi

import "testing"

// reportCPU reports nothing where the system does not say the processor time used.
func reportCPU(*testing.B) func() { return func() {} }
