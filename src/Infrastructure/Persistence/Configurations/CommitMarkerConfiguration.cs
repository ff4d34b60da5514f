using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Infrastructure.Database;

namespace NakamuraMisaki.Infrastructure.Persistence.Configurations;

public sealed class CommitMarkerConfiguration : IEntityTypeConfiguration<CommitMarker>
{
    public void Configure(EntityTypeBuilder<CommitMarker> builder)
    {
        builder.ToTable(CommitMarker.Table);
        // UUIDv7: new markers land at the end of the key's index, and the clean-up deletes from its start.
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => m.CreatedAt);
    }
}
