using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Sessions;

/// <summary>
/// The stored words of <see cref="MessageRole"/> ('assistant'), used by the column, its check constraint, the import
/// and messages alike: <see cref="ToName"/> is the table; the rest derives from it (<see cref="EnumNames"/>).
/// </summary>
public static class MessageRoleNames
{
    /// <summary>Every word, in declaration order (for messages).</summary>
    public static readonly IReadOnlyList<string> All = EnumNames.All<MessageRole>(ToName);

    public static string ToName(MessageRole role) => role switch
    {
        MessageRole.User => "user",
        MessageRole.Assistant => "assistant",
        MessageRole.System => "system",
        MessageRole.Tool => "tool",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? name, out MessageRole role) => EnumNames.TryParse(name, ToName, out role);

    public static MessageRole Parse(string name) =>
        TryParse(name, out var role) ? role : throw new FormatException($"'{name}' is not a message role.");
}
