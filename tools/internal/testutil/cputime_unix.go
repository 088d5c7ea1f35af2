//go:build unix

package testutil

import (
	"syscall"
	"time"
)

// CPUTime returns the processor time this process and the children it waited for have
// used (user and system, every thread, the garbage collector's included). Benchmarks
// report it beside ns/op, and tests compare costs with it: on a machine shared with
// other work, wall time counts the time spent waiting for a processor too.
func CPUTime() time.Duration {
	var total time.Duration
	for _, who := range []int{syscall.RUSAGE_SELF, syscall.RUSAGE_CHILDREN} {
		var u syscall.Rusage
		if syscall.Getrusage(who, &u) == nil {
			total += time.Duration(u.Utime.Nano() + u.Stime.Nano())
		}
	}
	return total
}

// CPUKnown says whether CPUTime measures anything here.
const CPUKnown = true
