using NakamuraMisaki.Api;
using NakamuraMisaki.Api.Database;
using NakamuraMisaki.Api.Endpoints;
using NakamuraMisaki.Api.Health;
using NakamuraMisaki.Api.Security;
using NakamuraMisaki.Application;
using NakamuraMisaki.Infrastructure;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var embedded = await builder.UseEmbeddedPostgresWhenUnconfiguredAsync();
builder.AddMigrations(embedded);
builder.AddApiSecurity();
builder.AddRequestBodyLimit();
builder.Services.AddApplication().AddInfrastructure(builder.Configuration).AddApi();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

await app.MigrateEmbeddedAsync(embedded);
app.MapOpenApi().AllowAnonymous();
if (app.Environment.IsDevelopment())
{
    app.MapScalarApiReference().AllowAnonymous();
}

app.MapHealthEndpoints();
app.MapTaskEndpoints();
app.MapNoteEndpoints();
app.MapSessionEndpoints();
app.MapAgentTaskEndpoints();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
