using MicroneedlingPlanner.Web.Components.Layout;

namespace MicroneedlingPlanner.Components.Tests.Layout;

public sealed class ReconnectModalTests(ComponentsApp app) : ComponentTest(app)
{
    [Fact]
    public void The_reconnect_dialog_is_titled_reassures_that_answers_are_saved_and_has_its_script()
    {
        var modal = Render<ReconnectModal>();

        var dialog = modal.Find("dialog#components-reconnect-modal");
        Assert.Equal("reconnect-title", dialog.GetAttribute("aria-labelledby"));
        Assert.Equal("Connection lost", modal.Find("#reconnect-title").Text());
        Assert.Contains("Your answers so far are saved.", modal.Find(".components-reconnect-first-attempt-visible[role=status]").Text(), StringComparison.Ordinal);
        Assert.NotNull(modal.Find("#components-seconds-to-next-attempt"));
        Assert.Equal("Try again", modal.Find("button#components-reconnect-button").Text());
        Assert.Equal("Carry on", modal.Find("button#components-resume-button").Text());
        Assert.Equal("module", modal.Find("script").GetAttribute("type"));
        Assert.EndsWith("Components/Layout/ReconnectModal.razor.js", modal.Find("script").GetAttribute("src"), StringComparison.Ordinal);
    }
}
