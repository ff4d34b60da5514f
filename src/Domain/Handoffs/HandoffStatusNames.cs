using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Domain.Handoffs;

/// <summary>The API's words for a hand-off's status, derived from its timestamps (no column stores it).</summary>
public static class HandoffStatusNames
{
    public static readonly EnumWords<HandoffStatus> Words = new("hand-off status",
        (HandoffStatus.Pending, "pending"),
        (HandoffStatus.Accepted, "accepted"),
        (HandoffStatus.Completed, "completed"));
}
