namespace NakamuraMisaki.Infrastructure.Database.Embedded;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) installed by scripts/prereqs.sh.</summary>
internal static class PostgresBinaries
{
    public static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"Database:Embedded:BinDirectory '{configured}' holds no initdb.");
        }

        const string debianRoot = "/usr/lib/postgresql";
        var newest = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(dir => (Major: int.TryParse(Path.GetFileName(dir), out var m) ? m : 0, Bin: Path.Combine(dir, "bin")))
                .Where(x => x.Major >= 15 && File.Exists(Path.Combine(x.Bin, "initdb")))
                .OrderByDescending(x => x.Major)
                .Select(x => x.Bin)
                .FirstOrDefault()
            : null;
        if (newest is not null)
        {
            return newest;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")));
        return onPath ?? throw new InvalidOperationException(
            "No PostgreSQL 15+ server programs (initdb, pg_ctl) were found. Run scripts/prereqs.sh, set " +
            "Database:Embedded:BinDirectory, or configure ConnectionStrings:Default to use an existing server.");
    }
}
