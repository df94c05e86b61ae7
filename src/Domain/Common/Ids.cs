namespace AskVideo.Domain.Common;

public static class Ids
{
    /// <summary>Time-ordered ids keep B-tree inserts local and make "newest first" cheap.</summary>
    public static Guid New() => Guid.CreateVersion7();
}
