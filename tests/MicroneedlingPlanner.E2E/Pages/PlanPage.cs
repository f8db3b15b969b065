namespace MicroneedlingPlanner.E2E.Pages;

/// <summary>A plan as the patient sees it: the proposal at /plan and a sent plan at /my-plans/{id} share it.</summary>
public sealed class PlanPage(IPage page)
{
    public ILocator RulesVersion => page.Locator(".rules-version");

    public ILocator SourcesFor(string what) => page.GetByRole(AriaRole.Button, new() { Name = $"Sources for {what}" });

    /// <summary>Each session's row as it reads: "2 of 5 Sun 10 Jan 2027".</summary>
    public Task<string[]> SessionRowsAsync() =>
        page.Locator(".schedule tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => [...r.cells].map(c => c.textContent.trim()).join(' '))");

    /// <summary>
    /// Every heading, paragraph, list item and table row that reads from top to bottom, whitespace
    /// collapsed and without the sources buttons, which are not printed.
    /// </summary>
    public Task<string[]> FlowingTextAsync() =>
        page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.plan :is(h2, h3, p, li, tr, figcaption)')]
                .filter(e => !e.closest('.no-print, .summary-grid'))
                .map(e => {
                    const copy = e.cloneNode(true);
                    copy.querySelectorAll('.sources-button').forEach(b => b.remove());
                    [...copy.querySelectorAll('th, td')].slice(1).forEach(c => c.before(' '));
                    return copy.textContent.replace(/\s+/g, ' ').trim();
                })
                .filter(t => t.length > 0)
            """);

    /// <summary>
    /// The words of the summary boxes. They sit side by side, so their lines interleave in any text
    /// taken from the page; only the words themselves can be looked for.
    /// </summary>
    public Task<string[]> SummaryWordsAsync() =>
        page.EvaluateAsync<string[]>("""
            () => {
                const copy = document.querySelector('.summary-grid').cloneNode(true);
                copy.querySelectorAll('.sources-button').forEach(b => b.remove());
                copy.querySelectorAll('*').forEach(e => e.before(' '));
                return copy.textContent.split(/\s+/).filter(w => w.length > 0);
            }
            """);
}
