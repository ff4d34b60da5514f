using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;
using NakamuraMisaki.Api.Concurrency;

namespace NakamuraMisaki.Api.ErrorHandling;

/// <summary>
/// Which request value a route, query, header or missing-body binding failure is about. The framework says so only in
/// its message text; this finds it from the endpoint's handler signature instead: the first parameter whose value is
/// missing though required, or present but not parseable as its type (binding's own rules: a route value by name, a
/// parseable type from the query, anything else from the body), else the required body.
/// </summary>
internal static class BindingFailure
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <param name="failed">The failed request's endpoint and route values: the exception handler runs with both cleared.</param>
    public static (string Name, string Message)? Find(HttpContext context, IExceptionHandlerFeature failed)
    {
        var route = (failed.Endpoint as RouteEndpoint)?.RoutePattern;
        var parameters = failed.Endpoint?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        foreach (var parameter in parameters)
        {
            if (Check(context, failed, parameter, route) is { } failure)
            {
                return failure;
            }
        }

        // Every other value binds, and a JSON body that does not parse would have said so (a JsonException): the
        // required body is absent, empty, or JSON null.
        var body = failed.Endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        return parameters.Any(p => p.ParameterType == body && !IsOptional(p)) ? ("body", "A JSON body is required.") : null;
    }

    private static (string Name, string Message)? Check(
        HttpContext context, IExceptionHandlerFeature failed, ParameterInfo parameter, RoutePattern? route)
    {
        var request = context.Request;
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var header = parameter.GetCustomAttribute<FromHeaderAttribute>();
        var query = parameter.GetCustomAttribute<FromQueryAttribute>();
        string name;
        StringValues values;
        if (header is not null)
        {
            name = header.Name ?? parameter.Name!;
            values = request.Headers[name];
        }
        else if (parameter.GetCustomAttribute<FromRouteAttribute>() is not null || route?.GetParameter(parameter.Name!) is not null)
        {
            name = parameter.GetCustomAttribute<FromRouteAttribute>()?.Name ?? parameter.Name!;
            values = failed.RouteValues?.TryGetValue(name, out var value) == true ? new StringValues(value?.ToString()) : StringValues.Empty;
        }
        else if (query is not null || (IsBoundFromText(type) && !IsService(context, parameter.ParameterType)))
        {
            name = query?.Name ?? parameter.Name!;
            values = request.Query[name];
        }
        else
        {
            return null; // the body, or a service
        }

        if (values.All(string.IsNullOrEmpty))
        {
            return IsOptional(parameter) ? null : (name, $"'{name}' is required.");
        }

        // A single value is bound from the values joined, as binding does ("a, b" for a header sent twice).
        var element = type.IsArray ? type.GetElementType()! : type;
        var unparsed = (type.IsArray ? values.ToArray() : [values.ToString()]).FirstOrDefault(v => !Parses(element, v ?? ""));
        return unparsed is null ? null
            : element == typeof(IfMatch) ? (IfMatch.HeaderName, $"{IfMatch.HeaderName} takes {IfMatch.Accepted}.")
            : (name, $"'{Truncate(unparsed)}' is not a valid {Describe(element)}.");
    }

    private static bool IsOptional(ParameterInfo parameter) =>
        parameter.HasDefaultValue || Nullable.GetUnderlyingType(parameter.ParameterType) is not null
        || (!parameter.ParameterType.IsValueType && Nullability.Create(parameter).ReadState != NullabilityState.NotNull);

    private static bool IsService(HttpContext context, Type type) =>
        type == typeof(CancellationToken) || type == typeof(HttpContext) || type == typeof(ClaimsPrincipal)
        || context.RequestServices.GetService<IServiceProviderIsService>()?.IsService(type) == true;

    /// <summary>What binding reads from text: strings, enums, and types with a static TryParse (arrays of them too).</summary>
    private static bool IsBoundFromText(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element == typeof(string) || element.IsEnum || TryParseMethod(element) is not null;
    }

    private static bool Parses(Type type, string value)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out _);
        }

        var tryParse = TryParseMethod(type);
        if (tryParse is null)
        {
            return true;
        }

        object?[] arguments = tryParse.GetParameters().Length == 3
            ? [value, System.Globalization.CultureInfo.InvariantCulture, null]
            : [value, null];
        return (bool)tryParse.Invoke(null, arguments)!;
    }

    private static MethodInfo? TryParseMethod(Type type) =>
        type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()])
        ?? type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(Guid) => "id (a UUID)",
        _ when type == typeof(int) || type == typeof(long) => "whole number",
        _ when type == typeof(bool) => "boolean (true or false)",
        _ when type == typeof(DateTimeOffset) => "date-time (ISO 8601 with offset)",
        _ => type.Name,
    };

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
