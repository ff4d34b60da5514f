namespace NakamuraMisaki.Domain.Sessions;

/// <summary>Who spoke in a session message, in the words chat models use.</summary>
public enum MessageRole
{
    User,
    Assistant,
    System,
    Tool,
}
