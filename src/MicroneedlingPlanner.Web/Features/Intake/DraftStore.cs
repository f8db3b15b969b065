using System.Security.Cryptography;
using System.Text;
using MicroneedlingPlanner.Domain.Intake;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Plans;
using Microsoft.EntityFrameworkCore;

namespace MicroneedlingPlanner.Web.Features.Intake;

/// <summary>A draft as the questionnaire sees it.</summary>
public sealed record LoadedDraft(Guid Id, IntakeAnswers Answers, int Step, DateTime ExpiresAt, Guid SubmissionKey);

/// <summary>
/// Saves questionnaire answers as the patient goes, keyed by a random token that only the
/// patient's browser holds. Anyone may start a draft; only the token opens it.
/// </summary>
public sealed class DraftStore(IDbContextFactory<PlannerDbContext> factory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>Starts a draft and returns the token for the browser to keep.</summary>
    public async Task<(string Token, LoadedDraft Draft)> StartAsync(IntakeAnswers answers, int step, CancellationToken cancellationToken = default)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new IntakeDraft
        {
            Id = Guid.CreateVersion7(),
            TokenHash = Hash(token),
            AnswersJson = Snapshot.Write(answers),
            Step = step,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + Lifetime,
            SubmissionKey = Guid.NewGuid(),
        };
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.IntakeDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return (token, ToLoaded(draft, answers));
    }

    /// <summary>The draft for a token, or null when there is none or it has expired.</summary>
    public async Task<LoadedDraft?> LoadAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await db.IntakeDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.TokenHash == hash && d.ExpiresAt > now, cancellationToken);
        return draft is null ? null : ToLoaded(draft, Snapshot.Read<IntakeAnswers>(draft.AnswersJson));
    }

    /// <summary>Saves the answers and step and extends the draft's life; false when the draft is gone.</summary>
    public async Task<bool> SaveAsync(string token, IntakeAnswers answers, int step, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var json = Snapshot.Write(answers);
        var updated = await db.IntakeDrafts
            .Where(d => d.TokenHash == hash && d.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.AnswersJson, json)
                .SetProperty(d => d.Step, step)
                .SetProperty(d => d.UpdatedAt, now)
                .SetProperty(d => d.ExpiresAt, now + Lifetime), cancellationToken);
        return updated == 1;
    }

    /// <summary>Deletes the draft for a token, if there is one: the patient asked, or replaced it.</summary>
    public async Task DeleteAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var hash = Hash(token);
        await db.IntakeDrafts.Where(d => d.TokenHash == hash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Deletes drafts past their expiry; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.IntakeDrafts.Where(d => d.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    internal static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static LoadedDraft ToLoaded(IntakeDraft d, IntakeAnswers answers) =>
        new(d.Id, answers, d.Step, d.ExpiresAt, d.SubmissionKey);
}

/// <summary>Removes expired drafts a few times a day, so answers are not kept longer than the patient was told.</summary>
public sealed partial class DraftCleanup(DraftStore drafts, TimeProvider clock, ILogger<DraftCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                var removed = await drafts.PurgeExpiredAsync(stoppingToken);
                Removed(logger, removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PurgeFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired questionnaire drafts.")]
    private static partial void Removed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove expired drafts; trying again at the next run.")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
