package evi

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
)

// Grouping puts the areas of a data file in service areas (groups): from a GROUPS.csv
// (ReadGroups) or from the nearest service point (Catchments).
type Grouping struct {
	Groups []Group // in output order
	Of     []int   // per area, in data order: the index of its group in Groups; -1 for none
}

// Group is one service area.
type Group struct {
	ID     string
	NameEN string
	NameFR string
}

// What ReadGroups does with an area of the data that GROUPS.csv does not name.
const (
	UngroupedError  = "error"  // an error naming the area's line (the default)
	UngroupedIgnore = "ignore" // the area counts in no group
	UngroupedGroup  = "group"  // the areas gather in a last group, UngroupedID
)

// UngroupedPolicies are the values of --ungrouped.
var UngroupedPolicies = []string{UngroupedError, UngroupedIgnore, UngroupedGroup}

// UngroupedID is the group of the areas GROUPS.csv does not name, under UngroupedGroup.
const UngroupedID = "ungrouped"

// The errors of GROUPS.csv, and of a data area it does not name.
const (
	CodeGroupsMissingColumn Code = "groups_missing_column" // name: code or group; columns
	CodeGroupsEmptyCode     Code = "groups_empty_code"
	CodeGroupsEmptyGroup    Code = "groups_empty_group"    // value: the area code
	CodeGroupsDuplicateCode Code = "groups_duplicate_code" // value, first line
	CodeGroupsUnknownArea   Code = "groups_unknown_area"   // value: not an area of the data
	CodeGroupsNameConflict  Code = "groups_name_conflict"  // group, value, previous (the other name), first line
	CodeGroupsUngrouped     Code = "groups_ungrouped"      // value: an area of the data, at its line there
	CodeGroupsBadPolicy     Code = "groups_bad_policy"     // value
)

// ReadGroups reads GROUPS.csv (columns code and group, optionally group_name_en and
// group_name_fr) for the areas of a data file. Groups come in order of first
// appearance. A code twice, an empty cell, a code that is not an area of the data and
// a group named two ways are errors of groupsFile, naming the line; an area the file
// does not name is an error of dataFile at the area's line, unless policy says
// otherwise (UngroupedIgnore, UngroupedGroup). Errors are one ErrorList, each naming
// its file.
func ReadGroups(r io.Reader, groupsFile string, areas []Area, dataFile, policy string) (*Grouping, error) {
	if !slices.Contains(UngroupedPolicies, policy) {
		return nil, ErrorList{newError(0, "", CodeGroupsBadPolicy, "value", policy)}
	}
	t, err := readTable(r, []string{"code", "group"}, CodeGroupsMissingColumn)
	if err != nil {
		if list, ok := err.(ErrorList); ok {
			return nil, list.InFile(groupsFile)
		}
		return nil, fmt.Errorf("%s: %w", groupsFile, err)
	}
	areaAt := make(map[string]int, len(areas))
	for i, a := range areas {
		areaAt[a.Code] = i
	}
	g := &Grouping{Of: make([]int, len(areas))}
	for i := range g.Of {
		g.Of[i] = -1
	}
	groupAt := map[string]int{}
	firstLine := map[string]int{} // area code → line in GROUPS.csv
	nameLine := map[int]int{}     // group → line that named it
	for i, line := range t.lines {
		code, group := t.cell(i, "code"), t.cell(i, "group")
		switch {
		case code == "":
			t.report(line, "code", CodeGroupsEmptyCode)
			continue
		case group == "":
			t.report(line, "group", CodeGroupsEmptyGroup, "value", code)
			continue
		}
		if first, dup := firstLine[code]; dup {
			t.report(line, "code", CodeGroupsDuplicateCode,
				"value", code, "first", first)
			continue
		}
		firstLine[code] = line
		a, known := areaAt[code]
		if !known {
			t.report(line, "code", CodeGroupsUnknownArea, "value", code)
			continue
		}
		gi, seen := groupAt[group]
		if !seen {
			gi = len(g.Groups)
			groupAt[group] = gi
			g.Groups = append(g.Groups, Group{ID: group})
		}
		g.Of[a] = gi
		gr := &g.Groups[gi]
		for _, n := range []struct {
			column string
			dst    *string
		}{{"group_name_en", &gr.NameEN}, {"group_name_fr", &gr.NameFR}} {
			v := t.cell(i, n.column)
			switch {
			case v == "":
			case *n.dst == "":
				*n.dst = v
				if _, ok := nameLine[gi]; !ok {
					nameLine[gi] = line
				}
			case *n.dst != v:
				t.report(line, n.column, CodeGroupsNameConflict,
					"group", group, "value", v, "previous", *n.dst, "first", nameLine[gi])
			}
		}
	}
	var errs ErrorList = t.errs.InFile(groupsFile)
	var dataErrs ErrorList
	ungrouped := -1
	for i, a := range areas {
		if g.Of[i] >= 0 {
			continue
		}
		switch policy {
		case UngroupedError:
			if len(dataErrs) < MaxErrors {
				dataErrs = append(dataErrs, newError(a.Line, "", CodeGroupsUngrouped, "value", a.Code))
			}
		case UngroupedGroup:
			if ungrouped < 0 {
				ungrouped = len(g.Groups)
				g.Groups = append(g.Groups, Group{ID: UngroupedID, NameEN: "Not in any group", NameFR: "Dans aucun groupe"})
			}
			g.Of[i] = ungrouped
		}
	}
	errs = append(errs, dataErrs.InFile(dataFile)...)
	if len(errs) > 0 {
		return nil, errs
	}
	return g, nil
}

// GroupResult is the summary of one group.
type GroupResult struct {
	Group
	Areas      int     // areas in the group
	Ranked     int     // of which with an index
	Population float64 // of the areas with an index; NaN when none
	EVIMean    float64 // population-weighted mean index of those areas, 2 decimals; NaN when none
	ShareQ5    float64 // share of that population in quintile-5 areas, 0 to 1, 4 decimals; NaN when none
}

// Aggregate summarises res by group, in group order. An area counts as ranked in its
// group when it has an index (a population above zero and a score in every theme).
func Aggregate(res *Result, g *Grouping) []GroupResult {
	out := make([]GroupResult, len(g.Groups))
	sumEVI := make([]float64, len(g.Groups))
	sumQ5 := make([]float64, len(g.Groups))
	for i := range out {
		out[i].Group = g.Groups[i]
	}
	for i, a := range res.Areas {
		gi := g.Of[i]
		if gi < 0 {
			continue
		}
		o := &out[gi]
		o.Areas++
		if math.IsNaN(a.Index) {
			continue
		}
		o.Ranked++
		o.Population += a.Population
		sumEVI[gi] += a.Population * a.Index
		if a.Quintile == 5 {
			sumQ5[gi] += a.Population
		}
	}
	for i := range out {
		o := &out[i]
		if o.Ranked == 0 || o.Population <= 0 {
			o.Population, o.EVIMean, o.ShareQ5 = math.NaN(), math.NaN(), math.NaN()
			continue
		}
		o.EVIMean = math.Round(sumEVI[i]/o.Population*100) / 100
		o.ShareQ5 = round4(sumQ5[i] / o.Population)
	}
	return out
}

// GroupCSVHeader is the header WriteGroupsCSV writes.
var GroupCSVHeader = []string{"group", "name_en", "name_fr", "areas", "areas_ranked", "population", "evi_mean", "share_q5"}

// WriteGroupsCSV writes one row per group, in order; a group without a ranked area has
// empty population, evi_mean and share_q5. Lines end with LF.
func WriteGroupsCSV(w io.Writer, groups []GroupResult) error {
	rows := newCSVRows(w, GroupCSVHeader)
	b := rows.b
	var err error
	for _, g := range groups {
		b = appendCSVField(b, g.ID)
		b = append(appendCSVField(append(b, ','), g.NameEN), ',')
		b = append(appendCSVField(b, g.NameFR), ',')
		b = append(strconv.AppendInt(b, int64(g.Areas), 10), ',')
		b = append(strconv.AppendInt(b, int64(g.Ranked), 10), ',')
		b = append(appendNum(b, g.Population), ',')
		b = append(appendNum(b, g.EVIMean), ',')
		b = appendNum(b, g.ShareQ5)
		if b, err = rows.end(b); err != nil {
			return err
		}
	}
	return rows.close(b)
}
