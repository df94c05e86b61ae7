/** Moment search (the search page and the search boxes of the video and group pages). */
const search = {
  documentTitle: 'Search',
  title: 'Find a moment',
  intro: 'Search what is said in all of your videos and jump straight to the moment.',
  label: 'Find a moment',
  placeholder: 'Words or a question, e.g. “pricing”',
  hint: 'Type at least two characters to search the transcripts.',
  searching: 'Searching…',
  failed: 'Search failed',
  results: 'Matching moments, best first',
  count_one: '{{count}} moment found.',
  count_other: '{{count}} moments found.',
  noResults: 'No moment matches “{{query}}”.',
  range: '{{start}}–{{end}}',
}

export default search
