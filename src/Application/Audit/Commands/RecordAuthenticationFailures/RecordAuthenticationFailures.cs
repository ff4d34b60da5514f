using Mediator;

namespace NakamuraMisaki.Application.Audit.Commands.RecordAuthenticationFailures;

/// <summary>Writes the refusals counted since the last pass (<see cref="AuthenticationFailureTally"/>), one event per key.</summary>
public sealed record RecordAuthenticationFailures : IRequest<RecordAuthenticationFailuresResponse>;

public sealed record RecordAuthenticationFailuresResponse(int Events, int Refusals);

public sealed class RecordAuthenticationFailuresHandler(AuthenticationFailureTally tally, IAuditTrail trail)
    : IRequestHandler<RecordAuthenticationFailures, RecordAuthenticationFailuresResponse>
{
    public async ValueTask<RecordAuthenticationFailuresResponse> Handle(
        RecordAuthenticationFailures request, CancellationToken cancellationToken)
    {
        var counts = tally.Drain();
        if (counts.Count > 0)
        {
            await trail.RecordAsync(counts.Select(c => new AuditEntry(
                c.Operation, null, AuditOutcomes.Refused, Client: c.Client, RemoteAddress: c.Address, Count: c.Count)).ToArray(),
                cancellationToken);
        }

        return new RecordAuthenticationFailuresResponse(counts.Count, counts.Sum(c => c.Count));
    }
}
