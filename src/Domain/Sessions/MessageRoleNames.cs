using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Sessions;

/// <summary>The stored words of <see cref="MessageRole"/> ('assistant'): the column, the import and the API alike.</summary>
public static class MessageRoleNames
{
    public static readonly EnumWords<MessageRole> Words = new("message role",
        (MessageRole.User, "user"),
        (MessageRole.Assistant, "assistant"),
        (MessageRole.System, "system"),
        (MessageRole.Tool, "tool"));
}
