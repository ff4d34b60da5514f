using NakamuraMisaki.Application.Audit;

namespace NakamuraMisaki.Api.CommandLine;

/// <summary>
/// A command-line verb records one audit event when it finishes (client <c>command-line</c>, the OS user in the
/// details). The verb's work is done by then and stands whatever happens here: a trail that cannot be written (an
/// unreachable database) is said on stderr, not turned into a failed backup or restore.
/// </summary>
internal static class CommandLineAudit
{
    public static async Task RecordAsync(
        IServiceProvider services, string operation, string? resourceId, string outcome, object details,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(
                new AuditEntry(operation, resourceId, outcome, new { os_user = Environment.UserName, result = details },
                    Client: AuditClients.CommandLine),
                cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"The {operation} was not recorded in the audit trail: {e.GetBaseException().Message}");
        }
    }
}
