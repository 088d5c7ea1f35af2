// The areas' boundaries simplified for the map of the calculator page: projected to a
// plane, then thinned by Douglas–Peucker so that 60,000 areas draw quickly. An edge two
// areas share is simplified once, the same way for both: the rings are cut at the
// vertices where areas meet (junctions) and at every ring's first vertex, and each run
// between two cuts is simplified on its own, so that the same run, walked either way,
// keeps the same vertices. Apart from main.go so that it builds, and is tested, outside
// the browser too.

package main

import (
	"math"

	"github.com/pssdc/guide-iad/tools/evi"
)

// mapWidth is the width of the map in SVG units; the height follows the areas' shape.
// tolerance is how far (in those units) a simplified edge may stray from the original:
// half a unit, under a pixel when the map is drawn at its width.
const (
	mapWidth  = 1000.0
	tolerance = 0.5
)

// projection is an equirectangular projection around the areas' middle latitude,
// scaled to mapWidth: distances are true along that latitude and close to it for the
// extent of a jurisdiction's service areas.
type projection struct {
	lon0, lat1, kx, ky float64
	width, height      float64
}

// newProjection fits the longitudes and latitudes given (as [lon, lat]) in mapWidth.
func newProjection(pts func(yield func(lon, lat float64))) projection {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	pts(func(lon, lat float64) {
		minX, maxX = math.Min(minX, lon), math.Max(maxX, lon)
		minY, maxY = math.Min(minY, lat), math.Max(maxY, lat)
	})
	if minX > maxX { // nothing to draw
		return projection{width: mapWidth, height: mapWidth / 2}
	}
	c := math.Cos((minY + maxY) / 2 * math.Pi / 180)
	w, h := (maxX-minX)*c, maxY-minY
	scale := mapWidth / math.Max(w, 1e-9)
	if h*scale > 1.5*mapWidth { // a tall jurisdiction: fit its height instead
		scale = 1.5 * mapWidth / h
	}
	return projection{lon0: minX, lat1: maxY, kx: c * scale, ky: scale,
		width: math.Max(w*scale, 1), height: math.Max(h*scale, 1)}
}

func (p projection) xy(lon, lat float64) [2]float64 {
	return [2]float64{(lon - p.lon0) * p.kx, (p.lat1 - lat) * p.ky}
}

// vertexInfo is what the simplification knows of one position of the input.
type vertexInfo struct {
	rings int        // how many rings pass through it
	a, b  [2]float64 // its neighbours in the first ring that passed
	cut   bool       // a junction, or a ring's first vertex: kept, and runs end there
}

// simplifyAreas returns, per area, the simplified rings of its geometry in map units
// (nil for an area without geometry), each ring closed (last = first) and with at least
// three distinct positions, together with the number of positions before and after.
func simplifyAreas(geo evi.Areas, p projection) (out [][][][2]float64, before, after int) {
	info := map[[2]float64]*vertexInfo{}
	for _, g := range geo {
		if g == nil {
			continue
		}
		for _, poly := range g.Polygons {
			for _, ring := range poly {
				n := len(ring) - 1 // the last position repeats the first
				for i := range n {
					v := ring[i]
					prev, next := ring[(i+n-1)%n], ring[(i+1)%n]
					vi := info[v]
					if vi == nil {
						vi = &vertexInfo{a: prev, b: next}
						info[v] = vi
					} else if !(vi.a == prev && vi.b == next || vi.a == next && vi.b == prev) {
						vi.cut = true // the rings part here
					}
					vi.rings++
				}
				info[ring[0]].cut = true
			}
		}
	}
	for _, vi := range info {
		if vi.rings > 2 {
			vi.cut = true
		}
	}
	out = make([][][][2]float64, len(geo))
	var keep []bool
	var proj [][2]float64
	for k, g := range geo {
		if g == nil {
			continue
		}
		for _, poly := range g.Polygons {
			for _, ring := range poly {
				n := len(ring) - 1
				before += n
				proj = proj[:0]
				for _, v := range ring[:n] {
					proj = append(proj, p.xy(v[0], v[1]))
				}
				keep = append(keep[:0], make([]bool, n)...)
				var cuts []int
				for i, v := range ring[:n] {
					if info[v].cut {
						cuts = append(cuts, i)
						keep[i] = true
					}
				}
				for c, from := range cuts {
					to := n // the run closes on the first cut, ring[0]
					if c+1 < len(cuts) {
						to = cuts[c+1]
					}
					douglasPeucker(proj, from, to, keep)
				}
				var simple [][2]float64
				for i, kept := range keep {
					if kept {
						simple = append(simple, proj[i])
					}
				}
				if len(simple) < 3 { // too small to see: kept whole rather than lost
					simple = append(simple[:0], proj...)
				}
				after += len(simple)
				out[k] = append(out[k], append(simple, simple[0]))
			}
		}
	}
	return out, before, after
}

// douglasPeucker marks in keep the positions of pts[from..to] (to taken modulo
// len(pts)) that stay within tolerance of the line through what is kept; from and to
// are kept already.
func douglasPeucker(pts [][2]float64, from, to int, keep []bool) {
	if to-from < 2 {
		return
	}
	a, b := pts[from], pts[to%len(pts)]
	worst, at := -1.0, -1
	for i := from + 1; i < to; i++ {
		if d := segmentDistance(pts[i], a, b); d > worst {
			worst, at = d, i
		}
	}
	if worst <= tolerance {
		return
	}
	keep[at] = true
	douglasPeucker(pts, from, at, keep)
	douglasPeucker(pts, at, to, keep)
}

// segmentDistance is the distance from p to the segment ab.
func segmentDistance(p, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	t := 0.0
	if l2 > 0 {
		t = math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
	}
	ex, ey := p[0]-a[0]-t*dx, p[1]-a[1]-t*dy
	return math.Hypot(ex, ey)
}
