using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NakamuraMisaki.Application;
using NakamuraMisaki.Infrastructure;

namespace NakamuraMisaki.IntegrationTests.Backups;

/// <summary>
/// A second instance of the service's application core over the same database: its own DI container, data source and
/// metrics, the same clock as the test host. What it shares with the first is only what real instances share.
/// </summary>
public sealed class OtherInstance : IAsyncDisposable
{
    private readonly IHost _host;

    private OtherInstance(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static OtherInstance Start(string connectionString, TimeProvider clock)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:Default"] = connectionString;
        builder.Services.AddApplicationServices().AddInfrastructureServices(builder.Configuration);
        builder.Services.RemoveAll<IHostedService>(); // passes are sent by the test, as the shared host's are
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton(clock);
        return new OtherInstance(builder.Build());
    }

    public async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
