import type { Resources } from './en'
import admin from './ja/admin'
import { groups, shared } from './ja/groups'
import auth from './ja/auth'
import chat from './ja/chat'
import settings from './ja/settings'
import search from './ja/search'
import videos from './ja/videos'
import { errorCodes, fieldErrorCodes } from './ja/errorCodes'

const ja: Resources = {
  common: {
    appName: 'AskVideo',
    titleSuffix: 'AskVideo',
    skipToContent: 'メインコンテンツへ移動',
    retry: '再試行',
    chooseFile: 'ファイルを選択',
    noFileChosen: 'ファイルが選択されていません',
    loading: '読み込み中…',
    colon: '：',
    listSeparator: '・',
    close: '閉じる',
    dismiss: '閉じる',
    copy: 'コピー',
    copied: 'コピーしました',
    copiedAnnouncement: 'クリップボードにコピーしました。',
    copyFailed: 'コピーできませんでした。テキストを選択して手動でコピーしてください。',
    save: '変更を保存',
    cancel: 'キャンセル',
    delete: '削除',
  },
  nav: {
    main: 'メイン',
    home: 'AskVideo ホーム',
    signIn: 'ログイン',
    createAccount: 'アカウント作成',
    dashboard: 'ホーム',
    videos: '動画',
    groups: 'グループ',
    search: '検索',
    admin: '管理',
    settings: '設定',
    signOut: 'ログアウト',
  },
  userMenu: {
    label: '{{username}} のアカウントメニュー',
  },
  toast: {
    /** The toasts' landmark; Radix puts its hotkey (F8) in place of {hotkey}. */
    region: '通知 ({hotkey})',
    announce: '通知',
  },
  session: {
    errorTitle: 'ログイン状態を確認できませんでした',
    signedOut: 'ログアウトしました。',
    expiredTitle: 'セッションの有効期限が切れました',
    expiredBody: '安全のためログアウトしました。もう一度ログインすると、元のページに戻ります。',
  },
  form: {
    show: '表示',
    hide: '隠す',
    showPasswordLabel: 'パスワードを表示',
    hidePasswordLabel: 'パスワードを隠す',
    invalid: 'この値を確認してください。',
  },
  pagination: {
    showing: '{{total}} 件中 {{from}}〜{{to}} 件を表示',
    previous: '前へ',
    next: '次へ',
    pageOf: '{{page}} / {{pages}} ページ',
  },
  language: {
    label: '言語',
    en: 'English',
    ja: '日本語',
  },
  footer: {
    version: 'AskVideo v{{version}}',
    tagline: '引用付きで答える、セルフホスト型の動画Q&A。',
    apiDocs: 'API ドキュメント',
  },
  landing: {
    documentTitle: 'AskVideo：動画に、なんでも質問',
    eyebrow: 'セルフホスト・自分のモデル・自分のデータ',
    title: 'AskVideo',
    tagline: '動画に、なんでも質問。回答は、根拠となる瞬間をピンポイントで示します。',
    intro:
      '録画をアップロードすると、AskVideo が文字起こしを行い、シーンに分割して、すべての言葉を検索できるようにします。普段の言葉で質問すれば、どの回答にもその根拠となる秒単位の位置へのリンクが付きます。',
    ctaSignup: 'アカウントを作成',
    ctaSignIn: 'ログイン',
    ctaHowItWorks: '使い方を見る',
    demo: {
      label: '例：タイムスタンプ付きの引用がある回答',
      videoTitle: 'お客様オンボーディング通話',
      question: '返金はいつ受けられますか？',
      answerBefore: '返金は購入から30日以内であれば可能です',
      answerMiddle: '。手続きはサポートがメールで対応します',
      answerAfter: '。',
      citation1: '[1] 03:12',
      citation2: '[2] 07:45',
      seekHint: '引用をクリックすると、その場面へジャンプします。',
    },
    how: {
      title: '使い方',
      intro: 'アップロードから引用付きの回答まで、3 ステップ。',
      step: 'ステップ {{n}}',
      upload: {
        title: 'アップロード',
        body: '動画を 1 本でも複数でも、字幕があれば一緒にドロップ。ファイルはストレージへ直接ストリーミングされ、進捗バーで転送状況を確認できます。',
      },
      process: {
        title: 'バックグラウンドで処理',
        body: 'AskVideo が音声を文字起こしし、シーンに分割して検索用にインデックス化します。進捗はリアルタイムで確認できます。',
      },
      ask: {
        title: '質問して、引用された場面へジャンプ',
        body: '普段の言葉で質問するだけ。回答には番号付きの引用チップが付き、クリックするとプレーヤーがその瞬間へ移動します。',
      },
    },
    features: {
      title: '確かめられる回答のために',
      intro: '何時間もの動画を、信頼できる回答に変えるための機能がそろっています。',
      citations: {
        title: 'タイムスタンプ付きの引用',
        body: 'すべての記述が開始・終了時刻付きのシーンを指すので、数秒で裏付けを確認できます。',
      },
      share: {
        title: 'グループをリンクで共有',
        body: '動画をグループにまとめ、無効化できるリンクで共有できます。ゲストはアカウントなしで視聴・質問できます。',
      },
      offline: {
        title: '字幕があればオフラインで動作',
        body: 'AI キーは不要。.srt や .vtt の字幕をアップロードすれば、検索と抽出型の回答が自分のサーバーだけで完結します。',
      },
      models: {
        title: 'OpenAI 互換のモデルを持ち込み',
        body: 'OpenAI や任意の OpenAI 互換サーバーを、自分のキーで文字起こし・埋め込み・チャットに利用できます。',
      },
      api: {
        title: '個人トークンで使える REST API',
        body: 'アプリでできることはすべて、ドキュメント付きの REST API からも利用できます。権限を絞った個人アクセストークンに対応しています。',
      },
    },
    server: {
      title: 'このサーバー',
      intro: 'アクセス中の AskVideo サーバーから取得した現在の設定です。',
      providers: '有効な AI プロバイダー',
      chat: '回答',
      embeddings: '埋め込み',
      transcription: '文字起こし',
      maxUpload: '1 ファイルあたり最大 {{size}} までアップロード可能',
      noTranscription:
        '音声認識プロバイダーが設定されていません。アップロード時に字幕（.srt または .vtt）を追加してください。',
      loading: 'サーバー設定を読み込み中…',
      errorTitle: 'サーバー設定を読み込めませんでした',
      signupClosed: 'このサーバーでは新規登録を受け付けていません。アカウントは管理者に依頼してください。',
    },
    cta: {
      title: '最初の質問をしてみませんか？',
      bodySignup: 'アカウントを作成し、組み込みのサンプル動画を追加すれば、約 1 分で引用付きの回答を確かめられます。',
      bodySignIn: 'ログインして動画をアップロードし、質問を始めましょう。',
    },
  },
  home: {
    documentTitle: 'ホーム',
    greeting: 'おかえりなさい、{{username}} さん',
    intro: 'ライブラリの概要です。',
    usage: {
      title: '使用状況',
      videos: '動画',
      videosOfLimit: '{{used}} / {{limit}}',
      unlimited: '動画の本数に上限はありません。',
      storage: '使用容量',
      uploadLimit: 'アップロードの最大サイズ',
      uploadLimitDetail: '1 ファイルあたり。',
    },
    library: 'ライブラリ',
    videos: {
      count_one: '{{formatted}} 本の動画があります。最新の動画：',
      count_other: '{{formatted}} 本の動画があります。最新の動画：',
      loadFailed: '動画を読み込めませんでした',
    },
    groups: {
      title: 'あなたのグループ',
      count_one: '{{formatted}} 個のグループがあります。最新のグループ：',
      count_other: '{{formatted}} 個のグループがあります。最新のグループ：',
      loadFailed: 'グループを読み込めませんでした',
    },
    start: {
      title: 'はじめましょう',
      videosEmptyTitle: '最初の動画をアップロード',
      videosEmptyBody: '録画（または内蔵のサンプル）を追加すると、AskVideo が文字起こしし、シーンに分けて索引を作ります。',
      videosTitle: 'あなたの動画',
      videosBody: '動画を一覧し、処理の進み具合を確認し、質問できます。',
      videosAction: '動画へ',
      groupsTitle: '動画をまとめて共有',
      groupsBody: '複数の動画にまとめて質問したり、グループをリンクで共有したりできます。',
      groupsAction: 'グループへ',
    },
  },
  groups,
  shared,
  auth,
  settings,
  admin,
  videos,
  chat,
  search,
  errors: {
    network: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
    generic: '問題が発生しました。もう一度お試しください。',
    httpStatus: 'サーバーがエラーを返しました（HTTP {{status}}）。',
    rateLimited: 'リクエストが多すぎます。少し待ってから再試行してください。',
    rateLimitedSeconds_one: 'リクエストが多すぎます。{{count}} 秒後に再試行してください。',
    rateLimitedSeconds_other: 'リクエストが多すぎます。{{count}} 秒後に再試行してください。',
    rateLimitedMinutes_one: 'リクエストが多すぎます。{{count}} 分後に再試行してください。',
    rateLimitedMinutes_other: 'リクエストが多すぎます。{{count}} 分後に再試行してください。',
    codes: errorCodes,
    fields: fieldErrorCodes,
    unexpectedTitle: '問題が発生しました',
    unexpectedBody: '予期しないエラーが発生しました。ページを再読み込みしてください。',
    reload: 'ページを再読み込み',
    notFound: {
      documentTitle: 'ページが見つかりません',
      code: '404',
      title: 'ページが見つかりません',
      body: 'お探しのページは存在しないか、移動した可能性があります。',
      action: 'ホームへ戻る',
    },
  },
}

export default ja
