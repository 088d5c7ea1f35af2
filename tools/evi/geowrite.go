package evi

import (
	"bufio"
	"io"
)

// WriteGeoJSON writes the result as a GeoJSON FeatureCollection for GIS software
// (QGIS…): one feature per area that has a geometry, in data order, its boundary as the
// GeoJSON of the areas gave it, and its scores as properties: code, name_en, name_fr,
// population, excluded, missing (indicators, separated by semicolons), the percentile
// of each theme (percentile_THEME), evi, quintile, flags, and group when grouping is
// not nil. Areas without a geometry are left out (the CSV has them all).
func WriteGeoJSON(w io.Writer, res *Result, geo Areas, grouping *Grouping) error {
	j := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10)}
	j.s("{\"type\": \"FeatureCollection\", \"features\": [")
	n := 0
	for i := range res.Areas {
		g := geo[i]
		if g == nil {
			continue
		}
		a := &res.Areas[i]
		j.sep(n).s("\n{\"type\": \"Feature\", \"properties\": {\"code\": ").str(a.Code)
		n++
		j.s(", \"name_en\": ").str(a.NameEN)
		j.s(", \"name_fr\": ").str(a.NameFR)
		j.s(", \"population\": ").num(a.Population)
		j.s(", \"excluded\": ").str(a.Excluded)
		j.s(", \"missing\": ")
		missing := ""
		for m, col := range a.Missing {
			if m > 0 {
				missing += ";"
			}
			missing += col
		}
		j.str(missing)
		for t, th := range res.Config.Themes {
			j.s(", ").str("percentile_" + th.ID).s(": ").num(a.ThemePercentile[t])
		}
		j.indexQuintileFlags(a)
		if grouping != nil {
			j.s(", \"group\": ")
			if gi := grouping.Of[i]; gi >= 0 {
				j.str(grouping.Groups[gi].ID)
			} else {
				j.s("null")
			}
		}
		j.s("}, \"geometry\": ").bytes(g.raw).s("}")
	}
	j.s("\n]}\n")
	return j.flush()
}
