namespace NakamuraMisaki.Infrastructure.Persistence.Repositories;

/// <summary>Makes user text literal inside LIKE/ILIKE, so "100%" or "a_b" match themselves.</summary>
internal static class LikePattern
{
    public const string EscapeCharacter = "\\";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
