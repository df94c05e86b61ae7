/**
 * English strings: the source of truth for the set of keys. `ja.ts` must
 * provide every key (the compiler checks it, and so does a test).
 */
import admin from './en/admin'
import { groups, shared } from './en/groups'
import auth from './en/auth'
import chat from './en/chat'
import settings from './en/settings'
import search from './en/search'
import videos from './en/videos'
import { errorCodes, fieldErrorCodes } from './en/errorCodes'

const en = {
  common: {
    appName: 'AskVideo',
    titleSuffix: 'AskVideo',
    skipToContent: 'Skip to main content',
    retry: 'Retry',
    chooseFile: 'Choose file',
    noFileChosen: 'No file chosen',
    loading: 'Loading…',
    colon: ': ',
    listSeparator: ' · ',
    close: 'Close',
    dismiss: 'Dismiss',
    copy: 'Copy',
    copied: 'Copied',
    copiedAnnouncement: 'Copied to the clipboard.',
    copyFailed: 'Could not copy. Select the text and copy it yourself.',
    save: 'Save changes',
    cancel: 'Cancel',
    delete: 'Delete',
  },
  nav: {
    main: 'Main',
    home: 'AskVideo home',
    signIn: 'Sign in',
    createAccount: 'Create account',
    dashboard: 'Home',
    videos: 'Videos',
    groups: 'Groups',
    search: 'Search',
    admin: 'Admin',
    settings: 'Settings',
    signOut: 'Sign out',
  },
  userMenu: {
    label: 'Account menu for {{username}}',
  },
  toast: {
    /** The toasts' landmark; Radix puts its hotkey (F8) in place of {hotkey}. */
    region: 'Notifications ({hotkey})',
    announce: 'Notification',
  },
  session: {
    errorTitle: 'Could not check your session',
    signedOut: 'You are signed out.',
    expiredTitle: 'Your session has ended',
    expiredBody: 'For your security you were signed out. Sign in again to continue where you were.',
  },
  form: {
    show: 'Show',
    hide: 'Hide',
    showPasswordLabel: 'Show password',
    hidePasswordLabel: 'Hide password',
    invalid: 'Check this value.',
  },
  pagination: {
    showing: 'Showing {{from}}–{{to}} of {{total}}',
    previous: 'Previous',
    next: 'Next',
    pageOf: 'Page {{page}} of {{pages}}',
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
    greeting: 'Welcome back, {{username}}',
    intro: 'Here is your library at a glance.',
    usage: {
      title: 'Your usage',
      videos: 'Videos',
      videosOfLimit: '{{used}} of {{limit}}',
      unlimited: 'No limit on the number of videos.',
      storage: 'Storage used',
      uploadLimit: 'Largest upload',
      uploadLimitDetail: 'Per file.',
    },
    library: 'Your library',
    videos: {
      count_one: '{{formatted}} video. The newest:',
      count_other: '{{formatted}} videos. The newest:',
      loadFailed: 'Could not load your videos',
    },
    groups: {
      title: 'Your groups',
      count_one: '{{formatted}} group. The newest:',
      count_other: '{{formatted}} groups. The newest:',
      loadFailed: 'Could not load your groups',
    },
    start: {
      title: 'Get started',
      videosEmptyTitle: 'Upload your first video',
      videosEmptyBody: 'Add a recording (or the built-in sample) and AskVideo transcribes it, splits it into scenes and indexes it.',
      videosTitle: 'Your videos',
      videosBody: 'Browse your videos, follow their processing and ask them questions.',
      videosAction: 'Go to Videos',
      groupsTitle: 'Group videos and share them',
      groupsBody: 'Ask questions across several videos at once, and share a group with a link.',
      groupsAction: 'Go to Groups',
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
    network: 'The server could not be reached. Check your connection and try again.',
    generic: 'Something went wrong. Please try again.',
    httpStatus: 'The server answered with an error (HTTP {{status}}).',
    rateLimited: 'Too many requests. Wait a moment and try again.',
    rateLimitedSeconds_one: 'Too many requests. Try again in {{count}} second.',
    rateLimitedSeconds_other: 'Too many requests. Try again in {{count}} seconds.',
    rateLimitedMinutes_one: 'Too many requests. Try again in {{count}} minute.',
    rateLimitedMinutes_other: 'Too many requests. Try again in {{count}} minutes.',
    codes: errorCodes,
    fields: fieldErrorCodes,
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
