package diag

// prehugoEN words, in English, the codes of guide hugo-data's one pass over data/ (the
// JSON copy, the derived data and the open data from one read: tools/guide/hugodata.go);
// in the Commands area (areas.go).
var prehugoEN = map[string]string{
	"help_flag_hugodata_opendata": "also write the open data into `dir`, as guide opendata -history would, from the same read of data/ and git (-site, -config and -base-url as guide opendata's)",
}
