using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features;
using MicroneedlingPlanner.Web.Features.Intake;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace MicroneedlingPlanner.Web.Components.Pages.Intake;

/// <summary>
/// The questionnaire. Every change is saved to the server draft at once; leaving a step checks
/// that step's answers with the domain validator and shows each problem beside its question.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The semaphore must outlive the page for a save still running; without a wait handle it holds nothing to free.")]
public partial class Questionnaire
{
    private static readonly Choice<bool>[] YesNo = [new(true, "Yes"), new(false, "No")];

    private readonly HashSet<QuestionnaireStep> checkedSteps = [];

    // Never disposed, and saves are never cancelled: a save still running when the patient leaves
    // the page must finish, or the answer just given would be lost.
    private readonly SemaphoreSlim saving = new(1, 1);
    private QuestionnaireForm form = new();
    private IReadOnlyList<FieldError> errors = [];
    private bool loaded;
    private bool unavailable;
    private bool saveFailed;
    private bool dirty;
    private string? token;
    private string? notice;
    private string? saveStatus;
    private string? announcement;
    private string? focusTarget;

    // Answers given on this page, and how many of them the last finished save included. The status
    // line carries the second, so a browser test can wait for the save of the answer it just gave
    // instead of for a "saved" message that an earlier save already put on screen.
    private int answersGiven;
    private int answersSaved;

    // The date box is written only when answers are loaded, never from its own change events:
    // rewriting it while someone types a date digit by digit would scramble the year.
    private string? startShown;

    private QuestionnaireStep Step { get; set; }

    private DateOnly Today => Clinic.Today;

    private string? ErrorFor(string field) =>
        checkedSteps.Contains(QuestionnaireForm.StepOf(field)) ? errors.FirstOrDefault(e => e.Field == field)?.Message : null;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            try
            {
                await LoadAsync();
            }
            catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
            {
                // Nothing is shown to answer: a save now would replace the stored answers with fewer.
                unavailable = true;
            }

            loaded = true;
            StateHasChanged();
            return;
        }

        if (focusTarget is { } target)
        {
            focusTarget = null;
            await JS.InvokeVoidAsync("planner.focus", target);
        }
    }

    private async Task LoadAsync()
    {
        token = await Token.GetAsync();
        if (token is null)
        {
            return;
        }

        var draft = await Drafts.LoadAsync(token);
        if (draft is null)
        {
            notice = "Your saved answers are no longer here. Answers are removed once they are sent to the clinic, when they are deleted, or 30 days after the last change. Plans you sent are in My plans.";
            await Token.ClearAsync();
            token = null;
            return;
        }

        form = QuestionnaireForm.From(draft.Answers);
        startShown = form.PreferredStartDate is { } start ? DateInput(start) : null;
        Step = Enum.IsDefined((QuestionnaireStep)draft.Step) ? (QuestionnaireStep)draft.Step : QuestionnaireStep.Concerns;
        if (Step == QuestionnaireStep.AcneScars && !form.HasAcneScars)
        {
            Step = QuestionnaireStep.AboutYou;
        }

        // The steps before the one resumed were passed once, so their problems show at once.
        checkedSteps.UnionWith(Enum.GetValues<QuestionnaireStep>().Where(s => s < Step));
        Revalidate();
        saveStatus = Saved(Clinic.DateOf(draft.ExpiresAt));
    }

    private void Revalidate() => errors = form.Validate(Today);

    private async Task SetAsync(Action change)
    {
        change();
        await ChangedAsync();
    }

    private async Task ChangedAsync()
    {
        answersGiven++;
        Revalidate();
        await SaveAsync();
    }

    private async Task OnAgeChangedAsync(ChangeEventArgs e) =>
        await SetAsync(() => form.SetAge(e.Value as string));

    /// <summary>A date as the date input reads and writes it, whatever the server's culture.</summary>
    private static string DateInput(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task OnStartChangedAsync(ChangeEventArgs e) =>
        await SetAsync(() => form.SetStartDate(e.Value as string));

    /// <summary>
    /// Saves the latest answers. Changes that arrive while a save runs are picked up by that save's
    /// next round, so an older save can never overwrite a newer one. Before leaving the page the
    /// caller waits for a running save, so the next page reads the answers just given.
    /// </summary>
    private async Task SaveAsync(bool waitForRunningSave = false)
    {
        dirty = true;
        if (waitForRunningSave)
        {
            await saving.WaitAsync();
        }
        else if (!await saving.WaitAsync(0))
        {
            return;
        }

        // While the database restarts a save waits through its retries (up to about 20 s): say so
        // instead of leaving "Answers saved" on screen for an answer that is not saved yet.
        using var finished = new CancellationTokenSource();
        _ = SaySlowSaveAsync(finished.Token);
        try
        {
            while (dirty)
            {
                dirty = false;
                var including = answersGiven;
                var answers = form.ToDraft();
                var step = (int)Step;
                if (token is not null && await Drafts.SaveAsync(token, answers, step))
                {
                    saveStatus = Saved(Clinic.DateOf(Clock.GetUtcNow() + DraftStore.Lifetime));
                    answersSaved = including;
                    saveFailed = false;
                    continue;
                }

                // No draft yet, or it expired or was sent from another tab: keep these answers in a new one.
                var (newToken, draft) = await Drafts.StartAsync(answers, step);
                token = newToken;
                await Token.SetAsync(newToken);
                saveStatus = Saved(Clinic.DateOf(draft.ExpiresAt));
                answersSaved = including;
                saveFailed = false;
            }
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or JSException or InvalidOperationException || DatabaseFaults.IsUnavailable(e))
        {
            saveFailed = true;
            saveStatus = CouldNotSave;
        }
        catch (JSDisconnectedException)
        {
            // The tab closed mid-save: the answers are stored; the browser that would keep the token is gone.
        }
        finally
        {
            await finished.CancelAsync();
            saving.Release();
        }
    }

    private async Task SaySlowSaveAsync(CancellationToken finished)
    {
        try
        {
            await Task.Delay(SlowSave, Clock, finished);
            await InvokeAsync(() =>
            {
                // Runs on the renderer, as the save does: a save that ended while this waited has cancelled it.
                if (finished.IsCancellationRequested)
                {
                    return;
                }

                saveStatus = "Saving your answers is taking longer than usual. Keep this page open: nothing you entered is lost.";
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // Saved (or failed) in time: the status line already says which.
        }
    }

    private static readonly TimeSpan SlowSave = TimeSpan.FromSeconds(2);

    private const string CouldNotSave =
        "We could not save your answers just now. They are still on this page: keep it open, and we will save them with your next change or when you press Next.";

    /// <param name="keptUntil">The clinic's date on which the draft expires.</param>
    private static string Saved(DateOnly keptUntil) =>
        $"Answers saved. Unless you change them, we keep them until {keptUntil:d MMMM yyyy}.";

    private List<QuestionnaireStep> VisibleSteps =>
        [.. Enum.GetValues<QuestionnaireStep>().Where(s => s != QuestionnaireStep.AcneScars || form.HasAcneScars)];

    /// <summary>A topic chosen from the list: going forward checks the current step first, as Next does.</summary>
    private async Task JumpToAsync(QuestionnaireStep step)
    {
        if (step != Step && (step < Step || CanLeave(Step)))
        {
            await GoToAsync(step);
        }
    }

    private async Task NextAsync()
    {
        if (CanLeave(Step))
        {
            await GoToAsync(Neighbour(Step, +1));
        }
    }

    private async Task BackAsync() => await GoToAsync(Neighbour(Step, -1));

    private async Task GoToAsync(QuestionnaireStep step)
    {
        Step = step;
        announcement = null;
        focusTarget = "#step-heading";
        await SaveAsync();
    }

    private QuestionnaireStep Neighbour(QuestionnaireStep step, int direction)
    {
        var next = step + direction;
        return next == QuestionnaireStep.AcneScars && !form.HasAcneScars ? next + direction : next;
    }

    /// <summary>Checks the step's answers; when some need attention, says so and moves focus to the first.</summary>
    private bool CanLeave(QuestionnaireStep step)
    {
        checkedSteps.Add(step);
        Revalidate();
        var problems = errors.Where(e => QuestionnaireForm.StepOf(e.Field) == step).ToList();
        if (problems.Count == 0)
        {
            return true;
        }

        Announce(problems.Count == 1 ? $"One answer needs attention: {problems[0].Message}" : $"{problems.Count} answers on this page need attention. The first: {problems[0].Message}");
        focusTarget = $"#{problems[0].Field}";
        return false;
    }

    private async Task FinishAsync()
    {
        checkedSteps.UnionWith(Enum.GetValues<QuestionnaireStep>());
        Revalidate();
        if (errors.Count > 0)
        {
            var first = errors.Select(e => QuestionnaireForm.StepOf(e.Field)).Min();
            Step = first;
            await SaveAsync();
            Announce($"{(errors.Count == 1 ? "One answer needs" : $"{errors.Count} answers need")} attention before we can make your plan. Showing {QuestionText.StepTitle(first)}.");
            focusTarget = $"#{errors.First(e => QuestionnaireForm.StepOf(e.Field) == first).Field}";
            return;
        }

        await SaveAsync(waitForRunningSave: true);
        if (saveFailed)
        {
            // The plan page reads the stored answers; with the last ones unsaved it would show an older plan.
            Announce("We could not save your answers just now, so we cannot make your plan yet. Your answers are still on this page: please press See my plan again in a moment.");
            saveStatus = announcement;
            return;
        }

        Navigation.NavigateTo("plan");
    }

    // The alert region only speaks when its text changes; a repeated message gets a trailing space.
    private void Announce(string message) => announcement = message == announcement ? message + " " : message;

    /// <summary>For shared devices: removes the answers from the server and the token from this browser.</summary>
    private async Task DeleteAnswersAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete your answers?",
            "This removes your answers from this device and from our server. Nothing has been sent to the clinic, and this cannot be undone.",
            yesText: "Delete my answers", cancelText: "Keep them");
        if (confirmed != true)
        {
            return;
        }

        // Waits for a running save, so it cannot store the answers again after they are deleted.
        await saving.WaitAsync();
        try
        {
            dirty = false;
            await Drafts.DeleteAsync(token);
            await Token.ClearAsync();
            token = null;
            form = new QuestionnaireForm();
            startShown = null;
            Step = QuestionnaireStep.Concerns;
            checkedSteps.Clear();
            errors = [];
            notice = null;
            saveStatus = "Your answers have been deleted from this device and from our server.";
            focusTarget = "#step-heading";
        }
        catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or JSException || DatabaseFaults.IsUnavailable(e))
        {
            saveStatus = "Your answers could not be deleted just now. Please try again in a moment.";
        }
        finally
        {
            saving.Release();
        }
    }
}
