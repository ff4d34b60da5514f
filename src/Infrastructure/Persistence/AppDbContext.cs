using Microsoft.EntityFrameworkCore;
using NakamuraMisaki.Domain.AgentTasks;
using NakamuraMisaki.Domain.Handoffs;
using NakamuraMisaki.Domain.Tasks;

namespace NakamuraMisaki.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public const string MigrationsAssembly = "NakamuraMisaki.Migrations";

    public DbSet<TaskItem> Tasks => Set<TaskItem>();

    public DbSet<AgentTask> AgentTasks => Set<AgentTask>();
    public DbSet<Handoff> Handoffs => Set<Handoff>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
