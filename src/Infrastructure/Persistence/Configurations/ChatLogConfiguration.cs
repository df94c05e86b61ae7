using AskVideo.Domain.Chat;
using AskVideo.Domain.Groups;
using AskVideo.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AskVideo.Infrastructure.Persistence.Configurations;

internal sealed class ChatLogConfiguration : IEntityTypeConfiguration<ChatLog>
{
    public void Configure(EntityTypeBuilder<ChatLog> builder)
    {
        builder.ToTable("chat_logs");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Citations).HasColumnType("jsonb");
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<VideoGroup>().WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
