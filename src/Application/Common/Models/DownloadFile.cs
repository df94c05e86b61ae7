namespace AskVideo.Application.Common.Models;

/// <summary>A text file rendered for download (a transcript as SRT/WebVTT, a history as CSV).</summary>
public sealed record DownloadFile(string Content, string ContentType, string FileName);
