namespace NakamuraMisaki.Api;

internal static class RepositoryPaths
{
    /// <summary>The repository's ignored .data/ directory, found from the content root (src/Api when run with dotnet run).</summary>
    public static string DataDirectory(string contentRoot) => Path.Combine(Root(contentRoot), ".data");

    /// <summary>The directory holding NakamuraMisaki.sln, so `dotnet run` from anywhere uses the same .data/.</summary>
    private static string Root(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NakamuraMisaki.sln")))
            {
                return dir.FullName;
            }
        }

        return start;
    }
}
