using System.Net;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MicroneedlingPlanner.Web.Tests.Accounts;

/// <summary>
/// Issue 12, item 2 (no account enumeration): the registration and sign-in forms answer alike for an
/// address with an account and one without. Sign-in timing is shown by counting password-hash checks
/// (each costs about 100 ms; a lookup about 1 ms); scripts/sign-in-timing.sh measures the times.
/// </summary>
public sealed class EnumerationTests(PostgresServer server) : IAsyncLifetime
{
    private readonly Outbox outbox = new();
    private readonly CountingHasher hasher = new();
    private PlannerAppFactory factory = default!;
    private string connection = default!;

    public async ValueTask InitializeAsync()
    {
        connection = await server.CreateDatabaseAsync("enumeration");
        factory = new PlannerAppFactory(DatabaseProvider.Postgres, connection, "Testing").With(outbox)
            .With(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher));
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await server.DropDatabaseAsync(connection);
    }

    private static Dictionary<string, string> Registration(string email, string password = "meadow lantern quietly") => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task Registering_a_known_address_answers_as_for_a_new_one_and_emails_the_owner_instead()
    {
        var known = await factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);
        var fresh = $"fresh-{Guid.NewGuid():N}@planner.test";

        var forKnown = await factory.NewClient().SubmitAsync("/Account/Register", Registration(known));
        var forFresh = await factory.NewClient().SubmitAsync("/Account/Register", Registration(fresh));

        Assert.Equal(HttpStatusCode.Redirect, forKnown.StatusCode);
        Assert.Equal(forFresh.StatusCode, forKnown.StatusCode);
        Assert.Equal(Shape(forFresh.Headers.Location!), Shape(forKnown.Headers.Location!));
        Assert.Equal(CookieNames(forFresh), CookieNames(forKnown));
        Assert.Equal(
            Normalise(await factory.NewClient().GetStringAsync(forFresh.Headers.Location!.OriginalString, TestContext.Current.CancellationToken)),
            Normalise(await factory.NewClient().GetStringAsync(forKnown.Headers.Location!.OriginalString, TestContext.Current.CancellationToken)));

        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var owner = (await users.FindByEmailAsync(known))!;
        Assert.Equal(1, outbox.Count(nameof(Outbox.SendAlreadyRegisteredAsync), owner.Id));
        Assert.True(await users.CheckPasswordAsync(owner, Forms.StrongPassword), "The owner's password must be unchanged.");
        await using var db = await factory.CreateDbContextAsync();
        var normalized = known.ToUpperInvariant();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == normalized, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_failed_sign_in_checks_one_password_hash_whether_or_not_the_address_has_an_account()
    {
        var known = await factory.CreateConfirmedUserAsync(Roles.Patient, Forms.StrongPassword);

        var before = hasher.Verifications;
        var forKnown = await factory.NewClient().SubmitAsync("/Account/Login", WrongPassword(known));
        var knownChecks = hasher.Verifications - before;
        before = hasher.Verifications;
        var forUnknown = await factory.NewClient().SubmitAsync("/Account/Login", WrongPassword($"nobody-{Guid.NewGuid():N}@planner.test"));
        var unknownChecks = hasher.Verifications - before;

        Assert.Equal(1, knownChecks);
        Assert.Equal(knownChecks, unknownChecks);
        Assert.Equal(ErrorOf(await forKnown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)),
            ErrorOf(await forUnknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task An_unconfirmed_account_is_named_only_to_someone_who_knows_its_password()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@planner.test";
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().SubmitAsync("/Account/Register", Registration(email))).StatusCode);

        var wrong = await (await factory.NewClient().SubmitAsync("/Account/Login", WrongPassword(email))).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var right = await (await factory.NewClient().SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "meadow lantern quietly",
        })).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("do not match an account", ErrorOf(wrong), StringComparison.Ordinal);
        Assert.Contains("confirm your email address first", ErrorOf(right), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> WrongPassword(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = "not-the-password-at-all",
    };

    /// <summary>The address with the user id (random either way) taken out.</summary>
    private static string Shape(Uri location) => System.Text.RegularExpressions.Regex.Replace(location.OriginalString, "userId=[^&]+", "userId=*");

    private static string CookieNames(HttpResponseMessage response) =>
        string.Join(",", response.Headers.GetValues("Set-Cookie").Select(c => c[..c.IndexOf('=', StringComparison.Ordinal)]).Order(StringComparer.Ordinal));

    /// <summary>What the page says (its main section): the rest carries per-request tokens.</summary>
    private static string Normalise(string html) => System.Text.RegularExpressions.Regex.Match(html, "<main.*?</main>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;

    private static string ErrorOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "Error: [^<]+").Value;

    /// <summary>The app's hasher, counting the checks it makes.</summary>
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
