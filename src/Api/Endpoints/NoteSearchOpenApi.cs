using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NakamuraMisaki.Application.Common.Validation;
using NakamuraMisaki.Application.Notes;
using NakamuraMisaki.Application.Notes.Queries.SearchNotes;

namespace NakamuraMisaki.Api.Endpoints;

/// <summary>Writes what the search validator accepts into the document: mode's values, min_score's and limit's ranges.</summary>
internal static class NoteSearchOpenApi
{
    public static Task DescribeParameters(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case "mode":
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = [.. SearchModes.Words.All.Select(k => (JsonNode)JsonValue.Create(k))],
                        Default = JsonValue.Create(SearchModes.Words.Name(SearchModes.Default)),
                    };
                    break;
                case "min_score":
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double", Minimum = "0", Maximum = "1" };
                    break;
                case "limit":
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1",
                        Maximum = SearchNotesLimits.MaxLimit.ToString(CultureInfo.InvariantCulture), Default = JsonValue.Create(SearchNotesLimits.DefaultLimit),
                    };
                    break;
                case "q":
                    parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = SearchQueryRules.MaxLength };
                    break;
            }
        }

        return Task.CompletedTask;
    }
}
