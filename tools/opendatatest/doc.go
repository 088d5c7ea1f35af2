// Package opendatatest tests the open data that the site publishes in each language
// (projects, practices and consented contacts as JSON and CSV, a Frictionless
// datapackage.json, an Atom feed of case studies, and the sitemaps with hreflang
// alternates; see docs/open-data.md), end to end on a build of the fixture corpus plus
// testdata/extra. It holds tests only: the open data itself is made by guide opendata
// (tools/opendata; sitetest.Build runs it before Hugo) and, for the feed and the
// sitemaps, by the site's templates (layouts/home.opendata.xml, layouts/sitemap.xml).
package opendatatest
