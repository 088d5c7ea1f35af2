package diag

import "maps"

// The catalogue is one source of words for every program, but a program built for the
// browser (tools/wasm) should carry only the words of the codes it can show: the
// catalogue_*.go files are grouped into areas, and the catalogue a program words from
// (catalogueEN, catalogueFR) holds package diag's own codes, the codes that files still
// add by init, and the areas Use added. The command line (and every test) has them all
// (catalogue_all.go, not built for the browser); a browser program says in its main
// package which areas it uses, and the linker leaves the others' maps out.
// tools/wasmbuild's TestProgramsWordTheirCodes checks that every code a program's
// packages name is among them, so that a page never shows a bare code.

// An Area is a part of the catalogue: the words of a group of codes in English and in
// French, map by map (en[i] and fr[i] word the same codes).
type Area func() (en, fr []map[string]string)

// Validator words the checks of the data (tools/check, corpus, model, webform) and
// their explanations, for guide validate and the online form.
var Validator Area = func() (en, fr []map[string]string) {
	return []map[string]string{coreEN, cliEN, historyEN, searchEN, describeEN, formEN},
		[]map[string]string{coreFR, cliFR, historyFR, searchFR, describeFR, formFR}
}

// Evi words the problems of the e-vulnerability calculator's files, its geometry and
// service areas (tools/evi), for guide evi and the calculator's page.
var Evi Area = func() (en, fr []map[string]string) {
	return []map[string]string{eviEN, evigeoEN, serviceEN},
		[]map[string]string{eviFR, evigeoFR, serviceFR}
}

// Commands words the command line's own messages: help and usage, guide new,
// review and translations, pdf, edition, links, opendata, hugo-data, progress; no
// browser program shows them.
var Commands Area = func() (en, fr []map[string]string) {
	return []map[string]string{helpEN, usageEN, commandsEN, newentryEN, printEN, pdffileEN, progressEN, releaseEN, opendataEN, relatedEN, pipelineEN, prehugoEN},
		[]map[string]string{helpFR, usageFR, commandsFR, newentryFR, printFR, pdffileFR, progressFR, releaseFR, opendataFR, relatedFR, pipelineFR, prehugoFR}
}

// Use adds the words of areas to the catalogue. It is called while the program starts
// (an init function), before any message is worded; using an area twice is harmless.
func Use(areas ...Area) {
	for _, a := range areas {
		en, fr := a()
		for i := range en {
			maps.Copy(catalogueEN, en[i])
			maps.Copy(catalogueFR, fr[i])
		}
	}
}
