namespace AskVideo.Domain.Common;

/// <summary>
/// The catalog of every error code the server can send: the <c>code</c> of a problem+json response, the code of a
/// failed video (<c>error.code</c>) and of a streamed answer's <c>error</c> event. The constructor is private, so no
/// code exists outside this list; <see cref="All"/> enumerates it for the OpenAPI document (schema <c>ErrorCode</c>)
/// and for the tests that check every code has a translation. Add a code here, document it in docs/api-errors.md and
/// translate it in the client's locales (a client test fails otherwise).
/// </summary>
public sealed class ErrorCode : CodeCatalog<ErrorCode>
{
    private ErrorCode(string value)
        : base(value)
    {
    }

    // 400
    public static readonly ErrorCode ValidationFailed = new("validation_failed");
    public static readonly ErrorCode MalformedJson = new("malformed_json");
    public static readonly ErrorCode BadRequest = new("bad_request");

    // 401 / 403
    public static readonly ErrorCode Unauthenticated = new("unauthenticated");
    public static readonly ErrorCode Forbidden = new("forbidden");
    public static readonly ErrorCode CsrfFailed = new("csrf_failed");
    public static readonly ErrorCode InsufficientScope = new("insufficient_scope");
    public static readonly ErrorCode AdminRequired = new("admin_required");
    public static readonly ErrorCode SessionRequired = new("session_required");
    public static readonly ErrorCode EmailNotVerified = new("email_not_verified");
    public static readonly ErrorCode AccountDisabled = new("account_disabled");
    public static readonly ErrorCode SignupDisabled = new("signup_disabled");
    public static readonly ErrorCode VideoLimitReached = new("video_limit_reached");

    // 404 / 405 / 406 / 414 / 415
    public static readonly ErrorCode NotFound = new("not_found");
    public static readonly ErrorCode MethodNotAllowed = new("method_not_allowed");
    public static readonly ErrorCode NotAcceptable = new("not_acceptable");
    public static readonly ErrorCode UriTooLong = new("uri_too_long");
    public static readonly ErrorCode UnsupportedMediaType = new("unsupported_media_type");

    // 409
    public static readonly ErrorCode Conflict = new("conflict");
    public static readonly ErrorCode RefreshRace = new("refresh_race");
    public static readonly ErrorCode AlreadyProcessing = new("already_processing");
    public static readonly ErrorCode InvalidTransition = new("invalid_transition");
    public static readonly ErrorCode ConcurrentUpdate = new("concurrent_update");
    public static readonly ErrorCode TagExists = new("tag_exists");
    public static readonly ErrorCode TooManyTags = new("too_many_tags");
    public static readonly ErrorCode TooManyTokens = new("too_many_tokens");
    public static readonly ErrorCode TooManyGroups = new("too_many_groups");
    public static readonly ErrorCode CannotDemoteSelf = new("cannot_demote_self");
    public static readonly ErrorCode JobNotRetryable = new("job_not_retryable");

    // 413
    public static readonly ErrorCode FileTooLarge = new("file_too_large");
    public static readonly ErrorCode PayloadTooLarge = new("payload_too_large");
    public static readonly ErrorCode FormTooLarge = new("form_too_large");

    // 422: requests
    public static readonly ErrorCode Unprocessable = new("unprocessable");
    public static readonly ErrorCode UnsupportedMedia = new("unsupported_media");
    public static readonly ErrorCode EmptyFile = new("empty_file");
    public static readonly ErrorCode UploadSizeMismatch = new("upload_size_mismatch");
    public static readonly ErrorCode TokenInvalid = new("token_invalid");
    public static readonly ErrorCode GroupFull = new("group_full");

    // 422: rules of the domain (DomainException)
    public static readonly ErrorCode InvalidGroupName = new("invalid_group_name");
    public static readonly ErrorCode InvalidOrder = new("invalid_order");
    public static readonly ErrorCode InvalidJob = new("invalid_job");
    public static readonly ErrorCode InvalidTagName = new("invalid_tag_name");
    public static readonly ErrorCode InvalidTagColor = new("invalid_tag_color");
    public static readonly ErrorCode InvalidTitle = new("invalid_title");
    public static readonly ErrorCode InvalidChatScope = new("invalid_chat_scope");
    public static readonly ErrorCode InvalidTemperature = new("invalid_temperature");
    public static readonly ErrorCode InvalidVideoLimit = new("invalid_video_limit");
    public static readonly ErrorCode InvalidUploadLimit = new("invalid_upload_limit");
    public static readonly ErrorCode InvalidScopes = new("invalid_scopes");
    public static readonly ErrorCode InvalidExpiry = new("invalid_expiry");
    public static readonly ErrorCode EmptyTranscript = new("empty_transcript");

    // AI provider (422 for the user's key, 429, 502/503)
    public static readonly ErrorCode InvalidOpenAiKey = new("invalid_openai_key");
    public static readonly ErrorCode OpenAiKeyMissing = new("openai_key_missing");
    public static readonly ErrorCode AiRateLimited = new("ai_rate_limited");
    public static readonly ErrorCode AiUnavailable = new("ai_unavailable");
    public static readonly ErrorCode AiRequestRejected = new("ai_request_rejected");

    // 429
    public static readonly ErrorCode RateLimited = new("rate_limited");
    public static readonly ErrorCode TooManyStreams = new("too_many_streams");

    // 5xx
    public static readonly ErrorCode NotReady = new("not_ready");
    public static readonly ErrorCode BadGateway = new("bad_gateway");
    public static readonly ErrorCode ServiceUnavailable = new("service_unavailable");
    public static readonly ErrorCode InternalError = new("internal_error");
    /// <summary>Any other status without a more specific code (e.g. 416 for a media range outside the file).</summary>
    public static readonly ErrorCode Error = new("error");

    // Processing of a video (the video's error.code) and background jobs
    public static readonly ErrorCode NoTranscriptSource = new("no_transcript_source");
    public static readonly ErrorCode InvalidSubtitles = new("invalid_subtitles");
    public static readonly ErrorCode TranscriptionFailed = new("transcription_failed");
    public static readonly ErrorCode EmbeddingDimensionMismatch = new("embedding_dimension_mismatch");
    public static readonly ErrorCode ProcessingFailed = new("processing_failed");
    public static readonly ErrorCode EmailRejected = new("email_rejected");
    public static readonly ErrorCode EmailAuthFailed = new("email_auth_failed");
    public static readonly ErrorCode EmailUnavailable = new("email_unavailable");
    public static readonly ErrorCode RevocationStoreUnavailable = new("revocation_store_unavailable");

    /// <summary>The catalogued code with this wire form, e.g. one read back from the database.</summary>
    public static bool TryParse(string? value, out ErrorCode code)
    {
        var found = Find(value);
        code = found ?? ProcessingFailed;
        return found is not null;
    }
}
