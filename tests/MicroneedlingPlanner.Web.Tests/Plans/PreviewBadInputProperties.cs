using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Features.Plans;

namespace MicroneedlingPlanner.Web.Tests.Plans;

/// <summary>
/// The preview API fed generated hostile requests: valid answers with one field given a value of
/// the wrong kind, out of range, malformed or huge, hostile text in the note and in unknown
/// properties, and bodies that are not JSON at all. Every answer is a 200, a 400 naming the field
/// (or the body), or a 413; never a 500, and never the injected markup unescaped.
/// </summary>
[Collection(ApiOnPostgres.Name)]
public sealed class PreviewBadInputProperties(PostgresAppFixture app)
{
    /// <summary>The case count: the issue asks for at least 1,000; in-process requests keep this near 10 s.</summary>
    private const int Cases = 1500;

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    private static readonly string[] EnumFields = ["acneScarSeverity", "skinSensitivity", "smoking", "sunExposure", "skincareRoutine", "alcohol", "sleepAndNutrition"];
    private static readonly string[] ListFields = ["concerns", "acneScarTypes", "medications", "conditions"];
    private static readonly string[] NumberFields = ["age", "fitzpatrickType"];
    private static readonly string[] YesNoFields = ["dailySunscreen", "usedHomeDevice"];

    /// <summary>Every field the API may name in an error: the answers' properties, and "body" for the request as a whole.</summary>
    private static readonly HashSet<string> KnownFields =
        [.. typeof(IntakeAnswers).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)), "body"];

    /// <summary>A generated request: what was done, the bytes sent, and the field the answer must name (null: may be accepted).</summary>
    public sealed record BadRequest(string What, byte[] Body, string? Field)
    {
        public override string ToString() => $"{What} ({Body.Length} bytes, expects {Field ?? "any clear answer"})";
    }

    private static JsonObject ValidAnswers() => new()
    {
        ["concerns"] = new JsonArray("AcneScars", "Texture"),
        ["acneScarTypes"] = new JsonArray("Boxcar"),
        ["acneScarSeverity"] = "Mild",
        ["age"] = 41,
        ["fitzpatrickType"] = 2,
        ["skinSensitivity"] = "Normal",
        ["smoking"] = "Never",
        ["sunExposure"] = "Low",
        ["dailySunscreen"] = true,
        ["skincareRoutine"] = "Basic",
        ["alcohol"] = "None",
        ["sleepAndNutrition"] = "Good",
        ["medications"] = new JsonArray(),
        ["conditions"] = new JsonArray("ColdSoreHistory"),
        ["usedHomeDevice"] = false,
        ["preferredStartDate"] = Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly Gen<string> Hostile = Gen.Elements(HostileInput.All.ToArray());

    /// <summary>Hostile text, sometimes repeated into a huge string (up to about 60,000 characters).</summary>
    private static readonly Gen<string> HostileText = Gen.Frequency(
        (3, Hostile),
        (1, from text in Hostile.Where(t => t.Length > 0)
            from times in Gen.Choose(50, 2500)
            select string.Concat(Enumerable.Repeat(text, times))));

    /// <summary>Values that are never a valid choice name.</summary>
    private static readonly Gen<JsonNode?> NotAChoice = Gen.OneOf(
        HostileText.Select(t => (JsonNode?)JsonValue.Create(t)),
        Gen.Elements<JsonNode?>(JsonValue.Create("never"), JsonValue.Create("NEVER"), JsonValue.Create("Never,Daily"), JsonValue.Create(" Never"),
            JsonValue.Create(1), JsonValue.Create(-1), JsonValue.Create(true), JsonValue.Create(3.5), new JsonArray(), new JsonObject()));

    private static readonly Gen<JsonNode?> NotANumber = Gen.OneOf(
        HostileText.Select(t => (JsonNode?)JsonValue.Create(t)),
        Gen.Elements<JsonNode?>(JsonValue.Create("12abc"), JsonValue.Create(34.5), JsonValue.Create(true), JsonValue.Create("٣٤"),
            new JsonArray(34), new JsonObject { ["value"] = 34 }, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(101),
            JsonValue.Create(int.MinValue), JsonValue.Create(int.MaxValue), JsonValue.Create(long.MaxValue), JsonValue.Create(1e300), JsonValue.Create(-0.0)));

    private static readonly Gen<JsonNode?> NotYesOrNo = Gen.OneOf(
        HostileText.Select(t => (JsonNode?)JsonValue.Create(t)),
        Gen.Elements<JsonNode?>(JsonValue.Create("true"), JsonValue.Create("yes"), JsonValue.Create(1), JsonValue.Create(0), new JsonArray(true), new JsonObject()));

    private static readonly Gen<JsonNode?> NotAList = Gen.OneOf(
        NotAChoice.Select(v => (JsonNode?)new JsonArray(v?.DeepClone())),
        Gen.Elements<JsonNode?>(JsonValue.Create("AcneScars"), JsonValue.Create(1), JsonValue.Create(true), new JsonObject { ["0"] = "AcneScars" },
            new JsonArray((JsonNode?)null), new JsonArray(new JsonArray("AcneScars"))),
        from hostile in Hostile
        from count in Gen.Choose(100, 5000)
        select (JsonNode?)new JsonArray([.. Enumerable.Repeat(hostile, count).Select(h => (JsonNode?)JsonValue.Create(h))]));

    /// <summary>Dates that are not a day within the next year, as text or as another kind of value.</summary>
    private static readonly Gen<JsonNode?> NotAStartDate = Gen.OneOf(
        HostileText.Select(t => (JsonNode?)JsonValue.Create(t)),
        Gen.Elements<JsonNode?>(
            JsonValue.Create("2026-02-30"), JsonValue.Create("2026-13-01"), JsonValue.Create("2026-00-10"), JsonValue.Create("0000-01-01"),
            JsonValue.Create("+275760-09-13"), JsonValue.Create("-000001-01-01"), JsonValue.Create("10000-01-01"), JsonValue.Create("2026-1-1"),
            JsonValue.Create("01/02/2027"), JsonValue.Create("2027-01-01T00:00:00Z"), JsonValue.Create("tomorrow"), JsonValue.Create(""),
            JsonValue.Create("0001-01-01"), JsonValue.Create("9999-12-31"), JsonValue.Create(20270101), JsonValue.Create(true), new JsonArray("2027-01-01"),
            new JsonObject { ["year"] = 2027, ["month"] = 1, ["day"] = 1 }),
        Gen.Choose(1, 100_000).Select(days => (JsonNode?)JsonValue.Create(Today.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Choose(366, 2_000_000).Select(days => (JsonNode?)JsonValue.Create(Today.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    private static Gen<BadRequest> OneField(string[] fields, Gen<JsonNode?> values) =>
        from field in Gen.Elements(fields)
        from value in values
        from relaxed in Gen.Elements(true, false)
        let answers = With(ValidAnswers(), field, value)
        select new BadRequest($"{field} = {Shorten(value)}", Encode(answers, relaxed), field);

    /// <summary>Duplicates of valid choices: the API may accept them or name the field, but must not fail.</summary>
    private static readonly Gen<BadRequest> Duplicates =
        from field in Gen.Elements(ListFields)
        from count in Gen.Choose(2, 1500)
        let valid = ValidAnswers()
        let choice = field switch
        {
            "concerns" => "AcneScars",
            "acneScarTypes" => "Rolling",
            "medications" => "Isotretinoin",
            _ => "Pregnancy",
        }
        let answers = With(valid, field, new JsonArray([.. Enumerable.Repeat(choice, count).Select(c => (JsonNode?)JsonValue.Create(c))]))
        select new BadRequest($"{field} = {count} x {choice}", Encode(answers, relaxed: false), null);

    /// <summary>Hostile text in the note: accepted up to the note's length limit, named beyond it.</summary>
    private static readonly Gen<BadRequest> Note =
        from text in HostileText
        from relaxed in Gen.Elements(true, false)
        let answers = With(ValidAnswers(), "note", text)
        select new BadRequest($"note = {Shorten(JsonValue.Create(text))}", Encode(answers, relaxed), text.Trim().Length > IntakeValidator.MaximumNoteLength || IntakeValidator.HasHiddenCharacters(AsSent(text)) ? "note" : null);

    /// <summary>The text as the server reads it: a JSON writer replaces half a surrogate pair with U+FFFD.</summary>
    private static string AsSent(string text) => System.Text.Json.JsonSerializer.Deserialize<string>(System.Text.Json.JsonSerializer.Serialize(text))!;

    /// <summary>A note of the wrong kind.</summary>
    private static readonly Gen<BadRequest> NoteOfWrongKind = OneField(["note"],
        Gen.Elements<JsonNode?>(JsonValue.Create(42), JsonValue.Create(false), new JsonArray("a"), new JsonObject { ["text"] = "a" }));

    /// <summary>A property the API does not know, with a hostile name and value: ignored.</summary>
    private static readonly Gen<BadRequest> UnknownProperty =
        from name in Hostile.Where(h => h.Trim().Length > 0)
        from value in HostileText
        let answers = With(ValidAnswers(), name, value)
        select new BadRequest($"unknown property {Shorten(JsonValue.Create(name))}", Encode(answers, relaxed: false), null);

    /// <summary>Bodies that are not a JSON object of answers.</summary>
    private static readonly Gen<BadRequest> NotJson = Gen.OneOf(
        HostileText.Select(t => new BadRequest($"text {Shorten(JsonValue.Create(t))}", Encoding.UTF8.GetBytes(t), "body")),
        Gen.Choose(1, 300).Select(cut =>
        {
            var json = ValidAnswers().ToJsonString();
            var at = Math.Min(cut, json.Length - 1);
            return new BadRequest($"the answers cut at {at}", Encoding.UTF8.GetBytes(json[..at]), "body");
        }),
        Gen.Elements("[]", "42", "\"answers\"", "true", "[{}]", "{} {}", "{\"age\": 30,}", "{'age': 30}", "{\"age\": 30 /* comment */}")
            .Select(t => new BadRequest($"json {t}", Encoding.UTF8.GetBytes(t), "body")),
        Gen.Choose(65, 5000).Select(depth => new BadRequest($"{depth} nested arrays", Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)), "body")),
        Gen.Elements<byte[]>([0xFF, 0xFE, 0x7B, 0x7D], [0x7B, 0x22, 0xC0, 0xAF, 0x22, 0x3A, 0x31, 0x7D], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x7B, 0x7D], [0x7B, 0x22, 0x6E, 0x6F, 0x74, 0x65, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D])
            .Select(bytes => new BadRequest($"bytes {Convert.ToHexString(bytes)}", bytes, null)));

    private static readonly Gen<BadRequest> Requests = Gen.Frequency(
        (3, OneField(EnumFields, NotAChoice)),
        (3, OneField(ListFields, NotAList)),
        (2, OneField(NumberFields, NotANumber)),
        (1, OneField(YesNoFields, NotYesOrNo)),
        (3, OneField(["preferredStartDate"], NotAStartDate)),
        (1, Duplicates),
        (3, Note),
        (1, NoteOfWrongKind),
        (1, UnknownProperty),
        (2, NotJson));

    [Fact]
    public void Generated_bad_requests_get_a_clear_answer_naming_the_field_and_never_a_500_or_reflected_markup()
    {
        using var client = app.Factory.NewClient();
        var checkedCases = 0;

        Prop.ForAll(Requests.ToArbitrary(), request =>
        {
            var (status, mediaType, text) = Task.Run(() => SendAsync(client, request.Body)).GetAwaiter().GetResult();
            checkedCases++;

            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{request}: {(int)status}\n{text}");
            Assert.Null(HostileInput.ReflectedMarkup(text));
            if (request.Body.Length > PlanApi.MaxBodyBytes)
            {
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
                Assert.Equal("application/problem+json", mediaType);
                return;
            }

            if (status == HttpStatusCode.OK)
            {
                Assert.True(request.Field is null, $"{request}: accepted\n{text}");
                return;
            }

            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("application/problem+json", mediaType);
            var problem = JsonNode.Parse(text)!;
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
            var errors = problem["errors"]!.AsObject();
            Assert.NotEmpty(errors);
            foreach (var (key, messages) in errors)
            {
                Assert.Contains(FieldOf(key), KnownFields);
                Assert.All(messages!.AsArray(), m => Assert.True(((string?)m)?.Length > 15, $"{request}: '{key}' has an unclear message: {m}"));
            }

            if (request.Field is { } field)
            {
                Assert.True(errors.Any(e => FieldOf(e.Key) == field), $"{request}: expected an error on '{field}', got {errors.ToJsonString()}");
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(Cases));

        Assert.Equal(Cases, checkedCases);
    }

    private static async Task<(HttpStatusCode Status, string? MediaType, string Text)> SendAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync("/api/plans/preview", content);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    /// <summary>"conditions[3]" is about "conditions".</summary>
    private static string FieldOf(string key) => key.Split('[')[0];

    private static JsonObject With(JsonObject answers, string field, JsonNode? value)
    {
        // Generated values are shared between cases; a node can have only one parent.
        answers[field] = value?.DeepClone();
        return answers;
    }

    private static byte[] Encode(JsonObject answers, bool relaxed) =>
        Encoding.UTF8.GetBytes(answers.ToJsonString(new JsonSerializerOptions { Encoder = relaxed ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default }));

    private static string Shorten(JsonNode? value) => value?.ToJsonString() is { } json ? (json.Length > 60 ? json[..60] + $"…({json.Length})" : json) : "null";
}
