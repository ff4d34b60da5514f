using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NakamuraMisaki.Api.CommandLine.Import;
using NakamuraMisaki.Import;

namespace NakamuraMisaki.IntegrationTests.Import;

/// <summary>Runs the import command in-process against the test database, capturing what it prints.</summary>
public sealed class ImportRunner(string connectionString)
{
    public IEmbeddingGenerator<string, Embedding<float>>? EmbeddingGenerator { get; init; }

    /// <summary>More configuration for the command (e.g. Database:Pooler), as environment variables would give it.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public async Task<ImportRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var result = await ImportCommand.RunAsync(args, ImportConsole.Plain(output), builder =>
        {
            builder.Configuration["ConnectionStrings:Default"] = connectionString;
            foreach (var (key, value) in Settings)
            {
                builder.Configuration[key] = value;
            }

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
