namespace NakamuraMisaki.Domain.Handoffs;

/// <summary>Derived from the timestamps (the table stores no status column): completed wins over accepted.</summary>
public enum HandoffStatus
{
    Pending,
    Accepted,
    Completed,
}
