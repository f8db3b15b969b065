using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroneedlingPlanner.Web.Features.Plans;

/// <summary>
/// Enums as their exact names, both ways. <see cref="JsonStringEnumConverter"/> also reads
/// numbers, any letter case and comma lists ("Former,Occasional" as a combination of flags), so a
/// client's typo could turn into a different answer instead of an error.
/// </summary>
public sealed class ExactEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Exact<>).MakeGenericType(typeToConvert))!;

    private sealed class Exact<T> : JsonConverter<T> where T : struct, Enum
    {
        private static readonly string[] Names = Enum.GetNames<T>();

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && Names.Contains(text, StringComparer.Ordinal))
            {
                return Enum.Parse<T>(text);
            }

            throw new UnknownChoiceException(Names);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Enum.GetName(value) ?? throw new JsonException($"{value} is not a named {typeof(T).Name}."));
    }
}

/// <summary>A choice that is not one of the allowed names; the serializer adds where it stood.</summary>
public sealed class UnknownChoiceException(IReadOnlyList<string> allowed)
    : JsonException($"Use one of: {string.Join(", ", allowed)}.")
{
    public IReadOnlyList<string> Allowed { get; } = allowed;
}
