import type { Resources } from './en'

const ja: Resources = {
  common: {
    appName: 'AskVideo',
    titleSuffix: 'AskVideo',
    skipToContent: 'メインコンテンツへ移動',
    retry: '再試行',
    loading: '読み込み中…',
    colon: '：',
    listSeparator: '・',
  },
  nav: {
    main: 'メイン',
    home: 'AskVideo ホーム',
    signIn: 'ログイン',
    createAccount: 'アカウント作成',
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
    title: 'ライブラリ',
    placeholder: '最近の動画と処理状況がここに表示されます。',
  },
  auth: {
    login: {
      documentTitle: 'ログイン',
      title: 'ログイン',
      placeholder: 'このビルドではログインフォームはまだ利用できません。',
      noAccount: 'AskVideo は初めてですか？',
    },
    signup: {
      documentTitle: 'アカウント作成',
      title: 'アカウント作成',
      placeholder: 'このビルドでは登録フォームはまだ利用できません。',
      haveAccount: 'すでにアカウントをお持ちですか？',
      disabledTitle: '新規登録は無効です',
      disabledBody: 'このサーバーでは新しいアカウントを受け付けていません。管理者にアカウントの作成を依頼してください。',
    },
  },
  errors: {
    network: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
    generic: '問題が発生しました。もう一度お試しください。',
    httpStatus: 'サーバーがエラーを返しました（HTTP {{status}}）。',
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
