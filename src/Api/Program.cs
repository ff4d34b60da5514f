using NakamuraMisaki.Api;
using NakamuraMisaki.Api.Backups;
using NakamuraMisaki.Api.Database;
using NakamuraMisaki.Api.Endpoints;
using NakamuraMisaki.Api.Health;
using NakamuraMisaki.Api.Http;
using NakamuraMisaki.Api.Idempotency;
using NakamuraMisaki.Api.Json;
using NakamuraMisaki.Api.Import;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Api.Observability;
using NakamuraMisaki.Application;
using NakamuraMisaki.Infrastructure;
using Scalar.AspNetCore;

if (ImportCommand.IsInvoked(args))
{
    // A command of the same executable, with the service's configuration and database, but no web server.
    return await ImportCommand.RunAsync(args);
}

if (BackupCommand.IsInvoked(args))
{
    return await BackupCommand.RunAsync(args);
}

if (HealthProbeCommand.IsInvoked(args))
{
    return await HealthProbeCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
var embedded = await builder.UseEmbeddedPostgresWhenUnconfiguredAsync();
builder.AddMigrations(embedded);
builder.UseDefaultBackupDirectory();
builder.Services.AddApplicationServices().AddInfrastructureServices(builder.Configuration);
builder.AddApiServices();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHttpMethodRules();
app.UseJsonCharsetGuard();
app.UseRequestBodyLimit();
app.UseUnstorableTextGuard();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseIdempotentCreates();

await app.MigrateEmbeddedAsync(embedded);
app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference().AllowAnonymous();
}

app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapTaskEndpoints();
app.MapAgentTaskEndpoints();
app.MapHandoffEndpoints();
app.MapNoteEndpoints();
app.MapSessionEndpoints();
app.MapSessionMessageEndpoints();
app.MapAuditEndpoints();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
