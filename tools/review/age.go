// Ages: how long ago an entry was last reviewed, in calendar years, months or days.

package review

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pssdc/guide-iad/tools/diag"
)

// Age is a span of calendar time: a number of years, months or days.
type Age struct {
	Years, Months, Days int
}

var agePattern = regexp.MustCompile(`^(\d{1,4})([dmy])$`)

// ParseAge reads an age written as a number and a unit: 30d (days), 12m (months), 2y
// (years).
func ParseAge(s string) (Age, error) {
	m := agePattern.FindStringSubmatch(strings.TrimSpace(strings.ToLower(s)))
	if m == nil {
		return Age{}, diag.Errorf("review_bad_age", diag.A{"value": s})
	}
	n, _ := strconv.Atoi(m[1])
	switch m[2] {
	case "d":
		return Age{Days: n}, nil
	case "m":
		return Age{Months: n}, nil
	}
	return Age{Years: n}, nil
}

// String writes the age as ParseAge reads it (the largest unit when several are set).
func (a Age) String() string {
	var parts []string
	for _, p := range []struct {
		n    int
		unit string
	}{{a.Years, "y"}, {a.Months, "m"}, {a.Days, "d"}} {
		if p.n != 0 {
			parts = append(parts, strconv.Itoa(p.n)+p.unit)
		}
	}
	if len(parts) == 0 {
		return "0d"
	}
	return strings.Join(parts, "")
}

// Cutoff is the day that lies the age before now. Months and years keep the day of the
// month, or the month's last day when it is shorter (one month before March 31 is
// February 28 or 29, not March 3).
func (a Age) Cutoff(now time.Time) time.Time {
	y, m, d := now.Date()
	months := int(m) - 1 - a.Months - 12*a.Years
	y += floorDiv(months, 12)
	m = time.Month(months - 12*floorDiv(months, 12) + 1)
	d = min(d, daysIn(y, m))
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -a.Days)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
