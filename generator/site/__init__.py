"""Site: reports → Markdown pages. Each article's pages (`render`, through the escaping
`filters`), the cross-article pages (`pages`, built on `index`, with `actors`, `figures`,
`timeline` and the date `archive`), chart geometry (`charts`) and the RSS `feed`."""
