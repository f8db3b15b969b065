using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Transport;

/// <summary>
/// The proxies whose X-Forwarded-For and X-Forwarded-Proto headers the app believes. Behind a proxy
/// that ends TLS, the request reaches the app as plain HTTP; the proxy's X-Forwarded-Proto: https
/// makes the request HTTPS again, so cookies are sent Secure, HTTPS redirection leaves it alone, and
/// the client's address is the one the proxy saw. From any other address the headers are ignored,
/// else anyone could claim to have come over HTTPS, or from any address.
/// </summary>
public sealed class TrustedProxySettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, separated by ';' (e.g. <c>10.0.0.5;10.0.0.6</c>). The loopback addresses are always trusted.</summary>
    public string KnownProxies { get; set; } = "";

    /// <summary>Proxy networks in CIDR notation, separated by ';' (e.g. <c>172.18.0.0/16</c>).</summary>
    public string KnownNetworks { get; set; } = "";

    internal static IEnumerable<string> Entries(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services)
    {
        // The antiforgery cookie would otherwise go without Secure even over HTTPS (its default is
        // None); the sign-in cookie is SameAsRequest already (AccountsSetup).
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddSingleton<IValidateOptions<TrustedProxySettings>, TrustedProxySettingsValidator>();
        services.AddOptions<TrustedProxySettings>().BindConfiguration(TrustedProxySettings.Section).ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxySettings>>((forwarded, trusted) =>
        {
            // Not X-Forwarded-Host: the host comes from the request and is checked against AllowedHosts,
            // and account links are built from App:PublicBaseUrl.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework's defaults (127.0.0.0/8 and ::1) stay: a proxy on the same machine.
            foreach (var address in TrustedProxySettings.Entries(trusted.Value.KnownProxies))
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in TrustedProxySettings.Entries(trusted.Value.KnownNetworks))
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}

internal sealed class TrustedProxySettingsValidator : IValidateOptions<TrustedProxySettings>
{
    public ValidateOptionsResult Validate(string? name, TrustedProxySettings options)
    {
        List<string> problems = [];
        problems.AddRange(TrustedProxySettings.Entries(options.KnownProxies).Where(a => !IPAddress.TryParse(a, out _))
            .Select(a => $"{TrustedProxySettings.Section}:KnownProxies holds '{a}', which is not an IP address (separate addresses with ';')."));
        problems.AddRange(TrustedProxySettings.Entries(options.KnownNetworks).Where(n => !System.Net.IPNetwork.TryParse(n, out _))
            .Select(n => $"{TrustedProxySettings.Section}:KnownNetworks holds '{n}', which is not a network in CIDR notation such as 172.18.0.0/16 (separate networks with ';')."));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
