//go:build unix

package evi

import (
	"syscall"
	"testing"
	"time"
)

// reportCPU reports the processor time a benchmark's loop used, per operation
// (cpu-ns/op, all threads, the garbage collector's included): on a machine shared with
// other work, ns/op counts the time spent waiting for a processor too.
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
