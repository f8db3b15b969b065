using Microsoft.AspNetCore.Routing.Template;

namespace MicroneedlingPlanner.Web.Features;

/// <summary>
/// How the app answers what no endpoint does: errors under /api as problem details (a client
/// reads JSON, never an HTML page or an empty body), errors elsewhere as pages, and HEAD as GET.
/// </summary>
public static class HttpConventions
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// HEAD answers like GET without the body (RFC 9110 9.3.2). Minimal API and page endpoints
    /// match GET only, so HEAD would otherwise find nothing and get 404. Runs before routing.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            var body = context.Response.Body;
            context.Request.Method = HttpMethods.Get;
            context.Response.Body = Stream.Null;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
                context.Request.Method = HttpMethods.Head;
            }
        });

    /// <summary>
    /// Headers every response carries: browsers must not guess a type other than the one sent
    /// (a JSON or calendar file never runs as script), and a link followed out of the app sends no
    /// address, because addresses here name plans.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // When the response starts: the error handler clears headers set before it ran.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>Error responses: problem details under /api, the app's own pages everywhere else.</summary>
    public static WebApplication UseErrorResponses(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            if (!app.Environment.IsDevelopment())
            {
                // With no path the handler writes problem details through IProblemDetailsService.
                api.UseExceptionHandler();
            }

            api.UseStatusCodePages(async status =>
            {
                var http = status.HttpContext;
                if (http.Response.StatusCode == StatusCodes.Status404NotFound && AllowedMethods(http) is { Count: > 0 } allowed)
                {
                    // Routing answers 405 itself only when no other endpoint could take the method;
                    // in Development the static-file fallback takes every GET, so it says 404.
                    http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                    http.Response.Headers.Allow = string.Join(", ", allowed);
                }

                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = http.Response.StatusCode, Title = Title(http) },
                });
            });
        });

        app.UseWhen(context => !IsApi(context), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler("/Error", createScopeForErrors: true);
            }

            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        });

        return app;
    }

    /// <summary>The methods of the API endpoints whose route matches the request's path.</summary>
    private static List<string> AllowedMethods(HttpContext http) =>
        [.. http.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal)
                && new TemplateMatcher(TemplateParser.Parse(raw), []).TryMatch(http.Request.Path, []))
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    private static string Title(HttpContext http) => http.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => "There is nothing at this address.",
        StatusCodes.Status405MethodNotAllowed => $"This address does not take {http.Request.Method} requests.",
        StatusCodes.Status415UnsupportedMediaType => "Send the request body as JSON (Content-Type: application/json).",
        _ => "The request could not be answered.",
    };
}
