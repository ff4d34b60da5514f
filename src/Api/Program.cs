using Microsoft.Extensions.Options;
using NakamuraMisaki.Api;
using NakamuraMisaki.Api.Database;
using NakamuraMisaki.Api.Endpoints;
using NakamuraMisaki.Api.Health;
using NakamuraMisaki.Api.Observability;
using NakamuraMisaki.Application;
using NakamuraMisaki.Infrastructure;
using NakamuraMisaki.Infrastructure.Database;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddObservability();
var embedded = await builder.UseEmbeddedPostgresWhenUnconfiguredAsync();
builder.Services.AddApplication().AddInfrastructure(builder.Configuration).AddApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

if (embedded || app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    await app.MigrateDatabaseAsync();
}

app.MapOpenApi();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference();
}

app.MapHealthEndpoints();
app.MapMetricsEndpoint();
app.MapTaskEndpoints();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
