using MicroneedlingPlanner.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MicroneedlingPlanner.Testing;

/// <summary>
/// The real app on a given database, configured only through its public settings. In Development
/// account links go to the log; elsewhere the app needs a mail server and its public address, so
/// it gets a mail server that does not exist (tests that send mail read an <see cref="Outbox"/>)
/// and the address the test server answers on.
/// </summary>
public class PlannerAppFactory(DatabaseProvider provider, string connectionString, string environment = "Development")
    : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = environment == "Development"
        ? new()
        {
            [DatabaseOptions.ProviderSetting] = provider.ToString(),
            [DatabaseOptions.ConnectionStringSetting] = connectionString,
            ["Email:Sender"] = "Log",
            // Tests sign the same accounts in many times a minute with the fixed test key; the test
            // of single use (SingleUseCodeTests) turns this off again.
            ["Accounts:TwoFactor:AllowCodeReuse"] = "true",
        }
        : new()
        {
            [DatabaseOptions.ProviderSetting] = provider.ToString(),
            [DatabaseOptions.ConnectionStringSetting] = connectionString,
            ["Email:Sender"] = "Smtp",
            ["Email:Smtp:Host"] = "smtp.invalid",
            ["Email:Smtp:From"] = "planner@planner.test",
            ["App:PublicBaseUrl"] = "http://localhost/",
        };

    /// <summary>
    /// Tests sign in and preview far faster than people do, from one address; the limits are raised
    /// here, and the limiter's own tests set them low again with <see cref="With(string, string?)"/>.
    /// </summary>
    private static readonly (string Key, string Value)[] UnlimitedForTests =
    [
        ("RateLimiting:SignInPerMinute", "100000"),
        ("RateLimiting:RegistrationPerMinute", "100000"),
        ("RateLimiting:PasswordResetPerMinute", "100000"),
        ("RateLimiting:PreviewPerMinute", "100000"),
    ];

    /// <summary>Overrides or adds a setting before the app starts (e.g. to test bad configuration).</summary>
    public PlannerAppFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    private TimeProvider? clock;
    private ReservedPort? reservedPort;

    /// <summary>Replaces the app's clock before it starts.</summary>
    public PlannerAppFactory With(TimeProvider testClock)
    {
        clock = testClock;
        return this;
    }

    private Outbox? outbox;

    /// <summary>Sends the app's account emails to this outbox instead of the configured sender.</summary>
    public PlannerAppFactory With(Outbox mail)
    {
        outbox = mail;
        return this;
    }

    private readonly List<Action<IServiceCollection>> testServices = [];

    /// <summary>Changes the app's services before it starts (after its own registrations), e.g. to observe one.</summary>
    public PlannerAppFactory With(Action<IServiceCollection> services)
    {
        testServices.Add(services);
        return this;
    }

    public async Task<PlannerDbContext> CreateDbContextAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PlannerDbContext>>().CreateDbContextAsync();

    /// <summary>Starts the app on a free Kestrel port, chosen by Kestrel as it binds (for a browser), and returns its address.</summary>
    public Uri StartOnKestrel() => StartOnKestrel(port: 0);

    /// <summary>Starts the app on a port the caller holds, so that an app started after this one stops gets the same address.</summary>
    public Uri StartOnKestrel(ReservedPort port)
    {
        reservedPort = port;
        return StartOnKestrel(port.Number);
    }

    private Uri StartOnKestrel(int port)
    {
        UseKestrel(port);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in UnlimitedForTests)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Open circuits otherwise hold shutdown for the default 30 seconds.
        builder.ConfigureServices(services => services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2)));
        if (reservedPort is not null)
        {
            builder.ConfigureServices(services => services.Configure<SocketTransportOptions>(o => o.CreateBoundListenSocket = ReservedPort.BindListener));
        }

        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        if (outbox is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IEmailSender<ApplicationUser>>(outbox));
        }

        foreach (var change in testServices)
        {
            builder.ConfigureTestServices(change);
        }
    }
}
