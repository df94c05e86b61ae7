using AskVideo.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AskVideo.Infrastructure.Persistence.Configurations;

internal sealed class ImportedRecordConfiguration : IEntityTypeConfiguration<ImportedRecord>
{
    public void Configure(EntityTypeBuilder<ImportedRecord> builder)
    {
        builder.ToTable("imported_records");
        builder.HasKey(r => new { r.Source, r.Kind, r.SourceId });
    }
}
