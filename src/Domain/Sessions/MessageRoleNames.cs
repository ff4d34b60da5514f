namespace NakamuraMisaki.Domain.Sessions;

/// <summary>
/// The stored words of <see cref="MessageRole"/> ('assistant'), used by the column, its check constraint, the import
/// and messages alike. Spelt out, so renaming an enum member cannot change stored data.
/// </summary>
public static class MessageRoleNames
{
    private static readonly MessageRole[] Roles = Enum.GetValues<MessageRole>();

    /// <summary>Every word, in declaration order: for check constraints and error messages.</summary>
    public static readonly IReadOnlyList<string> All = Roles.Select(ToName).ToArray();

    public static string ToName(MessageRole role) => role switch
    {
        MessageRole.User => "user",
        MessageRole.Assistant => "assistant",
        MessageRole.System => "system",
        MessageRole.Tool => "tool",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, out MessageRole role)
    {
        foreach (var candidate in Roles)
        {
            if (string.Equals(ToName(candidate), name, StringComparison.Ordinal))
            {
                role = candidate;
                return true;
            }
        }

        role = default;
        return false;
    }

    public static MessageRole Parse(string name) =>
        TryParse(name, out var role) ? role : throw new FormatException($"'{name}' is not a message role.");
}
