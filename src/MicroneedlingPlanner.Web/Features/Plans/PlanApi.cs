using System.Text.Json;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Domain.Planning;
using MicroneedlingPlanner.Web.Features.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MicroneedlingPlanner.Web.Features.Plans;

/// <summary>
/// The anonymous JSON API: a plan preview from answers (nothing stored) and the active rules.
/// The body is read by hand so that every failure gets a specific 400 or 413, never a 500.
/// </summary>
public static class PlanApi
{
    /// <summary>The answers fit in a few hundred bytes; anything near this is not a questionnaire.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static IServiceCollection AddPlanApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new ExactEnumConverter()));
        services.AddOpenApi();
        return services;
    }

    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").AllowAnonymous().WithTags("Plans");

        api.MapPost("/plans/preview", PreviewAsync)
            .WithSummary("Plan preview from a patient's answers")
            .WithDescription("Validates the answers and returns the proposed plan. Nothing is stored.")
            .Accepts<IntakeAnswers>("application/json")
            .Produces<TreatmentPlan>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        api.MapGet("/rules/current", (PublishedRules rules) => TypedResults.Ok(rules.Current))
            .WithSummary("The active rule set")
            .WithDescription("Session counts, intervals, maintenance, milestones, modifiers, screening, aftercare and adjuncts, each with its citations.");

        endpoints.MapOpenApi();
        return endpoints;
    }

    private static async Task<Results<Ok<TreatmentPlan>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        HttpRequest request,
        PublishedRules rules,
        ClinicClock clinic,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(
                title: "Send the answers as JSON.",
                detail: "Use the header Content-Type: application/json.",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = new MemoryStream();
        var buffer = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > MaxBodyBytes)
            {
                return TooLarge();
            }
        }

        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        if (SyntaxError(bytes) is { } syntax)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [syntax] }, title: "The answers could not be read.");
        }

        IntakeAnswers? answers;
        try
        {
            answers = JsonSerializer.Deserialize<IntakeAnswers>(bytes, json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            // A value of the wrong kind (an unknown choice, text for a number) names its field by its path in the request.
            var field = e.Path is { Length: > 2 } path ? FieldPath(path) : "body";
            var message = (field, e) switch
            {
                ("body", _) => "The request body is not valid JSON.",
                (_, UnknownChoiceException choice) => $"'{field}' is not a choice we know. Use one of: {string.Join(", ", choice.Allowed)}.",
                _ => $"'{field}' has a value of the wrong kind. {Expected(field)}",
            };
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The answers could not be read.");
        }

        if (answers is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the answers as a JSON object."] });
        }

        var (plan, errors) = Planner.Propose(answers, rules.Current, clinic.Today);
        return plan is not null
            ? TypedResults.Ok(plan)
            : TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Some answers need another look.");
    }

    /// <summary>
    /// The body's syntax, checked before any value is read: the serializer reports a body cut off
    /// inside "smoking" as a problem with "smoking", which sends the client to the wrong place.
    /// </summary>
    private static string? SyntaxError(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";
        }
    }

    /// <summary>What a field takes, in the API's terms, so that the client can fix the value without reading the schema.</summary>
    private static string Expected(string field)
    {
        var name = field.Split('[')[0];
        var type = typeof(IntakeAnswers).GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.PropertyType;
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "",
            _ when type == typeof(int) => "Send a whole number, for example 34.",
            _ when type == typeof(bool) => "Send true or false.",
            _ when type == typeof(DateOnly) => "Send a date as YYYY-MM-DD, for example 2027-01-31.",
            _ when type == typeof(string) => "Send text.",
            _ when type.IsGenericType && type.GetGenericArguments()[0].IsEnum =>
                $"Send a list of choices, each one of: {string.Join(", ", Enum.GetNames(type.GetGenericArguments()[0]))}.",
            _ => "",
        };
    }

    /// <summary>"$.conditions[2]" becomes "conditions[2]", the field as the client sent it.</summary>
    private static string FieldPath(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(
            title: "The request is too large.",
            detail: $"Send at most {MaxBodyBytes / 1024} KB of answers.",
            statusCode: StatusCodes.Status413PayloadTooLarge);
}
