using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NakamuraMisaki.Api.Json;
using NakamuraMisaki.Domain.Common;
using NakamuraMisaki.IntegrationTests.Support;

namespace NakamuraMisaki.IntegrationTests.Contract;

/// <summary>
/// Every enum the API reads or writes has one table of words, and the Api's own JSON options write and read exactly
/// those words (not member names): for every enum, not one chosen as an example.
/// </summary>
public sealed class EnumWordsTests(ApiFactory factory) : ApiTest(factory)
{
    public static TheoryData<Type> Tables => new(ApiEnumWords.ByType.Keys);

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_API_writes_and_reads_each_value_as_its_table_spells_it(Type enumType)
    {
        var json = Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var words = ApiEnumWords.ByType[enumType];
        var values = Enum.GetValues(enumType);

        Assert.Equal(values.Length, words.All.Count);
        Assert.Equal(values.Length, words.All.Distinct(StringComparer.Ordinal).Count());
        for (var i = 0; i < values.Length; i++)
        {
            var value = values.GetValue(i)!;
            Assert.Equal(JsonSerializer.Serialize(words.All[i]), JsonSerializer.Serialize(value, enumType, json));
            Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(words.All[i]), enumType, json));
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_member_name_or_a_number_is_not_a_word(Type enumType)
    {
        var json = Factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var words = ApiEnumWords.ByType[enumType];
        foreach (var name in Enum.GetNames(enumType).Where(n => !words.All.Contains(n, StringComparer.Ordinal)))
        {
            Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(JsonSerializer.Serialize(name), enumType, json));
        }

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize("0", enumType, json));
    }

    [Fact]
    public void Every_enum_an_endpoint_reads_or_writes_has_a_table()
    {
        var endpoints = typeof(ApiEnumWords).Assembly.GetTypes()
            .Where(t => t.Namespace == "NakamuraMisaki.Api.Endpoints")
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));
        var seen = new HashSet<Type>();
        foreach (var method in endpoints)
        {
            Visit(method.ReturnType, seen);
            foreach (var parameter in method.GetParameters())
            {
                Visit(parameter.ParameterType, seen);
            }
        }

        var enums = seen.Where(t => t.IsEnum).ToArray();
        Assert.NotEmpty(enums);
        Assert.All(enums, e => Assert.True(ApiEnumWords.ByType.ContainsKey(e), $"{e.Name} has no table of words."));
    }

    /// <summary>Generic arguments (Task, Ok, Page, lists), array elements, and our own types' public properties.</summary>
    private static void Visit(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        foreach (var inner in type.IsGenericType ? type.GetGenericArguments() : type.IsArray ? [type.GetElementType()!] : [])
        {
            Visit(inner, seen);
        }

        if (type.Namespace?.StartsWith("NakamuraMisaki", StringComparison.Ordinal) == true)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Visit(property.PropertyType, seen);
            }
        }
    }
}
