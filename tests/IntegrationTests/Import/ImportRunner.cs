using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NakamuraMisaki.Api.Import;
using NakamuraMisaki.Import;

namespace NakamuraMisaki.IntegrationTests.Import;

/// <summary>Runs the import command in-process against the test database, capturing what it prints.</summary>
public sealed class ImportRunner(string connectionString)
{
    public IEmbeddingGenerator<string, Embedding<float>>? EmbeddingGenerator { get; init; }

    public async Task<ImportRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var result = await ImportCommand.RunAsync(args, ImportConsole.Plain(output), builder =>
        {
            builder.Configuration["ConnectionStrings:Default"] = connectionString;
            if (EmbeddingGenerator is { } generator)
            {
                builder.Services.RemoveAll<IEmbeddingGenerator<string, Embedding<float>>>();
                builder.Services.AddSingleton(generator);
            }
        }, CancellationToken.None);
        return new ImportRun(result.ExitCode, result.Report, output.ToString());
    }
}

public sealed record ImportRun(int ExitCode, ImportReport? Report, string Output)
{
    public SourceReport Source(ImportSource source) =>
        Report?.Sources.Single(s => s.Source == source) ?? throw new InvalidOperationException("No report:\n" + Output);
}
