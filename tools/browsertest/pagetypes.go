package browsertest

// PageType is one kind of page of the fixture site (tools/check/testdata/valid), by its
// path in each language.
type PageType struct {
	Kind   string
	EN, FR string
}

// PageTypes are the kinds of page the gates must see, by their path in the fixture site,
// English then French. The browser tests load every page of the site; this list makes
// sure that none of these kinds went missing from it. The page bench (tools/pagebench)
// measures each on a slow profile.
var PageTypes = []PageType{
	{"home", "/en/", "/fr/"},
	{"projects list", "/en/projects/", "/fr/projets/"},
	{"case study", "/en/projects/alpha-outreach/", "/fr/projets/alpha-outreach/"},
	{"case study, translation pending", "/en/projects/gamma-inventory/", "/fr/projets/gamma-inventory/"},
	{"practices list", "/en/practices/", "/fr/pratiques/"},
	{"practice", "/en/practices/start-small/", "/fr/pratiques/start-small/"},
	{"resources list", "/en/resources/", "/fr/ressources/"},
	{"resource", "/en/resources/index-tool/", "/fr/ressources/index-tool/"},
	{"contacts", "/en/contacts/", "/fr/personnes-ressources/"},
	{"jurisdictions", "/en/jurisdictions/", "/fr/juridictions/"},
	{"jurisdiction term", "/en/jurisdictions/ca-on/", "/fr/juridictions/ca-on/"},
	{"levels", "/en/levels/", "/fr/ordres-de-gouvernement/"},
	{"level term", "/en/levels/federal/", "/fr/ordres-de-gouvernement/federal/"},
	{"stages", "/en/stages/", "/fr/etapes/"},
	{"stage term", "/en/stages/production/", "/fr/etapes/production/"},
	{"themes", "/en/themes/", "/fr/themes/"},
	{"theme term", "/en/themes/digital-inclusion/", "/fr/themes/digital-inclusion/"},
	{"techniques", "/en/techniques/", "/fr/techniques/"},
	{"technique term", "/en/techniques/geospatial-analysis/", "/fr/techniques/geospatial-analysis/"},
	{"data sources", "/en/data-sources/", "/fr/sources-de-donnees/"},
	{"data source term", "/en/data-sources/census/", "/fr/sources-de-donnees/census/"},
	{"about", "/en/about/", "/fr/a-propos/"},
	{"submit", "/en/submit/", "/fr/soumettre/"},
	{"submit online (form)", "/en/submit-online/", "/fr/soumettre-en-ligne/"},
	{"submit a resource person online", "/en/submit-online-contact/", "/fr/soumettre-en-ligne-personne-ressource/"},
	{"submit a practice online", "/en/submit-online-practice/", "/fr/soumettre-en-ligne-pratique/"},
	{"submit a resource online", "/en/submit-online-resource/", "/fr/soumettre-en-ligne-ressource/"},
	{"licence", "/en/licence/", "/fr/licence/"},
	{"e-vulnerability index calculator", "/en/e-vulnerability-calculator/", "/fr/calculateur-de-cybervulnerabilite/"},
	{"search", "/en/search/", "/fr/recherche/"},
	{"open data", "/en/open-data/", "/fr/donnees-ouvertes/"},
	{"not found", "/en/404.html", "/fr/404.html"},
}
