using System.Text.Json;
using System.Text.Json.Serialization;

namespace MicroneedlingPlanner.Web.Features.Plans;

/// <summary>How answers and plans are written to their JSON columns: the same shape as the JSON API.</summary>
public static class Snapshot
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is empty.");
}
