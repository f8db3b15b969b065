using Microsoft.JSInterop;

namespace MicroneedlingPlanner.Web.Features.Intake;

/// <summary>The draft token kept in the patient's browser (local storage), read and written over the circuit.</summary>
public sealed class BrowserDraftToken(IJSRuntime js)
{
    public ValueTask<string?> GetAsync() => js.InvokeAsync<string?>("planner.getDraftToken");

    public ValueTask SetAsync(string token) => js.InvokeVoidAsync("planner.setDraftToken", token);

    public ValueTask ClearAsync() => js.InvokeVoidAsync("planner.clearDraftToken");
}
