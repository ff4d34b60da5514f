namespace NakamuraMisaki.Import.Export;

/// <summary>What an export wrote: one line per file kind, with the rows it holds.</summary>
public sealed record ExportReport(string Directory, IReadOnlyList<ExportedFiles> Files);

public sealed record ExportedFiles(string What, string Path, int Files, long Rows);
