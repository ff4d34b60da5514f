namespace NakamuraMisaki.Import.Common;

/// <summary>One record as read from an old store: either valid, or refused with the reason why.</summary>
public sealed record LegacyItem<T>(RecordLocation Location, T? Record, string? RejectionReason)
    where T : class, ILegacyRecord
{
    public static LegacyItem<T> Accepted(RecordLocation location, T record) => new(location, record, null);

    public static LegacyItem<T> Rejected(RecordLocation location, string reason) => new(location, null, reason);

    /// <summary>What a parser makes of the record at <paramref name="location"/>: the record, or its refusal's reason.</summary>
    public static LegacyItem<T> Parse(RecordLocation location, Func<T> parse)
    {
        try
        {
            return Accepted(location, parse());
        }
        catch (InvalidLegacyRecordException e)
        {
            return Rejected(location, e.Message);
        }
    }
}
