using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Infrastructure.Backups;

namespace NakamuraMisaki.Infrastructure.Persistence.Configurations;

public sealed class BackupRunConfiguration : IEntityTypeConfiguration<BackupRun>
{
    public void Configure(EntityTypeBuilder<BackupRun> builder)
    {
        builder.ToTable("backup_runs");
        builder.HasKey(r => r.SlotStart);
        builder.Property(r => r.Instance).HasMaxLength(255).IsRequired();
        builder.Property(r => r.Archive).HasMaxLength(1024);
        builder.Property(r => r.Error).HasMaxLength(4000);
        // The metrics' question on every pass: the newest success.
        builder.HasIndex(r => r.FinishedAt).HasFilter(BackupRun.SucceededSql)
            .HasDatabaseName("ix_backup_runs_succeeded");
    }
}
