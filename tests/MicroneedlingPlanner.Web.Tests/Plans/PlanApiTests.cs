using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MicroneedlingPlanner.Web.Tests.Plans;

[Collection(ApiOnPostgres.Name)]
public sealed class PlanApiTests(PostgresAppFixture app)
{
    private static readonly string Start = DateOnly.FromDateTime(DateTime.Now).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject AcneScarAnswers() => new()
    {
        ["concerns"] = new JsonArray("AcneScars"),
        ["acneScarTypes"] = new JsonArray("Boxcar", "Rolling"),
        ["acneScarSeverity"] = "Moderate",
        ["age"] = 34,
        ["fitzpatrickType"] = 3,
        ["skinSensitivity"] = "Normal",
        ["smoking"] = "Never",
        ["sunExposure"] = "Moderate",
        ["dailySunscreen"] = true,
        ["skincareRoutine"] = "Basic",
        ["alcohol"] = "Moderate",
        ["sleepAndNutrition"] = "Good",
        ["medications"] = new JsonArray(),
        ["conditions"] = new JsonArray(),
        ["usedHomeDevice"] = false,
        ["preferredStartDate"] = Start,
    };

    private Task<HttpResponseMessage> PreviewAsync(JsonNode answers) =>
        app.Factory.NewClient().PostAsync("/api/plans/preview", new StringContent(answers.ToJsonString(), Encoding.UTF8, "application/json"));

    [Fact]
    public async Task A_valid_profile_gets_a_dated_cited_plan()
    {
        var response = await PreviewAsync(AcneScarAnswers());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Ready", (string?)plan["status"]);
        Assert.False(string.IsNullOrEmpty((string?)plan["rulesVersion"]));
        var series = plan["initialSeries"]!;
        Assert.Equal(6, (int)series["sessions"]!);
        Assert.Equal(3, (int)series["sessionsMin"]!);
        Assert.Equal(6, (int)series["sessionsMax"]!);
        Assert.Equal(4, (int)series["intervalWeeksMin"]!);
        Assert.Equal(6, (int)series["intervalWeeksMax"]!);
        Assert.Equal(Start, (string?)series["sessionDates"]![0]);
        Assert.Equal(6, series["sessionDates"]!.AsArray().Count);
        var maintenance = plan["maintenance"]!;
        Assert.Equal(6, (int)maintenance["intervalMonthsMin"]!);
        Assert.Equal(12, (int)maintenance["intervalMonthsMax"]!);
        Assert.NotNull(maintenance["windows"]![0]!["start"]);
        Assert.NotNull(maintenance["windows"]![0]!["end"]);
        Assert.All(plan["milestones"]!.AsArray(), m => Assert.NotEmpty(m!["citations"]!.AsArray()));
        Assert.Contains(plan["adjuncts"]!.AsArray(), a => (string?)a!["treatment"] == "Subcision");
        Assert.NotEmpty(plan["aftercare"]!.AsArray());
        Assert.NotEmpty(plan["adjustments"]!.AsArray());
        var citation = plan["citations"]![0]!;
        foreach (var field in new[] { "id", "source", "quote", "grade" })
        {
            Assert.NotNull(citation[field]);
        }

        // Each citation points to a source the plan names by title and author, as the patient sees it.
        var sources = plan["sources"]!.AsArray().ToDictionary(s => (string)s!["id"]!);
        Assert.All(plan["citations"]!.AsArray(), c => Assert.True(sources.ContainsKey((string)c!["source"]!)));
        var article = sources["001_7e0816e3f0eb3eee"]!;
        Assert.Equal("PatientArticle", (string?)article["kind"]);
        Assert.Equal("Is Microneedling Permanent? Here's What You Need to Know", (string?)article["title"]);
        Assert.Equal("Aestheticus Med Spa, Brooklyn, NY", (string?)article["author"]);
        Assert.Equal("Aestheticus Med Spa, Brooklyn, NY: Is Microneedling Permanent? Here's What You Need to Know", (string?)article["name"]);

        Assert.Contains(plan["citations"]!.AsArray(), c => c!["line"] is not null && (string?)c["grade"] == "ConsumerArticle");
        Assert.IsType<JsonArray>(plan["flags"]);
    }

    [Fact]
    public async Task A_refer_profile_needs_clinician_review()
    {
        var answers = AcneScarAnswers();
        answers["medications"] = new JsonArray("BloodThinners");

        var plan = JsonNode.Parse(await (await PreviewAsync(answers)).Content.ReadAsStringAsync())!;

        Assert.Equal("NeedsClinicianReview", (string?)plan["status"]);
        Assert.Contains(plan["flags"]!.AsArray(), f => (string?)f!["code"] == "blood-thinners" && (string?)f["severity"] == "Refer");
    }

    [Fact]
    public async Task Invalid_answers_get_every_field_error_as_validation_problem_details()
    {
        var answers = AcneScarAnswers();
        answers["age"] = 12;
        answers["acneScarTypes"] = new JsonArray();
        answers.Remove("smoking");

        var response = await PreviewAsync(answers);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["acneScarTypes", "age", "smoking"], errors.Select(e => e.Key).Order());
        Assert.Contains("at least 18", (string?)errors["age"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_choice_is_reported_on_its_field()
    {
        var answers = AcneScarAnswers();
        answers["smoking"] = "Cigars";

        var response = await PreviewAsync(answers);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["smoking"]);
    }

    [Theory]
    [InlineData("medications")]
    [InlineData("conditions")]
    public async Task A_null_list_of_medicines_or_conditions_means_none(string field)
    {
        var answers = AcneScarAnswers();
        answers[field] = null;

        var response = await PreviewAsync(answers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("acneScarTypes", "acneScarTypes")]
    [InlineData("concerns", "concerns")]
    public async Task A_null_list_that_must_not_be_empty_is_reported_on_its_field(string field, string errorKey)
    {
        var answers = AcneScarAnswers();
        answers[field] = null;

        var response = await PreviewAsync(answers);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]![errorKey]);
    }

    [Theory]
    [InlineData("smoking", "\"Former,Occasional\"", "smoking")]
    [InlineData("smoking", "\"never\"", "smoking")]
    [InlineData("smoking", "1", "smoking")]
    [InlineData("conditions", "[\"Pregnancy,ActiveInfection\"]", "conditions[0]")]
    [InlineData("conditions", "[\"ActiveAcne\", 0]", "conditions[1]")]
    public async Task Only_exact_choice_names_are_accepted_and_the_error_names_the_field_and_the_choices(string field, string value, string errorKey)
    {
        var answers = AcneScarAnswers();
        answers[field] = JsonNode.Parse(value);

        var response = await PreviewAsync(answers);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal([errorKey], errors.Select(e => e.Key));
        var message = (string?)errors[errorKey]![0];
        Assert.Contains(field == "smoking" ? "Never, Former, Occasional, Daily" : "Pregnancy, ActiveInfection, ActiveAcne", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"concerns\": [")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    public async Task Malformed_json_gets_400(string body)
    {
        var response = await app.Factory.NewClient().PostAsync("/api/plans/preview", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_as_problem_details()
    {
        var response = await app.Factory.NewClient().PostAsync("/api/plans/preview", new StringContent(AcneScarAnswers().ToJsonString(), Encoding.UTF8, "text/plain"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_wrong_method_gets_405_as_problem_details()
    {
        var response = await app.Factory.NewClient().GetAsync("/api/plans/preview");

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/api/plans/unknown")]
    [InlineData("/api/nothing-here")]
    public async Task An_unknown_api_address_gets_404_as_problem_details(string path)
    {
        var response = await app.Factory.NewClient().GetAsync(path);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/rules/current", "application/json")]
    [InlineData("/", "text/html")]
    [InlineData("/plan/questions", "text/html")]
    public async Task A_head_request_answers_like_the_get_without_a_body(string path, string mediaType)
    {
        using var head = new HttpRequestMessage(HttpMethod.Head, path);

        var response = await app.Factory.NewClient().SendAsync(head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        var answers = AcneScarAnswers();
        answers["note"] = new string('x', 40_000);

        var response = await PreviewAsync(answers);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_current_rules_are_served_as_camel_case_json_with_enum_names()
    {
        var rules = await app.Factory.NewClient().GetFromJsonAsync<JsonNode>("/api/rules/current");

        Assert.False(string.IsNullOrEmpty((string?)rules!["version"]));
        Assert.Equal(8, rules["concerns"]!.AsArray().Count);
        Assert.Contains(rules["concerns"]!.AsArray(), c => (string?)c!["concern"] == "AcneScars" && (int)c["sessions"]!["min"]! == 3);
        Assert.NotEmpty(rules["citations"]!.AsArray());
        var sources = rules["sources"]!.AsArray();
        Assert.Contains(sources, s => (string?)s!["id"] == "003_d8a1b3cc82fea343" && (int?)s["year"] == 2025 && (string?)s["author"] == "Kristie Pacheco, Digital Woman Award blog");
        Assert.All(rules["citations"]!.AsArray(), c => Assert.Contains(sources, s => (string?)s!["id"] == (string?)c!["source"]));
    }

    [Fact]
    public async Task The_openapi_document_describes_both_endpoints()
    {
        var document = await app.Factory.NewClient().GetStringAsync("/openapi/v1.json");

        using var json = JsonDocument.Parse(document);
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/plans/preview", out var preview));
        Assert.True(preview.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/rules/current", out var current));
        Assert.True(current.TryGetProperty("get", out _));
    }
}
