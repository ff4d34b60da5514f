using System.Text.Json;
using System.Text.Json.Serialization;
using NakamuraMisaki.Domain.Common;

namespace NakamuraMisaki.Api.Json;

/// <summary>
/// Writes and reads every enum by its table (<see cref="ApiEnumWords"/>), never by member names. An enum without a
/// table cannot be written at all: the served document and every response that holds it fail loudly in the tests.
/// </summary>
internal sealed class EnumWordsConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        ApiEnumWords.ByType.TryGetValue(typeToConvert, out var words)
            ? (JsonConverter)Activator.CreateInstance(typeof(EnumWordsConverter<>).MakeGenericType(typeToConvert), words)!
            : throw new InvalidOperationException(
                $"{typeToConvert.Name} has no table of words in {nameof(ApiEnumWords)}, so the API cannot read or write it.");
}

internal sealed class EnumWordsConverter<TEnum>(EnumWords<TEnum> words) : JsonConverter<TEnum> where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && words.TryParse(reader.GetString(), out var value)
            ? value
            : throw new InvalidJsonValueException("", $"A {words.Subject} is one of {words.Listed()}.");

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(words.Name(value));
}
