namespace NakamuraMisaki.Import;

/// <summary>Running counts of one source while its batches are written; Imported counts "would import" in a dry run.</summary>
public sealed record SourceProgress(int Done, int Total, int Imported, int AlreadyPresent, int Conflicts, int Rejected);

/// <summary>Told what a run is doing; a terminal shows a progress bar, a log gets lines.</summary>
public interface IImportProgress
{
    void Reading(ImportSource source, string origin);

    /// <summary>After each batch, and once when reading is done (Done = 0).</summary>
    void Advanced(ImportSource source, SourceProgress progress);

    void Finished(SourceReport report);
}
