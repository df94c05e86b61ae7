namespace AskVideo.Domain.Users;

public static class Language
{
    public const string English = "en";
    public const string Japanese = "ja";

    public static readonly IReadOnlyList<string> Supported = [English, Japanese];

    public static bool IsSupported(string? value) => value is not null && Supported.Contains(value);

    public static string Normalize(string? value) => IsSupported(value) ? value! : English;
}
