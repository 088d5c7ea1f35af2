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
