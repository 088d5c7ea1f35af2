package check

import (
	"regexp"
	"strings"
)

// Telephone numbers are written as people write them in Canada, in either language:
// "+1 613 555 0100", "(819) 372-4600", "613.555.0100", "1-800-555-0100", with or
// without an extension: "ext. 123", "ext 123", "x123", "poste 123", "p. 123", alone,
// after a comma or in parentheses ("+1 613 555 0100 (poste 123)").
var (
	// phoneExtension is an extension at the end of the number, with what separates it.
	phoneExtension = regexp.MustCompile(`(?i)(?:,? +|,)(?:\((?:ext\.?|extension|x|poste|p\.) ?[0-9]{1,6}\)|(?:ext\.?|extension|x|poste|p\.) ?[0-9]{1,6})$|x[0-9]{1,6}$`)
	// phoneNumber is the number itself: digits, spaces, dots, hyphens and parentheses.
	phoneNumber = regexp.MustCompile(`^\+?[0-9(][0-9 ().-]{5,22}[0-9]$`)
	// phoneAreaCode is the group in parentheses a number may have.
	phoneAreaCode = regexp.MustCompile(`\([0-9]{1,4}\)`)
)

// Digits a telephone number holds without its extension: seven for a local number,
// up to fifteen for an international one (ITU E.164).
const (
	phoneMinDigits = 7
	phoneMaxDigits = 15
)

// validPhone reports whether s is a telephone number as the guide accepts it.
func validPhone(s string) bool {
	number := s
	if loc := phoneExtension.FindStringIndex(s); loc != nil {
		number = s[:loc[0]]
	}
	if !phoneNumber.MatchString(number) || strings.Contains(number, "  ") {
		return false
	}
	// At most one group in parentheses, of digits only: "(819)".
	if open := strings.Count(number, "("); open > 1 || open != strings.Count(number, ")") ||
		open == 1 && !phoneAreaCode.MatchString(number) {
		return false
	}
	digits := 0
	for _, c := range number {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	return digits >= phoneMinDigits && digits <= phoneMaxDigits
}
