using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Domain.Handoffs;
using NakamuraMisaki.Domain.Notes;
using NakamuraMisaki.Domain.Sessions;
using NakamuraMisaki.Domain.Tasks;

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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        // Trigram matching for the notes' text-search fallback (postgresql-contrib).
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
