using System.Text.Json;
using FluentValidation;

namespace NakamuraMisaki.Application.Common.Validation;

public static class JsonObjectRules
{
    /// <summary>
    /// A free-form JSON object stored as jsonb (session options, message metadata): an object, not an array or a
    /// scalar, and at most <paramref name="maxLength"/> characters of JSON. Null (omitted) passes.
    /// </summary>
    public static IRuleBuilderOptions<T, JsonElement?> JsonObject<T>(this IRuleBuilder<T, JsonElement?> rule, int maxLength) =>
        rule.Must(o => o is not { } value || value.ValueKind == JsonValueKind.Object)
            .WithMessage("'{PropertyName}' must be a JSON object.")
            .Must(o => o is not { } value || value.GetRawText().Length <= maxLength)
            .WithMessage($"'{{PropertyName}}' must be at most {maxLength} characters of JSON.");
}
