using Microsoft.Data.Sqlite;

namespace NakamuraMisaki.IntegrationTests.Import;

/// <summary>
/// A copy of the dirty fixture stores (Fixtures/: sessions and notes files) in a temporary directory, plus a tasks.db
/// written here with dirty rows. Each test gets its own copy, so it may change it, and deleting it cleans up.
/// </summary>
public sealed class LegacyStoreFixture : IDisposable
{
    public LegacyStoreFixture()
    {
        Root = Directory.CreateTempSubdirectory("nakamura-import-").FullName;
        CopyDirectory(Path.Combine(SourceRoot(), "tests", "IntegrationTests", "Import", "Fixtures"), Root);
        AgentTasksDatabase = Path.Combine(Root, "tasks.db");
        AgentTaskRows.Write(AgentTasksDatabase, AgentTaskRows.Dirty);
    }

    public string Root { get; }
    public string SessionsDirectory => Path.Combine(Root, "sessions");
    public string NotesDirectory => Path.Combine(Root, "notes");
    public string AgentTasksDatabase { get; }

    public string[] AllSources => ["--sessions", SessionsDirectory, "--notes", NotesDirectory, "--agent-tasks", AgentTasksDatabase];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NakamuraMisaki.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NakamuraMisaki.sln not found above " + AppContext.BaseDirectory);
    }
}
