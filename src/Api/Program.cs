using NakamuraMisaki.Api;
using NakamuraMisaki.Api.CommandLine;
using NakamuraMisaki.Api.Database;
using NakamuraMisaki.Api.Endpoints;
using NakamuraMisaki.Api.Health;
using NakamuraMisaki.Api.Http;
using NakamuraMisaki.Api.Idempotency;
using NakamuraMisaki.Api.Json;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Api.Observability;
using NakamuraMisaki.Application;
using NakamuraMisaki.Infrastructure;
using Scalar.AspNetCore;

if (CommandLineVerbs.IsInvoked(args))
{
    // A verb of the same executable (import, backup, restore, export, healthcheck): the service's configuration and
    // database, no web server.
    return await CommandLineVerbs.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
var embedded = await builder.UseEmbeddedPostgresWhenUnconfiguredAsync() is not null;
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
app.MapContextEndpoints();
app.MapAuditEndpoints();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
