package webform

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The validator speaks English (tools/check). The French form shows its messages in
// French where this table knows the message's English pattern; a message it does not
// know (a new or reworded one) is shown in English, marked as such, never guessed at.
// Patterns use the validator's own verbs: %q a quoted value, %d a number, %s any text.
var frMessages = [][2]string{
	{`is empty; remove the key or give it a value (%s)`, `est vide; retirez la clé ou donnez-lui une valeur (%s)`},
	{"missing required key; add `%s:` (%s)", "clé obligatoire absente; ajoutez `%s:` (%s)"},
	{`needs at least one item`, `il faut au moins un élément`},
	{`is %d characters long; the limit is %d`, `compte %s caractères; la limite est de %s`},
	{`id is %d characters long; the limit is %d`, `l'identifiant compte %s caractères; la limite est de %s`},
	{`%q is not a valid id; use lowercase letters, digits and single hyphens, e.g. %q (and name the file after it)`,
		`%s n'est pas un identifiant valide; utilisez des lettres minuscules, des chiffres et des traits d'union simples, p. ex. %s (et nommez le fichier d'après lui)`},
	{`%q is not an id (lowercase letters, digits and hyphens)`, `%s n'est pas un identifiant (lettres minuscules, chiffres et traits d'union)`},
	{"id %q differs from the file name %q; rename the file to %s.yaml or set `id: %s`",
		"l'identifiant %s diffère du nom du fichier %s; renommez le fichier %s.yaml ou écrivez `id: %s`"},
	{`id %q is also used by %s; ids must be unique`, `l'identifiant %s est déjà utilisé par %s; chaque identifiant doit être unique`},
	{`no %s with id %q (data/%s/%s.yaml)%s`, `aucune entrée %s n'a l'identifiant %s (data/%s/%s.yaml)%s`},
	{`unknown code %q in %s%s`, `code %s inconnu dans %s%s`},
	{`%q is not a date; expected YYYY-MM-DD, e.g. 2026-03-31`, `%s n'est pas une date; format attendu AAAA-MM-JJ, p. ex. 2026-03-31`},
	{`%q is not a day of the calendar`, `%s n'est pas un jour du calendrier`},
	{`%s is in the future`, `%s est dans le futur`},
	{`%s is before started (%s)`, `%s est antérieure au début (started : %s)`},
	{`%q is not an email address; expected name@organization.ca`, `%s n'est pas une adresse courriel; forme attendue nom@organisation.ca`},
	{`%q is not a telephone number; expected digits such as +1 613 555 0100 (ext. 123)`, `%s n'est pas un numéro de téléphone; chiffres attendus, p. ex. +1 613 555 0100 (poste 123)`},
	{`%q uses http; use https://%s`, `%s utilise http; utilisez https://%s`},
	{`%q is not an absolute URL; expected https://host/path`, `%s n'est pas une adresse URL absolue; forme attendue https://hote/chemin`},
	{`%q: scheme %q is not allowed; expected an https:// URL`, `%s : le schéma %s n'est pas permis; une adresse https:// est attendue`},
	{`%q has no host; expected https://host/path`, `%s n'a pas d'hôte; forme attendue https://hote/chemin`},
	{`%q holds a user name or password; remove it`, `%s contient un nom d'utilisateur ou un mot de passe; retirez-le`},
	{`%q contains spaces; encode them as %%20`, `%s contient des espaces; encodez-les en %%20`},
	{`HTML %q is not allowed in plain text; write the text only`, `le HTML %s n'est pas permis dans le texte simple; écrivez le texte seulement`},
	{`Markdown %q is not allowed in plain text; write the text only`, `le Markdown %s n'est pas permis dans le texte simple; écrivez le texte seulement`},
	{`raw HTML is not allowed; write Markdown (e.g. **bold**, [text](https://…))`, `le HTML brut n'est pas permis; écrivez en Markdown (p. ex. **gras**, [texte](https://…))`},
	{`raw HTML %q is not allowed; write Markdown`, `le HTML brut %s n'est pas permis; écrivez en Markdown`},
	{`heading level %d (%s) is not allowed; the page owns levels 1 and 2: start at ###`, `le titre de niveau %s (%s) n'est pas permis; la page utilise les niveaux 1 et 2 : commencez à ###`},
	{`images are not allowed in entries; link to the image instead`, `les images ne sont pas permises dans les fiches; faites plutôt un lien vers l'image`},
	{`link to %q has no text; write [what the reader will find](%s)`, `le lien vers %s n'a pas de texte; écrivez [ce que le lecteur trouvera](%s)`},
	{`link %q has no destination`, `le lien %s n'a pas de destination`},
	{`link to %s: the site has no such page`, `lien vers %s : cette page n'existe pas sur le site`},
	{"missing %s text; add `%s: …`, or declare `translation_pending: %s` while it is being translated",
		"texte %s absent; ajoutez `%s: …`, ou déclarez `translation_pending: %s` pendant la traduction"},
	{`%s translation pending for %d %s; the %s site shows the other language with a notice`,
		`traduction %s en attente pour %s %s; le site %s affiche l'autre langue avec un avis`},
	{`declares %s pending, yet every text has its %s version; remove the key`, `déclare la traduction %s en attente, mais chaque texte a sa version %s; retirez la clé`},
	{`last reviewed %s, more than %d months ago; check the entry with its jurisdiction and update the date`,
		`dernière révision le %s, il y a plus de %s mois; vérifiez la fiche avec son administration et mettez la date à jour`},
	{`%q is listed twice (also item %d); keep one`, `%s figure deux fois (aussi à l'élément %s); gardez-en un`},
	{`%q is not a language of the guide; expected en or fr%s`, `%s n'est pas une langue du guide; en ou fr attendu%s`},
	{`unknown key%s; allowed here: %s`, `clé inconnue%s; clés permises ici : %s`},
	{`unknown language key%s; expected en and fr`, `clé de langue inconnue%s; en et fr attendus`},
	{`duplicate key; keep one`, `clé en double; gardez-en une`},
	{`duplicate key (first at line %d); keep one`, `clé en double (première à la ligne %s); gardez-en une`},
	{"empty list item; remove the `-` or give it a value", "élément de liste vide; retirez le `-` ou donnez-lui une valeur"},
	{`expected %s, found %s`, `%s attendu, trouvé %s`},
	{"expected text in both languages `{en: …, fr: …}`, found %s", "texte attendu dans les deux langues `{en: …, fr: …}`, trouvé %s"},
	{`text expected, found %s; quote it ("%s") so YAML keeps it as text`, `texte attendu, trouvé %s; mettez-le entre guillemets ("%s") pour que YAML le garde comme texte`},
	{`unquoted %q is read as a boolean by YAML 1.1 tools; quote it ("%s")`, `%s sans guillemets est lu comme un booléen par les outils YAML 1.1; mettez-le entre guillemets ("%s")`},
	{`YAML syntax: %s`, `syntaxe YAML : %s`},
}

// Fragments the messages above hold in their %s: what a field takes (expectation in
// tools/check), the name of a language, the did-you-mean hint.
var frFragments = [][2]string{
	{` (did you mean %q?)`, ` (vouliez-vous dire %s?)`},
	{`%s; expected one of %s`, `%s; valeurs attendues : %s`},
	{`text in both languages {en: …, fr: …}`, `du texte dans les deux langues {en: …, fr: …}`},
	{`Markdown in both languages {en: …, fr: …}`, `du Markdown dans les deux langues {en: …, fr: …}`},
	{`a date YYYY-MM-DD`, `une date AAAA-MM-JJ`},
	{`a list of text in both languages {en: …, fr: …}`, `une liste de textes dans les deux langues {en: …, fr: …}`},
	{`a list of Markdown in both languages {en: …, fr: …}`, `une liste de textes Markdown dans les deux langues {en: …, fr: …}`},
	{`a list of codes from %s in taxonomy.yaml`, `une liste de codes de %s dans taxonomy.yaml`},
	{`a code from %s in taxonomy.yaml`, `un code de %s dans taxonomy.yaml`},
	{`a list of ids of entries in data/%s`, `une liste d'identifiants d'entrées de data/%s`},
	{`the entry's id, equal to the file name`, `l'identifiant de la fiche, égal au nom du fichier`},
	{`an https:// URL`, `une adresse https://`},
	{`an email address`, `une adresse courriel`},
	{`a telephone number`, `un numéro de téléphone`},
	{`text`, `du texte`},
	{`English`, `en anglais`},
	{`French`, `en français`},
	{`field`, `champ`},
	{`fields`, `champs`},
	{`contact`, `de personne-ressource`},
	{`practice`, `de pratique`},
	{`resource`, `de ressource`},
	{`project`, `de projet`},
}

type pattern struct {
	re    *regexp.Regexp
	verbs []byte // the verb of each capture: q, d or s
	fr    string
}

// formMessages are the form's own messages (not the validator's), in French.
var formMessages = [][2]string{
	{Unchecked, "%s ne figure pas parmi les personnes-ressources publiées; ce formulaire ne peut pas vérifier les personnes non publiées (sans consentement consigné)\u00a0: l'examen du groupe de travail confirmera la référence"},
}

var frPatterns, frFragmentPatterns = compile(append(slices.Clone(frMessages), formMessages...)), compile(frFragments)

var verb = regexp.MustCompile(`%[qds%]`)

func compile(table [][2]string) []pattern {
	out := make([]pattern, len(table))
	for i, pair := range table {
		var re strings.Builder
		var verbs []byte
		re.WriteString("^")
		rest := pair[0]
		for _, loc := range verb.FindAllStringIndex(pair[0], -1) {
			start := loc[0] - (len(pair[0]) - len(rest))
			re.WriteString(regexp.QuoteMeta(rest[:start]))
			switch v := rest[start+1]; v {
			case 'q':
				re.WriteString(`("(?:[^"\\]|\\.)*")`)
				verbs = append(verbs, v)
			case 'd':
				re.WriteString(`(-?\d+)`)
				verbs = append(verbs, v)
			case 's':
				if strings.HasPrefix(rest[start+2:], "%") {
					// Two texts side by side (a vocabulary's name, then a hint): the first
					// is names joined by " or ".
					re.WriteString(`([a-z_]+(?: or [a-z_]+)*)`)
				} else {
					re.WriteString(`(.*?)`)
				}
				verbs = append(verbs, v)
			case '%':
				re.WriteString("%")
			}
			rest = rest[start+2:]
		}
		re.WriteString(regexp.QuoteMeta(rest) + "$")
		out[i] = pattern{re: regexp.MustCompile(re.String()), verbs: verbs, fr: pair[1]}
	}
	return out
}

// formWording says what the form's own layout makes plain in fewer words: an empty
// box is empty whatever the YAML around it would need ({en: …, fr: …}; not "is empty;
// remove the key", said of keys a loaded file gives no value), and the
// field's hint says what to write. Only the wording changes: the verdict is the
// validator's.
var formWording = []struct {
	match  func(msg string) bool
	en, fr string
}{
	{func(m string) bool {
		return strings.HasPrefix(m, "is empty; ") && !strings.HasPrefix(m, "is empty; remove the key")
	}, "is empty: fill it in", "est vide\u00a0: à remplir"},
	{func(m string) bool { return strings.HasPrefix(m, `"" is not a date; `) }, "is empty: enter a date (YYYY-MM-DD)", "est vide\u00a0: indiquez une date (AAAA-MM-JJ)"},
}

// Translate returns the validator's message msg in the language lang, with the language
// it is in: lang when the message is known, else "en" and msg as it is.
func Translate(msg, lang string) (string, string) {
	for _, w := range formWording {
		if w.match(msg) {
			if lang == "fr" {
				return w.fr, "fr"
			}
			return w.en, "en"
		}
	}
	if lang != "fr" {
		return msg, "en"
	}
	if fr, ok := translate(msg, frPatterns); ok {
		return fr, "fr"
	}
	return msg, "en"
}

func translate(msg string, table []pattern) (string, bool) {
	for _, p := range table {
		m := p.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(p.verbs))
		for i, v := range p.verbs {
			s := m[i+1]
			switch v {
			case 'q':
				if u, err := strconv.Unquote(s); err == nil {
					s = "«\u00a0" + u + "\u00a0»"
				}
			case 's':
				s = fragment(s)
			}
			args[i] = s
		}
		return fmt.Sprintf(p.fr, args...), true
	}
	return "", false
}

// fragment translates a known part of a message, and leaves others (values, codes,
// key lists) alone.
func fragment(s string) string {
	if s == "" {
		return s
	}
	if fr, ok := translate(s, frFragmentPatterns); ok {
		return fr
	}
	return s
}
