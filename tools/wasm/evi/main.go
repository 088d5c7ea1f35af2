//go:build js && wasm

// Command evi is the e-vulnerability index calculator of the website, compiled to
// WebAssembly: the page's script (assets/js/evi.js) hands it the configuration and the
// CSV file the reader chose, and it runs tools/evi — the same parsing, checks,
// computation and CSV writer as `guide evi` — inside the browser. Nothing is sent
// anywhere.
//
// It sets globalThis.eviGo, an object with seven functions, then calls
// globalThis.eviOnReady() if the page defined it:
//
//	load(configText, csvBytes)  reads and checks both files; returns a JSON string:
//	                            {"ok":true,"areas":N,"config":{…}} or
//	                            {"ok":false,"file":"config"|"data","errors":[{line,column,code,args,msg}]}
//	compute(choicesJSON, withStrings)
//	                            scores the loaded areas with the indicators' themes and
//	                            directions changed as chosen ([{column,theme,direction}]);
//	                            returns {meta, strings, numbers} (see compute)
//	csv()                       the last result as guide evi writes it (Uint8Array)
//	config()                    the configuration of the last result, as YAML (string)
//	service(kind, fileBytes, radiusKm, geoBytes, property[, ungrouped])
//	                            reads the service areas of the loaded areas — kind
//	                            "groups" (GROUPS.csv), "points" (POINTS.csv, catchments
//	                            within radiusKm, 0 for none; ungrouped: the policy of
//	                            guide evi --ungrouped for GROUPS.csv) or "" — and their GeoJSON
//	                            (or an empty array), and answers for the last result as
//	                            groups() does, or a failure as load's (file "groups",
//	                            "points", "geojson" or "data")
//	groups()                    for the last result: {"ok":true,"groups":[rows of guide
//	                            evi --group-out],"csv","of":[group per area],"map":{…}}
//	                            (see service.go)
//	timings()                   milliseconds spent in each step of the last load and
//	                            compute, as JSON (for the browser benchmark)
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime/debug"
	"syscall/js"
	"time"
	"unsafe"

	"github.com/pssdc/guide-iad/tools/diag"
	"github.com/pssdc/guide-iad/tools/evi"
)

// The catalogue's words this program shows: the calculator's (tools/diag, areas.go;
// tools/wasmbuild's TestProgramsWordTheirCodes checks that they cover every code its
// packages name).
func init() { diag.Use(diag.Evi) }

// timings are the milliseconds the last load and compute spent in each step, for the
// browser benchmark (tools/browsertest, TestEVIBrowserBenchmark).
var timings = map[string]float64{}

func since(step string, t time.Time) {
	timings[step] = float64(time.Since(t).Microseconds()) / 1000
}

// state is what the page loaded and last computed.
var state struct {
	cfg   *evi.Config
	areas []evi.Area
	res   *evi.Result
	svc   *serviceState
}

func main() {
	// In WebAssembly the collector runs on the one thread, stopping the work: reading
	// a 60,000-row file collects again and again over a heap that only grows. Letting
	// the heap reach 5× the live data before collecting (instead of 2×) means fewer
	// collections for a larger heap: tens of MB more, well within a browser tab.
	debug.SetGCPercent(400)
	step = since
	api := js.Global().Get("Object").New()
	api.Set("load", js.FuncOf(load))
	api.Set("compute", js.FuncOf(compute))
	api.Set("csv", js.FuncOf(csvBytes))
	api.Set("config", js.FuncOf(configText))
	api.Set("service", js.FuncOf(service))
	api.Set("groups", js.FuncOf(groups))
	api.Set("timings", js.FuncOf(func(js.Value, []js.Value) any { return mustJSON(timings) }))
	js.Global().Set("eviGo", api)
	if ready := js.Global().Get("eviOnReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// load(configText, csvBytes): parse and check both; keep them for compute.
func load(_ js.Value, args []js.Value) any {
	state.cfg, state.areas, state.res, state.svc = nil, nil, nil, nil
	lastGeo.text, lastGeo.areas, lastGeo.geo = nil, nil, nil
	debug.FreeOSMemory() // the previous file's areas, before reading the next
	if len(args) != 2 || args[0].Type() != js.TypeString || args[1].Type() != js.TypeObject {
		return fail("data", errors.New("load needs the configuration (text) and the data (Uint8Array)"))
	}
	cfg, err := evi.ParseConfig([]byte(args[0].String()))
	if err != nil {
		return fail("config", err)
	}
	t := time.Now()
	data := make([]byte, args[1].Get("length").Int())
	js.CopyBytesToGo(data, args[1])
	since("copy", t)
	t = time.Now()
	areas, err := evi.ReadCSV(bytes.NewReader(data), cfg)
	since("read_csv", t)
	if err != nil {
		return fail("data", err)
	}
	state.cfg, state.areas = cfg, areas
	return loadResult(cfg, len(areas))
}

// compute(choicesJSON, withStrings) scores the loaded areas and returns an object
// (strings only when withStrings is true or not given):
//
//	meta     JSON string: {"ok":true,"method","weighted","total","ranked","indexed",
//	         "dropped":[theme IDs],"config":{themes, indicators with their N},
//	         "stride":S,"columns":[names of the S numbers]}, or a failure as load's
//	strings  JSON string: {"code":[…],"name_en":[…],"name_fr":[…],"excluded":[…],
//	         "missing":[indicators without a value, joined by ";"]}, one per area
//	numbers  Uint8Array holding a Float64Array of S numbers per area, in input order:
//	         population, overall, index, quintile, flags, then each theme's percentile;
//	         NaN where the result has no value (excluded areas, missing scores)
func compute(_ js.Value, args []js.Value) any {
	result := js.Global().Get("Object").New()
	if state.cfg == nil {
		result.Set("meta", fail("data", errors.New("no data loaded")))
		return result
	}
	var choices []evi.Choice
	if len(args) > 0 && args[0].Type() == js.TypeString && args[0].String() != "" {
		if err := json.Unmarshal([]byte(args[0].String()), &choices); err != nil {
			result.Set("meta", fail("choices", err))
			return result
		}
	}
	cfg, dropped, err := state.cfg.WithChoices(choices)
	if err == nil && len(cfg.Themes) == 0 {
		err = errors.New("no theme has an indicator")
	}
	if err != nil {
		result.Set("meta", fail("choices", err))
		return result
	}
	state.res = nil // collectable while computing the next
	t := time.Now()
	res := evi.Compute(state.areas, cfg)
	state.res = &res
	since("compute", t)
	t = time.Now()

	meta, nums := computeResult(&res, cfg, dropped)
	result.Set("meta", meta)
	since("numbers", t)
	t = time.Now()
	if len(args) < 2 || args[1].Truthy() {
		result.Set("strings", areaStrings(&res))
	}
	since("strings", t)
	t = time.Now()
	result.Set("numbers", float64Bytes(nums))
	since("copy_out", t)
	return result
}

// service(kind, fileBytes, radiusKm, geoBytes, property[, ungrouped]): read the service
// areas and the map of the loaded areas; answer as groups.
func service(_ js.Value, args []js.Value) any {
	state.svc = nil
	if state.res == nil || len(args) < 5 || len(args) > 6 {
		return fail("groups", errors.New("service needs a computed result and five or six arguments"))
	}
	in := serviceInput{Kind: args[0].String(), RadiusKm: args[2].Float(), Property: args[4].String()}
	if len(args) == 6 {
		in.Ungrouped = args[5].String()
	}
	in.File, in.Geo = goBytes(args[1]), goBytes(args[3])
	t := time.Now()
	svc, failure := loadService(state.cfg, state.areas, in)
	since("service", t)
	if failure != "" {
		return failure
	}
	state.svc = svc
	return groups(js.Value{}, nil)
}

// groups() answers for the last result with the service areas read by service.
func groups(js.Value, []js.Value) any {
	if state.res == nil || state.svc == nil {
		return fail("groups", errors.New("no service areas loaded"))
	}
	t := time.Now()
	out := state.svc.result(state.res)
	since("groups", t)
	return out
}

// goBytes copies a Uint8Array (nil for anything else).
func goBytes(v js.Value) []byte {
	if v.Type() != js.TypeObject {
		return nil
	}
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

// float64Bytes copies floats into a new Uint8Array (WebAssembly is little-endian, as
// every browser's Float64Array in practice).
func float64Bytes(f []float64) js.Value {
	u8 := js.Global().Get("Uint8Array").New(len(f) * 8)
	if len(f) > 0 {
		js.CopyBytesToJS(u8, unsafe.Slice((*byte)(unsafe.Pointer(&f[0])), len(f)*8))
	}
	return u8
}

// csv() returns the last result written by evi.WriteCSV, byte for byte what
// `guide evi -format csv` writes for the same files.
func csvBytes(js.Value, []js.Value) any {
	if state.res == nil {
		return js.Null()
	}
	var b bytes.Buffer
	if err := evi.WriteCSV(&b, state.res); err != nil {
		return js.Null()
	}
	u8 := js.Global().Get("Uint8Array").New(b.Len())
	js.CopyBytesToJS(u8, b.Bytes())
	return u8
}

// config() returns the configuration of the last result as YAML, for guide evi.
func configText(js.Value, []js.Value) any {
	if state.res == nil {
		return js.Null()
	}
	var b bytes.Buffer
	if err := evi.WriteConfig(&b, state.res.Config); err != nil {
		return js.Null()
	}
	return b.String()
}
