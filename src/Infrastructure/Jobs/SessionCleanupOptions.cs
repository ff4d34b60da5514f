using NakamuraMisaki.Application.Sessions.Commands.DeleteInactiveSessions;
using NakamuraMisaki.Application.Sessions.Commands.ExpireIdleSessions;

namespace NakamuraMisaki.Infrastructure.Jobs;

/// <summary>Sessions:Cleanup: the job that expires idle sessions and deletes long-inactive ones.</summary>
public sealed class SessionCleanupOptions
{
    public const string Section = "Sessions:Cleanup";

    public bool Enabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 60;
    public int IdleHours { get; set; } = ExpireIdleSessions.DefaultHours;
    public int InactiveDays { get; set; } = DeleteInactiveSessions.DefaultDays;
}
