using AskVideo.Domain.Groups;
using AskVideo.Domain.Users;
using AskVideo.Domain.Videos;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AskVideo.Infrastructure.Persistence.Configurations;

internal sealed class VideoConfiguration : IEntityTypeConfiguration<Video>
{
    public void Configure(EntityTypeBuilder<Video> builder)
    {
        builder.ToTable("videos");
        builder.HasKey(v => v.Id);
        // PostgreSQL's row version: concurrent saves of one video (a double click on reprocess) cannot both win.
        builder.Property<uint>("xmin").HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        builder.HasOne<User>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Tags).WithOne().HasForeignKey(t => t.VideoId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        builder.ToTable("tags");
        builder.HasKey(t => t.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VideoTagConfiguration : IEntityTypeConfiguration<VideoTag>
{
    public void Configure(EntityTypeBuilder<VideoTag> builder)
    {
        builder.ToTable("video_tags");
        builder.HasKey(t => new { t.VideoId, t.TagId });
        builder.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VideoGroupConfiguration : IEntityTypeConfiguration<VideoGroup>
{
    public void Configure(EntityTypeBuilder<VideoGroup> builder)
    {
        builder.ToTable("video_groups");
        builder.HasKey(g => g.Id);
        builder.HasOne<User>().WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class VideoGroupMemberConfiguration : IEntityTypeConfiguration<VideoGroupMember>
{
    public void Configure(EntityTypeBuilder<VideoGroupMember> builder)
    {
        builder.ToTable("video_group_members");
        builder.HasKey(m => new { m.GroupId, m.VideoId });
        builder.HasOne<Video>().WithMany().HasForeignKey(m => m.VideoId).OnDelete(DeleteBehavior.Cascade);
    }
}
