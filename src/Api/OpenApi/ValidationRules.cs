using System.Collections.Concurrent;
using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>
/// Reads the FluentValidation validators, so the document's limits (minLength, maxLength, minimum, maximum, pattern)
/// and required fields are the rules the server enforces: one list of rules, read by both.
/// </summary>
internal sealed class ValidationRules(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, IValidatorDescriptor[]> _descriptors = new();

    /// <summary>
    /// "CreateTaskBody/status": request fields that refuse null but whose schema is a component the generator wraps in
    /// "that or null" after the schema transformers ran; <see cref="DocumentTransformer"/> unwraps them.
    /// </summary>
    public ConcurrentDictionary<string, bool> NonNullableReferences { get; } = new();

    /// <summary>The rules on a request member ("Title", or "limit" for a rule renamed with OverridePropertyName).</summary>
    public IReadOnlyList<(IPropertyValidator Validator, bool Conditional)> For(Type request, string member)
    {
        var rules = new List<(IPropertyValidator, bool)>();
        foreach (var descriptor in Descriptors(request))
        {
            foreach (var rule in descriptor.GetRulesForMember(member))
            {
                var ruleConditional = rule.HasCondition || rule.HasAsyncCondition;
                rules.AddRange(rule.Components.Select(c => (c.Validator, ruleConditional || c.HasCondition || c.HasAsyncCondition)));
            }
        }

        return rules;
    }

    public bool HasValidator(Type request) => Descriptors(request).Length > 0;

    /// <summary>True when a rule that always runs refuses null (NotNull or NotEmpty).</summary>
    public static bool RefusesNull(IEnumerable<(IPropertyValidator Validator, bool Conditional)> rules) =>
        rules.Any(r => !r.Conditional && r.Validator is INotNullValidator or INotEmptyValidator);

    /// <summary>Writes the limits of <paramref name="rules"/> into <paramref name="schema"/>.</summary>
    public static void Describe(OpenApiSchema schema, IEnumerable<(IPropertyValidator Validator, bool Conditional)> rules)
    {
        foreach (var (validator, _) in rules)
        {
            switch (validator)
            {
                case INotEmptyValidator when IsString(schema):
                    schema.MinLength = Math.Max(schema.MinLength ?? 0, 1);
                    break;
                case ILengthValidator length:
                    if (length.Min > 0) schema.MinLength = length.Min;
                    if (length.Max >= 0) schema.MaxLength = length.Max;
                    break;
                case IRegularExpressionValidator regex:
                    schema.Pattern = regex.Expression;
                    break;
                case IBetweenValidator between:
                    schema.Minimum = Number(between.From);
                    schema.Maximum = Number(between.To);
                    break;
                case IComparisonValidator { ValueToCompare: not null } compare:
                    Compare(schema, compare);
                    break;
            }
        }
    }

    private static void Compare(OpenApiSchema schema, IComparisonValidator compare)
    {
        var value = Number(compare.ValueToCompare);
        switch (compare.Comparison)
        {
            case Comparison.GreaterThan: schema.ExclusiveMinimum = value; break;
            case Comparison.GreaterThanOrEqual: schema.Minimum = value; break;
            case Comparison.LessThan: schema.ExclusiveMaximum = value; break;
            case Comparison.LessThanOrEqual: schema.Maximum = value; break;
        }
    }

    private static bool IsString(OpenApiSchema schema) => schema.Type is { } type && type.HasFlag(JsonSchemaType.String);

    private static string? Number(object? value) => value is IConvertible convertible && value is not string
        ? convertible.ToString(CultureInfo.InvariantCulture)
        : null;

    private IValidatorDescriptor[] Descriptors(Type request) => _descriptors.GetOrAdd(request, type =>
    {
        // Validators are scoped (some take the acting user); describing one reads its rules and never runs them.
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(type))
            .OfType<IValidator>().Select(v => v.CreateDescriptor()).ToArray();
    });
}
