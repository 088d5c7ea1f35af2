package check

import (
	"net/mail"
	"testing"
)

// netMailEmail is the rule validEmail keeps: net/mail's address, alone.
func netMailEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && a.Name == ""
}

var emailCases = []struct {
	s    string
	want bool
}{
	{"info@example.org", true},
	{"first.last+tag@sub.example.ca", true},
	{"!#$%&'*+-/=?^_`{|}~@example.org", true},
	{"élise@exemple.québec", true},
	{"a@[192.0.2.1]", true},
	{"a@[2001:db8::1]", true},
	{"a@[::ffff:192.0.2.1]", true},
	{"", false},
	{"info", false},
	{"@example.org", false},
	{"info@", false},
	{"a@b@c", false},
	{".a@b", false},
	{"a.@b", false},
	{"a..b@c", false},
	{"a@b..c", false},
	{"a@.b", false},
	{"a@b.", false},
	{" a@b", false},
	{"a@b ", false},
	{"a @b", false},
	{"a@ b", false},
	{"Info <a@b>", false},
	{"a@b (comment)", false},
	{`"a b"@c`, false},
	{`"ab"@c`, false},
	{"a@[192.0.2.1", false},
	{"a@[192.0.2.01]", false},
	{"a@[fe80::1%eth0]", false},
	{"a@[]", false},
	{"a@[1.2.3.4]x", false},
	{"a@b]", false},
	{"a\x7f@b", false},
	{"a\xff@b", false},
	{"a\ufffd@b", true},
	{"a,b@c", false},
	{"a@b;c", false},
	{"a\\b@c", false},
	{"group: a@b;", false},
}

// TestValidEmailAsNetMail: validEmail agrees with net/mail, the rule it replaces, and
// with what each case should be.
func TestValidEmailAsNetMail(t *testing.T) {
	for _, c := range emailCases {
		if got, lib := validEmail(c.s), netMailEmail(c.s); got != c.want || lib != c.want {
			t.Errorf("validEmail(%q) = %v, net/mail %v; want %v", c.s, got, lib, c.want)
		}
	}
}

// FuzzValidEmail: on any text, validEmail says what net/mail says.
func FuzzValidEmail(f *testing.F) {
	for _, c := range emailCases {
		f.Add(c.s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := validEmail(s), netMailEmail(s); got != want {
			t.Fatalf("validEmail(%q) = %v; net/mail says %v", s, got, want)
		}
	})
}
