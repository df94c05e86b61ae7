namespace AskVideo.Application.Common.Jobs;

/// <summary>
/// The stable name a background job is stored under (jobs.type). It must never change once rows exist: renaming the
/// record is free, renaming this string strands queued rows.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class JobNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
