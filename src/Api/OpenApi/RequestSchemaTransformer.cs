using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NakamuraMisaki.Api.OpenApi;

/// <summary>
/// Object schemas say what the server does with each field. A request body (a <c>…Body</c> with a ToCommand, or a
/// command read as the body) requires exactly the fields its validator refuses to miss, accepts null exactly where the
/// validator lets it, and carries the validator's limits. A response lists every field as required (the server always
/// writes each one, null included), nullable where the C# type is.
/// </summary>
internal sealed class RequestSchemaTransformer(ValidationRules rules) : IOpenApiSchemaTransformer
{
    private static readonly NullabilityInfoContext Nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var info = context.JsonTypeInfo;
        if (context.JsonPropertyInfo is not null || info.Kind != JsonTypeInfoKind.Object || schema.Properties is null)
        {
            return Task.CompletedTask;
        }

        var validated = ValidatedType(info.Type);
        schema.Required = new HashSet<string>();
        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider is not PropertyInfo member
                || !schema.Properties.TryGetValue(property.Name, out var described))
            {
                continue;
            }

            var memberRules = validated is null ? [] : rules.For(validated, member.Name);
            var refusesNull = ValidationRules.RefusesNull(memberRules) || (IsPresenceTracked(validated, member.Name)
                && memberRules.Any(r => r.Validator is FluentValidation.Validators.INotNullValidator
                    or FluentValidation.Validators.INotEmptyValidator));
            var nullable = Nullability.Create(member).ReadState == NullabilityState.Nullable && !refusesNull;
            if (validated is null || ValidationRules.RefusesNull(memberRules))
            {
                schema.Required.Add(property.Name);
            }

            if (!nullable && validated is not null)
            {
                rules.NonNullableReferences[$"{info.Type.Name}/{property.Name}"] = true;
            }

            if (described is OpenApiSchema { OneOf: { Count: 2 } either })
            {
                // A component (an enum, a nested object) the generator already made "that or null".
                if (!nullable && either.FirstOrDefault(o => o is not OpenApiSchema { Type: JsonSchemaType.Null }) is { } value)
                {
                    schema.Properties[property.Name] = value;
                }
            }
            else if (described is OpenApiSchema inline)
            {
                inline.Type = nullable ? inline.Type | JsonSchemaType.Null : inline.Type & ~JsonSchemaType.Null;
                ValidationRules.Describe(inline, memberRules);
            }
            else if (nullable)
            {
                // A component cannot be made nullable in place: say "that or null".
                schema.Properties[property.Name] = new OpenApiSchema
                {
                    OneOf = [described, new OpenApiSchema { Type = JsonSchemaType.Null }],
                };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A merge-patch field (<see cref="Application.Common.Optional{T}"/>): its rules run when the field is present, so a
    /// rule that refuses null means "absent or a value", never null.
    /// </summary>
    private static bool IsPresenceTracked(Type? validated, string member) =>
        validated?.GetProperty(member)?.PropertyType is { IsGenericType: true } type
        && type.GetGenericTypeDefinition() == typeof(Application.Common.Optional<>);

    /// <summary>The request a body is validated as; null for a response.</summary>
    private Type? ValidatedType(Type type)
    {
        if (rules.HasValidator(type) || typeof(Mediator.IMessage).IsAssignableFrom(type))
        {
            return type;
        }

        var toCommand = type.GetMethod("ToCommand", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);
        return toCommand is not null ? toCommand.ReturnType
            : type.Name.EndsWith("Body", StringComparison.Ordinal) ? type : null;
    }
}
