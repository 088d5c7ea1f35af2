//go:build !unix

package testutil

import "time"

// CPUTime is 0 where the system does not say the processor time used.
func CPUTime() time.Duration { return 0 }

// CPUKnown says whether CPUTime measures anything here.
const CPUKnown = false
