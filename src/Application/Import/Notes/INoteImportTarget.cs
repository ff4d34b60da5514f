using NakamuraMisaki.Application.Import.Common;

namespace NakamuraMisaki.Application.Import.Notes;

public interface INoteImportTarget : IImportTarget<NoteImportRow>
{
    /// <summary>Which of these note ids are stored already: those are not embedded again (a provider may charge per call).</summary>
    Task<IReadOnlySet<Guid>> ExistingIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);
}
