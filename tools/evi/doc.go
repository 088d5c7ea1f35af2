// Package evi computes an e-vulnerability index: for each geographic area, how likely
// its people are to have trouble using online services, relative to the other areas of
// the same file.
//
// # Method
//
// The method is the percentile-rank method of the CDC/ATSDR Social Vulnerability Index
// (SVI) as its documentation describes it (Centers for Disease Control and Prevention
// and Agency for Toxic Substances and Disease Registry, "CDC/ATSDR SVI 2022
// Documentation",
// https://www.atsdr.cdc.gov/placeandhealth/svi/documentation/SVI_documentation_2022.html),
// applied to indicators of access to the internet, willingness and skills:
//
//  1. Areas with a population of zero, or none given, stay in the output but are left
//     out of every ranking; their scores are empty (null in JSON).
//  2. Each indicator is ranked among the ranked areas that have a value: percentile
//     rank PR = (rank − 1) / (N − 1), where tied values share the smallest of their
//     ranks and N is the number of areas ranked on that indicator, rounded to 4 decimals
//     (half away from zero). An indicator whose direction is −1 (a lower value is more
//     vulnerable) takes 1 − PR of its values as they are, (N − rank) / (N − 1) rounded
//     once, as CDC does for per capita income: tied areas share the higher rank (ranking
//     the negated values would give them the lower one). With N = 1 the PR is 0: a lone
//     area is not more vulnerable than itself, and 0 keeps every later step defined.
//  3. A theme score is the sum of its indicators' PRs; the theme percentile is the PR of
//     the theme scores, by the same rule.
//  4. The overall score is the sum of the theme scores; the index is 100 × the PR of
//     the overall scores: 0 (least vulnerable area of the file) to 100 (most).
//  5. The quintile is ⌊5 × (rank − 1) / N⌋ + 1 over the overall scores, 1 (least
//     vulnerable) to 5 (most): with N areas and no ties, the five groups differ in size
//     by at most one and are equal when N is a multiple of 5; tied areas share the
//     quintile of their smallest rank, so ties can enlarge a lower quintile. The flags
//     of an area are the number of its indicators with a PR of 0.90 or more (the top
//     10%, as the SVI's flags).
//  6. Themes may carry weights (default 1) that multiply their scores in the overall
//     sum. That is a departure from the method, which weighs themes equally; the output
//     then says so (MethodWeighted) on every row.
//
// Sums are rounded to 4 decimals before they are ranked, so that scores equal in
// decimal arithmetic tie in floating point too.
//
// # Agreement with CDC
//
// TestCDC reproduces every EPL_, RPL_THEME1–4, RPL_THEMES and F_ value of CDC's
// published county tables for Pennsylvania, SVI 2018, 2020 and 2022
// (testdata/cdc/README.md), from CDC's EP_ estimates.
//
// # Missing values
//
// A missing indicator value (an empty cell, NA, "..", "x"…) is not a zero. The area is
// left out of that indicator's ranking (its PR is null, and N counts only the areas
// with a value), and its theme score is the sum of the PRs it has, scaled by
// (indicators in the theme) / (indicators present): the same as giving the missing PR
// the mean of the area's other PRs in the theme, so that a gap neither lowers nor
// raises the area's score on its own. When every indicator of a theme is missing, the
// area has no score for that theme and no overall score, index or quintile: a whole
// theme is not imputed. Each area lists its missing indicators in the output. A
// configuration may name the data's own codes for a missing value (missing_values:
// [-999], as CDC writes). CDC instead publishes -999 for every rank that depends on a
// missing estimate: a departure, so that one gap does not remove an area.
//
// # Limits
//
// The index ranks areas against the other areas loaded, not against a standard: the
// same area can score differently in another file, and a low index does not mean that
// no one there has trouble. Area scores describe places, not the individuals who live
// there. The tool is in the spirit of the federal e-vulnerability index of Employment
// and Social Development Canada (ESDC), not that index: its indicators, data and
// weights are the user's.
//
// # Errors
//
// A configuration or data file at fault gives an ErrorList: one Error per problem, in
// file order, naming file, line and data column. Each Error has a Code (Codes lists
// them) and the Args its message names: it is worded from the catalogue of package diag
// (evi_err_<code>, in English and French), which guide evi prints in -lang, and the web
// tool words it in the page's language from the i18n strings of the same keys; the
// package's tests fail when a code lacks either, or when the page's English differs.
//
// The package is pure computation (no global state, no I/O besides LoadConfig and Run,
// whose output file is written by tools/internal/atomicfile) so that it can be compiled to WebAssembly for the site's web tool.
package evi
