namespace NakamuraMisaki.Import.Sessions;

/// <summary>The old bot kept each user's sessions in <c>user_{user_id}_sessions.json</c>.</summary>
public static class SessionFileName
{
    public const string SearchPattern = "user_*_sessions.json";
    private const string Prefix = "user_";
    private const string Suffix = "_sessions.json";

    public static string For(string userId) => Prefix + userId + Suffix;

    public static string? UserId(string path)
    {
        var name = Path.GetFileName(path);
        return name.Length > Prefix.Length + Suffix.Length
               && name.StartsWith(Prefix, StringComparison.Ordinal)
               && name.EndsWith(Suffix, StringComparison.Ordinal)
            ? name[Prefix.Length..^Suffix.Length]
            : null;
    }
}
