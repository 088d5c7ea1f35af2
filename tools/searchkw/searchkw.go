// Package searchkw computes the search keywords of the guide's pages: the words a case
// study, a practice or a resource is found by beyond its text (docs/site.md, Search).
// guide hugo-data writes them into the derived data (keywords.json, package hugodata:
// hugo.Data.keywords.LANG.KIND.ID), and _partials/search-keywords.html prints each
// page's line in a hidden paragraph inside its data-pagefind-body, weighted above the
// body (data-pagefind-weight="3"), that no reader sees and Pagefind indexes. The rules
// live here only; the template prints the line (escaped, never marked safe).
//
// A page's line holds, in this order, each once (the first time), joined by " · ":
//   - for each of its taxonomy codes, vocabularies in alphabetical order, the code's
//     label and synonyms in the page's language, and the acronyms (words in capitals)
//     among its synonyms in the other language, which readers type in either language
//     (EVI/IVE, PIA/EFVP), as one text (Terms);
//   - the acronyms of its names (organization and partners, a resource's publisher and
//     its title when it has at most four words): the initials of the words but the
//     small ones (and, of, the, de, du, la…: the set small), for each part of the name between ( ) , ;, when they are 2 to
//     6 bytes long (Canada Revenue Agency → CRA, Agence du revenu du Canada → ARC,
//     E-vulnerability index → EVI);
//   - the hyphenated words of its text (title and summary; a practice's body too),
//     joined and split (e-vulnerability → evulnerability, e vulnerability);
//   - the acronyms its text defines in parentheses (évaluation des facteurs relatifs à
//     la vie privée (EFVP) → EFVP);
//   - in French, the word after an elided article, alone and with l' and d' (Pagefind
//     keeps the article with its word: l'échange → échange, l'échange, d'échange);
//   - the words made with a prefix (cyber, auto, géo, télé…: the list prefixes), without it (cybervulnérabilité →
//     vulnérabilité, autoévaluation → évaluation);
//   - in English, the other spelling of its British or American words (the list
//     spellings: organisation ↔ organization, centre ↔ center, modelling ↔ modeling), in lower case.
//
// Accents need nothing here: Pagefind matches "vulnerabilite" to "vulnérabilité" itself.
// The text is that of the language the page shows: the other language's when the
// entry's translation is pending in this one, as the templates choose it. The words and
// lists of the rules (small, prefixes, spellings) are defined once, below.
package searchkw

import (
	"regexp"
	"slices"
	"strings"
)

// small are the words an acronym leaves out, in lower case.
var small = set("and", "of", "the", "for", "on", "in", "to", "a", "an",
	"et", "de", "du", "des", "la", "le", "les", "l", "d", "en", "à", "au", "aux", "pour", "sur")

// prefixes are the prefixes a word is also found without, when at least five letters
// follow (in either case, at the start of a word).
var prefixes = []string{"cyber", "auto", "géo", "geo", "télé", "tele", "multi", "inter", "socio", "éco", "micro", "macro", "hyper"}

// spellings are the British and American spellings of English words: a word of the text
// holding one part gets the other ([British, American] pairs, in lower case).
var spellings = [][2]string{
	{"isation", "ization"}, {"centre", "center"}, {"modelling", "modeling"},
	{"randomis", "randomiz"}, {"behaviour", "behavior"}, {"labour", "labor"},
}

// Sep separates the keywords of a line.
const Sep = " · "

var (
	nameParts = regexp.MustCompile(`[(),;|]`)
	nameWords = regexp.MustCompile(`[\p{L}\d]+`)
	compounds = regexp.MustCompile(`\p{L}+(?:-\p{L}+)+`)
	defined   = regexp.MustCompile(`\((\p{Lu}[\p{Lu}\d]{1,7})\)`)
	elided    = regexp.MustCompile(`(?i)\b[ld][’'](\p{L}{3,})`)
	prefixed  = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` + strings.Join(prefixes, "|") + `)(\p{L}{5,})`)
	spelt     = regexp.MustCompile(`(?i)\p{L}*(?:` + strings.Join(spellingParts, "|") + `)\p{L}*`)
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// spellingParts are the halves of spellings.
var spellingParts = func() []string {
	var parts []string
	for _, p := range spellings {
		parts = append(parts, p[0], p[1])
	}
	return parts
}()

// otherSpelling returns w with its British parts spelt American and its American parts
// British, in lower case. The pairs of spellings are swapped one after the other, each
// through capitals so that its second half does not undo its first (a word holding
// parts of two pairs, such as "randomization", can come back unchanged).
func otherSpelling(w string) string {
	for _, p := range spellings {
		w = strings.ReplaceAll(w, p[0], strings.ToUpper(p[1]))
		w = strings.ReplaceAll(w, p[1], p[0])
	}
	return strings.ToLower(w)
}

// Entry is what a page's keywords are made from, in the language the page shows.
type Entry struct {
	// Codes are the entry's taxonomy codes by vocabulary (the key in taxonomy.yaml).
	Codes map[string][]string
	// Names are the names whose acronyms are keywords (a "|" parts a name as ( ) , ; do).
	Names []string
	// Text is the title and summary (and a practice's body), joined by spaces.
	Text string
}

// Line returns the keywords of e on a page in lang ("en" or "fr") with the taxonomy
// words terms (NewTerms of that language), joined by Sep; "" when there are none.
func Line(lang string, terms Terms, e Entry) string {
	var words []string
	vocabs := make([]string, 0, len(e.Codes))
	for v := range e.Codes {
		vocabs = append(vocabs, v)
	}
	slices.Sort(vocabs)
	for _, v := range vocabs {
		for _, code := range e.Codes[v] {
			if t := terms[v][code]; t != "" {
				words = append(words, t)
			}
		}
	}
	for _, name := range e.Names {
		for _, part := range nameParts.Split(name, -1) {
			if a := acronym(part); len(a) >= 2 && len(a) <= 6 {
				words = append(words, a)
			}
		}
	}
	// Each regular expression runs only on a text holding what it needs (a hyphen, a
	// bracket, an apostrophe, a spelling): most texts have none of them.
	if strings.Contains(e.Text, "-") {
		for _, c := range compounds.FindAllString(e.Text, -1) {
			words = append(words, strings.ReplaceAll(c, "-", ""), strings.ReplaceAll(c, "-", " "))
		}
	}
	if strings.Contains(e.Text, "(") {
		for _, m := range defined.FindAllStringSubmatch(e.Text, -1) {
			words = append(words, m[1])
		}
	}
	// The text in lower case holds every prefix and spelling the case-insensitive
	// expressions would find, but written with a long s (ſ, which they read as s).
	lower, longS := strings.ToLower(e.Text), strings.ContainsRune(e.Text, 'ſ')
	if lang == "fr" && strings.ContainsAny(e.Text, "'’") {
		for _, m := range elided.FindAllStringSubmatch(e.Text, -1) {
			w := strings.ToLower(m[1])
			words = append(words, w, "l'"+w, "d'"+w)
		}
	}
	if longS || containsAny(lower, prefixes) {
		for _, m := range prefixed.FindAllStringSubmatch(e.Text, -1) {
			words = append(words, m[1])
		}
	}
	if lang == "en" && (longS || containsAny(lower, spellingParts)) {
		for _, w := range spelt.FindAllString(e.Text, -1) {
			words = append(words, otherSpelling(w))
		}
	}
	return strings.Join(uniq(words), Sep)
}

// containsAny reports whether s holds one of parts.
func containsAny(s string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// acronym returns the initials, in capitals, of the words of s but the small ones.
func acronym(s string) string {
	var b strings.Builder
	for _, w := range nameWords.FindAllString(s, -1) {
		if small[strings.ToLower(w)] {
			continue
		}
		for _, r := range w {
			b.WriteString(strings.ToUpper(string(r)))
			break
		}
	}
	return b.String()
}

// uniq keeps the first of equal words, in order (a line has a few dozen words: a
// search of the kept ones costs less than a map).
func uniq(words []string) []string {
	out := words[:0]
	for _, w := range words {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}
