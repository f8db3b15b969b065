using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace MicroneedlingPlanner.Components.Tests.Account;

/// <summary>
/// The Identity pages render statically, once per request, with the request's HttpContext
/// cascaded to them; here that request is a plain HttpContext on the app's services.
/// </summary>
public abstract class AccountPageTest : ComponentTest
{
    protected AccountPageTest(ComponentsApp app) : base(app) => SetRendererInfo(new RendererInfo("Static", isInteractive: false));

    protected DefaultHttpContext Request { get; } = new();

    protected IRenderedComponent<TPage> RenderPage<TPage>(string address = "")
        where TPage : IComponent
    {
        Request.RequestServices = AppServices;
        if (address.Length > 0)
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        }

        return Render<TPage>(p => p.AddCascadingValue(Request));
    }

    protected void SignInRequest(Web.Data.ApplicationUser user) =>
        Request.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "Identity.Application"));
}
