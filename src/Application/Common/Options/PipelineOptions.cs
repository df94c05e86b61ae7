using System.ComponentModel.DataAnnotations;

namespace AskVideo.Application.Common.Options;

/// <summary>Processing pipeline settings (section "Pipeline").</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Estimated tokens a scene may hold before the splitter cuts it (SPEC §4.2).</summary>
    [Range(32, 8192)]
    public int SceneTokenBudget { get; set; } = 512;

    /// <summary>Where the thumbnail frame is taken, as a fraction of the duration.</summary>
    [Range(0.0, 0.95)]
    public double ThumbnailAt { get; set; } = 0.1;
}
