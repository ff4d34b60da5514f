namespace NakamuraMisaki.Infrastructure.Database;

/// <summary>
/// Whether the schema is there for background jobs to use. Open from the start unless migrations run in the
/// background (Database:MigrateOnStartup against an external database): then jobs wait until they have been applied,
/// instead of failing on tables that do not exist yet (42P01).
/// </summary>
public sealed class DatabaseSchemaReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DatabaseSchemaReadiness(bool migratingInBackground)
    {
        if (!migratingInBackground)
        {
            _ready.SetResult();
        }
    }

    public bool IsReady => _ready.Task.IsCompleted;

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    public void MarkReady() => _ready.TrySetResult();
}
