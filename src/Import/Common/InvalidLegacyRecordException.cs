namespace NakamuraMisaki.Import.Common;

/// <summary>A record the import refuses; the message is the reason shown in the report.</summary>
public sealed class InvalidLegacyRecordException(string reason) : Exception(reason);
