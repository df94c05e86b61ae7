using AskVideo.Domain.Transcripts;
using AskVideo.Domain.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AskVideo.Infrastructure.Persistence.Configurations;

/// <summary>Read mapping of scenes. They are written by <see cref="Search.SceneIndex"/>, with their vectors, in SQL.</summary>
internal sealed class SceneConfiguration : IEntityTypeConfiguration<Scene>
{
    public void Configure(EntityTypeBuilder<Scene> builder)
    {
        builder.ToTable("scenes");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Index).HasColumnName("position");
        builder.HasOne<Video>().WithMany().HasForeignKey(s => s.VideoId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TranscriptSegmentConfiguration : IEntityTypeConfiguration<TranscriptSegment>
{
    public void Configure(EntityTypeBuilder<TranscriptSegment> builder)
    {
        builder.ToTable("transcript_segments");
        builder.HasKey(s => new { s.VideoId, s.Index });
        builder.Property(s => s.Index).HasColumnName("position");
        builder.HasOne<Video>().WithMany().HasForeignKey(s => s.VideoId).OnDelete(DeleteBehavior.Cascade);
    }
}
