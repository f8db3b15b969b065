namespace MicroneedlingPlanner.E2E.Pages;

public sealed class LoginPage(IPage page)
{
    /// <summary>Signs in with the password and, when the account asks, the code <see cref="TestAuthenticator"/> computes from its key.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await SubmitPasswordAsync(email, password);
        if (PathOf(page.Url) == "/Account/LoginWith2fa")
        {
            await EnterCodeAsync(TestAuthenticator.Code(TestAuthenticator.KeyFor(email)));
        }
    }

    /// <summary>The first step only: email address and password.</summary>
    public async Task SubmitPasswordAsync(string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => PathOf(url) != "/Account/Login");
    }

    /// <summary>The second step: a code from the authenticator app.</summary>
    public async Task EnterCodeAsync(string code)
    {
        await page.GetByLabel("Code from your app").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => PathOf(url) != "/Account/LoginWith2fa");
    }

    private static string PathOf(string url) => new Uri(url).AbsolutePath;
}
