namespace AskVideo.Application.Videos.Upload;

/// <summary>The client's file name is kept as metadata only: no directories, no control characters, bounded length.</summary>
public static class UploadFileName
{
    public static string? Clean(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName)) return null;
        var name = new string(Path.GetFileName(fileName.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length > 255) name = name[..255];
        return name.Length == 0 ? "upload" : name;
    }
}
