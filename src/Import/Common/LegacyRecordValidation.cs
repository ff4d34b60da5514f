using FluentValidation;

namespace NakamuraMisaki.Import.Common;

public static class LegacyRecordValidation
{
    /// <summary>
    /// Imported rows obey the same rules as rows written through the API; the first broken rule is the reason a record
    /// is refused. A row the schema would refuse must be caught here, or it would fail the whole batch it is in.
    /// </summary>
    public static T ValidOrThrow<T>(this IValidator<T> validator, T record)
    {
        var result = validator.Validate(record);
        return result.IsValid ? record : throw new InvalidLegacyRecordException(result.Errors[0].ErrorMessage);
    }
}
