using System.Net;
using System.Text.RegularExpressions;

namespace MicroneedlingPlanner.Web.Tests.Startup;

/// <summary>Every stylesheet and script a page links to is there: a link that answers 404 costs a request on every page for nothing.</summary>
[Collection(AccountsOnPostgres.Name)]
public sealed partial class LinkedAssetsTests(PostgresAppFixture app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/plan/questions")]
    [InlineData("/Account/Login")]
    public async Task Every_stylesheet_and_script_a_page_links_to_answers_200(string page)
    {
        var client = app.Factory.NewClient();
        var html = await client.GetStringAsync(page);

        var assets = Linked().Matches(html).Select(m => m.Groups["url"].Value).Distinct().ToList();

        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var response = await client.GetAsync(new Uri(new Uri("http://localhost/"), asset));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} links to {asset}, which answers {(int)response.StatusCode}.");
        }
    }

    [GeneratedRegex("""<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="(?<url>[^"]+)""")]
    private static partial Regex Linked();
}
