package check

import (
	"net/netip"
	"strings"
	"unicode/utf8"
)

// validEmail reports whether s is an email address and nothing else: what net/mail's
// ParseAddress accepts with no display name and an address equal to s (the rule of
// this validator since its start), without linking net/mail (and package net) into
// the form's browser program. That is RFC 5322's addr-spec without white space,
// comments or a quoted local part (whose address ParseAddress returns unquoted): a
// dot-atom, "@", and a dot-atom or a domain literal holding an IP address.
// TestValidEmailAsNetMail and FuzzValidEmail hold it to net/mail.
func validEmail(s string) bool {
	local, domain, ok := strings.Cut(s, "@")
	if !ok || !dotAtom(local) {
		return false
	}
	if lit, ok := strings.CutPrefix(domain, "["); ok {
		ip, ok := strings.CutSuffix(lit, "]")
		if !ok || strings.ContainsAny(ip, "[]\\") || !emailText(ip) {
			return false
		}
		a, err := netip.ParseAddr(ip)
		return err == nil && a.Zone() == "" // net.ParseIP takes no zone
	}
	return dotAtom(domain)
}

// dotAtom reports whether s is atext in parts separated by single dots.
func dotAtom(s string) bool {
	if s == "" || s[0] == '.' || s[len(s)-1] == '.' || strings.Contains(s, "..") || !emailText(s) {
		return false
	}
	return !strings.ContainsAny(s, `()<>[]:;@\,"`)
}

// emailText reports whether s is valid UTF-8 of printing ASCII and non-ASCII characters.
func emailText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '!' || c == 0x7f {
			return false
		}
	}
	return utf8.ValidString(s)
}
