//go:build !js

package evi

import (
	"bytes"
	"fmt"
	"math/rand/v2"
)

// Synthetic returns a configuration and a CSV file of fictional areas for benchmarks:
// indicators in 4 themes (every fifth one reversed), one-decimal values (so with ties),
// 1 % missing values and 0.5 % areas without population. The same arguments give the
// same files.
func Synthetic(areas, indicators int) (config, data []byte) {
	var cfg bytes.Buffer
	cfg.WriteString("columns: {code: code, name_en: name_en, name_fr: name_fr, population: pop}\nindicators:\n")
	for j := range indicators {
		dir := 1
		if j%5 == 4 {
			dir = -1
		}
		fmt.Fprintf(&cfg, "  x%02d: {theme: t%d, direction: %d}\n", j, j%4, dir)
	}
	rng := rand.New(rand.NewPCG(60, 20))
	var d bytes.Buffer
	d.WriteString("code,name_en,name_fr,pop")
	for j := range indicators {
		fmt.Fprintf(&d, ",x%02d", j)
	}
	d.WriteByte('\n')
	for i := range areas {
		pop := 100 + rng.IntN(10000)
		if rng.IntN(200) == 0 {
			pop = 0
		}
		fmt.Fprintf(&d, "A%05d,Area %d (fictional),Lieu %d (fictif),%d", i, i, i, pop)
		for range indicators {
			if rng.IntN(100) == 0 {
				d.WriteString(",")
				continue
			}
			fmt.Fprintf(&d, ",%.1f", rng.Float64()*100)
		}
		d.WriteByte('\n')
	}
	return cfg.Bytes(), d.Bytes()
}

// SyntheticGeometry returns a GeoJSON of the areas of Synthetic(areas, …) — codes
// A00000… — as a grid of irregular quadrilaterals of about 1 km sharing their edges
// (six positions per ring: the edges have a midpoint, as real boundaries have many),
// and a POINTS.csv of points service points placed at random over the grid.
func SyntheticGeometry(areas, points int) (geojson, pointsCSV []byte) {
	cols := 1
	for cols*cols < areas {
		cols++
	}
	const lon0, lat0, dlon, dlat = -80.0, 43.0, 0.012, 0.009
	rng := rand.New(rand.NewPCG(18, 500))
	jitter := func(i, j, axis int) float64 {
		if i == 0 || j == 0 {
			return 0
		}
		r := rand.New(rand.NewPCG(uint64(i*100003+j), uint64(axis)))
		return (r.Float64() - 0.5) * 0.3
	}
	vertex := func(i, j int) (float64, float64) {
		return lon0 + (float64(i)+jitter(i, j, 0))*dlon, lat0 + (float64(j)+jitter(i, j, 1))*dlat
	}
	var g bytes.Buffer
	g.WriteString(`{"type": "FeatureCollection", "features": [`)
	for k := range areas {
		i, j := k%cols, k/cols
		if k > 0 {
			g.WriteByte(',')
		}
		fmt.Fprintf(&g, "\n{\"type\": \"Feature\", \"properties\": {\"code\": \"A%05d\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[", k)
		corners := [][2]int{{i, j}, {i + 1, j}, {i + 1, j + 1}, {i, j + 1}}
		for c := range 4 {
			x0, y0 := vertex(corners[c][0], corners[c][1])
			fmt.Fprintf(&g, "[%.5f, %.5f], ", x0, y0)
			if c == 0 || c == 2 { // a midpoint on two of the edges
				x1, y1 := vertex(corners[c+1][0], corners[c+1][1])
				fmt.Fprintf(&g, "[%.5f, %.5f], ", (x0+x1)/2, (y0+y1)/2)
			}
		}
		x0, y0 := vertex(i, j)
		fmt.Fprintf(&g, "[%.5f, %.5f]]]}}", x0, y0)
	}
	g.WriteString("\n]}\n")
	var p bytes.Buffer
	p.WriteString("code,name_en,name_fr,lat,lon\n")
	rows := (areas + cols - 1) / cols
	for k := range points {
		fmt.Fprintf(&p, "P%03d,Office %d (fictional),Bureau %d (fictif),%.5f,%.5f\n", k, k, k,
			lat0+rng.Float64()*float64(rows)*dlat, lon0+rng.Float64()*float64(cols)*dlon)
	}
	return g.Bytes(), p.Bytes()
}
