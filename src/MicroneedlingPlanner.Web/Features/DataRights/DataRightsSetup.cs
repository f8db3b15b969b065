using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace MicroneedlingPlanner.Web.Features.DataRights;

public static class DataRightsSetup
{
    public const string DownloadPath = "/Account/Manage/DownloadPersonalData";

    public const string FileName = "microneedling-planner-my-data.json";

    public static IServiceCollection AddDataRights(this IServiceCollection services) => services.AddSingleton<PersonalDataRights>();

    /// <summary>
    /// The download is a form post (antiforgery checked, as for every form-bound endpoint) rather
    /// than a link: nothing about the patient goes in the address, and another site cannot start it.
    /// The browser's draft token comes in the form body, filled in by planner.js.
    /// </summary>
    public static IEndpointRouteBuilder MapDataRights(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(DownloadPath, async ([FromForm] string? draftToken, ClaimsPrincipal user, PersonalDataRights data, HttpContext context, CancellationToken cancellationToken) =>
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is null || await data.ExportAsync(userId, draftToken, cancellationToken) is not { } export)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-store";
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(export, PersonalDataRights.JsonOptions), "application/json; charset=utf-8", FileName);
        }).RequireAuthorization();
        return endpoints;
    }
}
