using System.Security.Claims;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Components.Account;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Intake;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;

namespace MicroneedlingPlanner.Components.Tests;

/// <summary>
/// A bUnit context whose components get the running app's services (database, rules, clock,
/// Identity) from one request-like scope, and bUnit's own JS runtime, navigation and sign-in.
/// Services that reach the browser are registered here again so they use bUnit's JS runtime.
/// </summary>
[Collection(Components.Name)]
public abstract class ComponentTest : BunitContext
{
    private readonly AsyncServiceScope appScope;

    /// <param name="replace">Replaces app services for one test class, before anything is resolved; it is given the app's services.</param>
    protected ComponentTest(ComponentsApp app, Action<IServiceCollection, IServiceProvider>? replace = null)
    {
        App = app;
        appScope = app.Factory.Services.CreateAsyncScope();
        Services.AddFallbackServiceProvider(appScope.ServiceProvider);
        Services.AddMudServices();
        Services.AddScoped<BrowserDraftToken>();
        Services.AddScoped<IdentityRedirectManager>();
        Services.AddScoped<EmailLinks>();
        // Built from the app's services but with bUnit's links, whose navigation manager is initialised.
        Services.AddScoped(sp => ActivatorUtilities.CreateInstance<UserAdministration>(appScope.ServiceProvider, sp.GetRequiredService<EmailLinks>()));
        replace?.Invoke(Services, appScope.ServiceProvider);
        // MudBlazor's components call JavaScript for focus and layout; the tests set up and check the app's own calls.
        JSInterop.Mode = JSRuntimeMode.Loose;
        Authorization = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected ComponentsApp App { get; }

    protected Bunit.TestDoubles.BunitAuthorizationContext Authorization { get; }

    protected DateOnly Today => App.Today;

    protected DraftStore Drafts => AppService<DraftStore>();

    protected PatientPlans Plans => AppService<PatientPlans>();

    /// <summary>The app's services, as one request or circuit sees them.</summary>
    protected IServiceProvider AppServices => appScope.ServiceProvider;

    protected T AppService<T>() where T : notnull => AppServices.GetRequiredService<T>();

    /// <summary>A confirmed account in the app's database, without a password: these tests never sign in through a form.</summary>
    protected async Task<ApplicationUser> CreateUserAsync(string role, bool emailConfirmed = true)
    {
        var users = AppService<UserManager<ApplicationUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@planner.test";
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = emailConfirmed };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>Signs the components in as a new patient; returns the patient's id.</summary>
    protected async Task<string> SignInAsPatientAsync()
    {
        var user = await CreateUserAsync(Roles.Patient);
        SignIn(user, Roles.Patient);
        return user.Id;
    }

    protected void SignIn(ApplicationUser user, params string[] roles)
    {
        Authorization.SetAuthorized(user.Email!);
        Authorization.SetRoles(roles);
        // Staff and admin roles count only with two-factor sign-in (Roles.TwoFactorClaimType); these tests' clinic users have it.
        Authorization.SetClaims(roles.Any(Roles.NeedingTwoFactor.Contains)
            ? [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(Roles.TwoFactorClaimType, Roles.TwoFactorClaimValue)]
            : [new Claim(ClaimTypes.NameIdentifier, user.Id)]);
    }

    /// <summary>Makes the browser's local storage hold this draft token (or none).</summary>
    protected void BrowserHolds(string? token) => JSInterop.Setup<string?>("planner.getDraftToken").SetResult(token);

    /// <summary>A saved draft at the given step, whose token the browser holds.</summary>
    protected async Task<string> StartDraftAsync(IntakeAnswers answers, QuestionnaireStep step = QuestionnaireStep.Start)
    {
        var (token, _) = await Drafts.StartAsync(answers, (int)step, TestContext.Current.CancellationToken);
        BrowserHolds(token);
        return token;
    }

    /// <summary>Sends answers to the clinic for the patient, as the send page does.</summary>
    protected async Task<SubmitResult.Stored> SendAsync(string patientId, IntakeAnswers answers)
    {
        var (token, _) = await Drafts.StartAsync(answers, (int)QuestionnaireStep.Start, TestContext.Current.CancellationToken);
        return await SendDraftAsync(patientId, token);
    }

    protected async Task<SubmitResult.Stored> SendDraftAsync(string patientId, string token)
    {
        var result = await Plans.SubmitDraftAsync(patientId, token, new SubmissionDetails(true, ContactPreference.Email, null, "Sam Patient"), TestContext.Current.CancellationToken);
        return Assert.IsType<SubmitResult.Stored>(result);
    }

    /// <summary>The host MudBlazor shows dialogs and message boxes in, rendered beside the component as MainLayout does.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderDialogHost() => Render<MudDialogProvider>();

    /// <summary>The id of the element that <c>FocusAsync</c> was last called on (MudBlazor also focuses inside dialogs).</summary>
    protected string? LastFocused() =>
        JSInterop.Invocations["Blazor._internal.domWrapper.focus"].Select(i => ((ElementReference)i.Arguments[0]!).Id).LastOrDefault();

    /// <summary>The address bUnit's navigation manager was last sent to, relative to the app's base.</summary>
    protected string CurrentPage()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        return navigation.ToBaseRelativePath(navigation.Uri);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await appScope.DisposeAsync();
    }
}
