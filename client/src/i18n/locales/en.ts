/**
 * English strings: the source of truth for the set of keys. `ja.ts` must
 * provide every key (the compiler checks it, and so does a test).
 */
const en = {
  common: {
    appName: 'AskVideo',
    titleSuffix: 'AskVideo',
    skipToContent: 'Skip to main content',
    retry: 'Retry',
    loading: 'Loading…',
    colon: ': ',
    listSeparator: ' · ',
  },
  nav: {
    main: 'Main',
    home: 'AskVideo home',
    signIn: 'Sign in',
    createAccount: 'Create account',
  },
  language: {
    label: 'Language',
    en: 'English',
    ja: '日本語',
  },
  footer: {
    version: 'AskVideo v{{version}}',
    tagline: 'Self-hosted video Q&A with cited answers.',
    apiDocs: 'API documentation',
  },
  landing: {
    documentTitle: 'AskVideo: ask your videos anything',
    eyebrow: 'Self-hosted · Your models · Your data',
    title: 'AskVideo',
    tagline: 'Ask your videos anything. Get answers that cite the exact moment.',
    intro:
      'Upload your recordings and AskVideo transcribes them, splits them into scenes and indexes every word. Ask a question in plain language, and every answer links to the second it came from.',
    ctaSignup: 'Create an account',
    ctaSignIn: 'Sign in',
    ctaHowItWorks: 'See how it works',
    demo: {
      label: 'Example: an answer with timestamped citations',
      videoTitle: 'Customer onboarding call',
      question: 'When do we offer refunds?',
      answerBefore: 'Refunds are available within 30 days of purchase',
      answerMiddle: ', and support handles them by email',
      answerAfter: '.',
      citation1: '[1] 03:12',
      citation2: '[2] 07:45',
      seekHint: 'Click a citation to jump to that moment.',
    },
    how: {
      title: 'How it works',
      intro: 'From upload to a cited answer in three steps.',
      step: 'Step {{n}}',
      upload: {
        title: 'Upload',
        body: 'Drop in one video or many, with subtitles if you have them. Files stream straight to storage with a real progress bar.',
      },
      process: {
        title: 'Processed in the background',
        body: 'AskVideo transcribes the audio, splits it into scenes and indexes them for search, while you watch the progress live.',
      },
      ask: {
        title: 'Ask and jump to the cited moment',
        body: 'Ask in plain language. Each answer cites its sources as numbered chips: click one and the player seeks to that moment.',
      },
    },
    features: {
      title: 'Built for answers you can check',
      intro: 'Everything you need to turn hours of video into answers you can trust.',
      citations: {
        title: 'Timestamped citations',
        body: 'Every claim points to a scene with its start and end time, so you can verify it in seconds.',
      },
      share: {
        title: 'Share a group by link',
        body: 'Collect videos into a group and share it with a revocable link. Guests can watch and ask without an account.',
      },
      offline: {
        title: 'Works offline with subtitles',
        body: 'No AI key needed: upload .srt or .vtt subtitles and get search and extractive answers entirely on your own server.',
      },
      models: {
        title: 'Bring your own OpenAI-compatible model',
        body: 'Connect OpenAI or any OpenAI-compatible server for transcription, embeddings and chat, with your own key.',
      },
      api: {
        title: 'REST API with personal tokens',
        body: 'Everything the app does is available over a documented REST API, with scoped personal access tokens.',
      },
    },
    server: {
      title: 'This server',
      intro: 'Live settings reported by the AskVideo server you are visiting.',
      providers: 'Active AI providers',
      chat: 'Answers',
      embeddings: 'Embeddings',
      transcription: 'Transcription',
      maxUpload: 'Uploads up to {{size}} per file',
      noTranscription:
        'No speech-to-text provider is configured: add subtitles (.srt or .vtt) to your uploads.',
      loading: 'Loading server settings…',
      errorTitle: 'Could not load the server settings',
      signupClosed: 'Sign-up is closed on this server. Ask an administrator for an account.',
    },
    cta: {
      title: 'Ready to ask your first question?',
      bodySignup:
        'Create an account, add the built-in sample video and see a cited answer in about a minute.',
      bodySignIn: 'Sign in to upload videos and start asking.',
    },
  },
  home: {
    documentTitle: 'Home',
    title: 'Your library',
    placeholder: 'Your recent videos and their processing status will appear here.',
  },
  auth: {
    login: {
      documentTitle: 'Sign in',
      title: 'Sign in',
      placeholder: 'The sign-in form is not available in this build yet.',
      noAccount: 'New to AskVideo?',
    },
    signup: {
      documentTitle: 'Create an account',
      title: 'Create an account',
      placeholder: 'The sign-up form is not available in this build yet.',
      haveAccount: 'Already have an account?',
      disabledTitle: 'Sign-up is disabled',
      disabledBody: 'This server does not accept new accounts. Ask an administrator to create one for you.',
    },
  },
  errors: {
    network: 'The server could not be reached. Check your connection and try again.',
    generic: 'Something went wrong. Please try again.',
    httpStatus: 'The server answered with an error (HTTP {{status}}).',
    unexpectedTitle: 'Something went wrong',
    unexpectedBody: 'An unexpected error occurred. Reload the page to try again.',
    reload: 'Reload the page',
    notFound: {
      documentTitle: 'Page not found',
      code: '404',
      title: 'Page not found',
      body: 'The page you are looking for does not exist or has moved.',
      action: 'Go to the home page',
    },
  },
}

export default en

/** The shape every locale must match: the same keys, string values. */
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> }
export type Resources = DeepStrings<typeof en>
