using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NakamuraMisaki.Infrastructure.Idempotency;

namespace NakamuraMisaki.Infrastructure.Persistence.Configurations;

public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        // The claim is INSERT … ON CONFLICT on this key: the unique index is what makes it atomic across instances.
        builder.HasKey(r => new { r.Client, r.ActingUser, r.Key });
        // Client and acting user unbounded: the acting user is claimed as sent, before validation refuses a bad one.
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.ETag).HasColumnName("etag");
        // The clean-up pass deletes by expiry across all clients.
        builder.HasIndex(r => r.ExpiresAt);
    }
}
