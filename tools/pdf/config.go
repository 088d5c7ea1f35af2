package pdf

// HugoConfig is what config.toml needs for the print pages: the output format "print"
// (text/html, base name "edition": /en/edition.html, /fr/edition.html), rendered for the
// home page next to its HTML. Tests add it with a second --config file; config.toml
// should hold the same lines.
const HugoConfig = `# The print edition: one HTML page per language holding the whole guide
# (layouts/home.print.html), which guide pdf prints to PDF.
[outputFormats.print]
  mediaType = "text/html"
  baseName = "edition"
  isHTML = true
  notAlternative = true
  permalinkable = false

[outputs]
  home = ["html", "print"]
`
