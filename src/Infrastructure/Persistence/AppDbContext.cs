using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Application.Common.Concurrency;
using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Domain.Audit;
using NakamuraMisaki.Domain.Handoffs;
using NakamuraMisaki.Domain.Notes;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Domain.Tasks;
using NakamuraMisaki.Infrastructure.Database;

namespace NakamuraMisaki.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public const string MigrationsAssembly = "NakamuraMisaki.Migrations";

    public DbSet<TaskItem> Tasks => Set<TaskItem>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionMessage> SessionMessages => Set<SessionMessage>();
    public DbSet<AgentTask> AgentTasks => Set<AgentTask>();
    public DbSet<Handoff> Handoffs => Set<Handoff>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>
    /// Every save commits through <see cref="VerifiedTransaction"/> (ADR 0022), unless it is part of a transaction
    /// that does: a retry after a lost COMMIT answer then returns what the first attempt saved instead of inserting it
    /// again (409 on its own key). The changes are accepted once, after the commit (or its verification), so every
    /// attempt saves the same changes. Here too is the one translation of a lost update (the xmin in the UPDATE's WHERE
    /// clause matched no row) into the Application's <see cref="ConcurrentChangeException"/>, whichever repository
    /// saved (the service saves only asynchronously; both async overloads end here).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
        {
            return await SaveTranslatingLostUpdatesAsync(acceptAllChangesOnSuccess, cancellationToken); // no extra round trips
        }

        var saved = await this.InVerifiedTransactionAsync(token => SaveTranslatingLostUpdatesAsync(false, token), cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return saved;
    }

    private async Task<int> SaveTranslatingLostUpdatesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var lost = e.Entries.FirstOrDefault();
            var key = lost?.Metadata.FindPrimaryKey()?.Properties[0] is { } id ? lost.Property(id.Name).CurrentValue : null;
            // The tracked copies are stale: a retry must read the rows again, not find these in the change tracker.
            ChangeTracker.Clear();
            throw new ConcurrentChangeException(lost?.Metadata.ClrType.Name ?? "Row", key ?? "?", e);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        // Trigram matching for the notes' text-search fallback (postgresql-contrib).
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        Vectors.VectorWidth.Register(modelBuilder);
    }
}
