import type { Resources } from '../en'

/** 場面検索（検索ページ、動画・グループページの検索欄）。 */
const search: Resources['search'] = {
  documentTitle: '検索',
  title: '場面を探す',
  intro: 'すべての動画で話されている内容を検索し、その場面へすぐに移動できます。',
  label: '場面を探す',
  placeholder: '語句や質問（例：「料金」）',
  hint: '2 文字以上入力すると文字起こしを検索します。',
  searching: '検索中…',
  failed: '検索に失敗しました',
  results: '一致した場面（関連度順）',
  count_one: '{{count}} 件の場面が見つかりました。',
  count_other: '{{count}} 件の場面が見つかりました。',
  noResults: '「{{query}}」に一致する場面はありません。',
  range: '{{start}}–{{end}}',
}

export default search
