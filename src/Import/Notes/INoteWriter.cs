using NakamuraMisaki.Import.Common;

namespace NakamuraMisaki.Import.Notes;

public interface INoteWriter : IImportWriter<NoteImportRow>
{
    /// <summary>Which of these note ids are stored already: those are not embedded again (a provider may charge per call).</summary>
    Task<IReadOnlySet<Guid>> ExistingIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
