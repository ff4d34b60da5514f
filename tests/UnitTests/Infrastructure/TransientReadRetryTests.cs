using Microsoft.Extensions.Options;
using NakamuraMisaki.Infrastructure.Database;
using Npgsql;

namespace NakamuraMisaki.UnitTests.Infrastructure;

public sealed class TransientReadRetryTests
{
    private readonly DelayRecordingClock _clock = new();

    private TransientReadRetry Retry(int maxRetryCount) =>
        new(Options.Create(new DatabaseOptions { MaxRetryCount = maxRetryCount }), _clock);

    private static NpgsqlException Transient() => new("connection reset", new IOException("reset by peer"));

    [Fact]
    public async Task A_transient_failure_is_retried_with_EF_Cores_delays_and_the_read_succeeds()
    {
        var attempts = 0;

        var result = await Retry(3).ExecuteAsync(0, (_, _) =>
            ++attempts < 4 ? throw Transient() : Task.FromResult("row"), CancellationToken.None);

        Assert.Equal("row", result);
        Assert.Equal(4, attempts);
        // The first retry is immediate (no timer at all), then ~1 s, then ~3 s.
        Assert.Equal(2, _clock.Delays.Count);
        Assert.InRange(_clock.Delays[0].TotalSeconds, 1.0, 1.1);
        Assert.InRange(_clock.Delays[1].TotalSeconds, 3.0, 3.3);
    }

    [Fact]
    public async Task After_the_last_retry_the_failure_itself_surfaces()
    {
        var attempts = 0;

        var thrown = await Assert.ThrowsAsync<NpgsqlException>(() =>
            Retry(2).ExecuteAsync(0, Task<string> (_, _) => { attempts++; throw Transient(); }, CancellationToken.None));

        Assert.True(thrown.IsTransient);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_failure_that_is_not_transient_is_not_retried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Retry(3).ExecuteAsync(0, Task<string> (_, _) => { attempts++; throw new InvalidOperationException(); },
                CancellationToken.None));

        Assert.Equal(1, attempts);
        Assert.Empty(_clock.Delays);
    }

    [Fact]
    public async Task A_cancelled_request_is_not_retried()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var attempts = 0;

        await Assert.ThrowsAsync<NpgsqlException>(() =>
            Retry(3).ExecuteAsync(0, Task<string> (_, _) => { attempts++; throw Transient(); }, cancelled.Token));

        Assert.Equal(1, attempts);
    }

    /// <summary>Fires every timer at once, on the thread pool, and keeps the delays asked for.</summary>
    private sealed class DelayRecordingClock : TimeProvider
    {
        public List<TimeSpan> Delays { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Delays.Add(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new NoTimer();
        }

        private sealed class NoTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
