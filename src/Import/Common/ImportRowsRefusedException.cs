namespace NakamuraMisaki.Import.Common;

/// <summary>
/// The database refused the data of a batch (a check constraint, a value too long): a rule the import's own
/// validation missed. The batch was rolled back; the run splits it to find and reject the offending rows.
/// </summary>
public sealed class ImportRowsRefusedException(string message, Exception innerException) : Exception(message, innerException);
