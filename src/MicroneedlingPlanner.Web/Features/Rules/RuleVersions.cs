using System.Globalization;
using System.Security.Claims;
using MicroneedlingPlanner.Domain.Rules;
using MicroneedlingPlanner.Web.Data;
using MicroneedlingPlanner.Web.Features.Accounts;
using MicroneedlingPlanner.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features.Rules;

/// <summary>A version in the admin's list; people are named by their email.</summary>
public sealed record RuleVersionSummary(
    int Number,
    RuleVersionState State,
    string? ChangeNote,
    string Author,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int? BasedOn,
    string? ApprovedBy,
    string? PublishedBy,
    DateTime? PublishedAt);

/// <summary>One version with its rules and where it stands in the approval.</summary>
public sealed record RuleVersionDetail(
    int Number,
    RuleVersionState State,
    RuleSet Rules,
    string? ChangeNote,
    int Revision,
    int? BasedOn,
    string Author,
    DateTime CreatedAt,
    string? UpdatedBy,
    DateTime UpdatedAt,
    string? RequestedBy,
    DateTime? RequestedAt,
    string? ApprovedBy,
    DateTime? ApprovedAt,
    string? ReturnComment,
    string? ReturnedBy,
    string? PublishedBy,
    DateTime? PublishedAt,
    bool RequireSecondAdmin,
    bool CurrentUserMayApprove)
{
    public bool IsEditable => State is RuleVersionState.Draft or RuleVersionState.AwaitingApproval;
    public bool IsApproved => ApprovedBy is not null;
}

public abstract record RuleResult
{
    public sealed record Done(int Number, int Revision) : RuleResult;

    /// <summary>The workflow does not allow this now; nothing changed.</summary>
    public sealed record Refused(string Message) : RuleResult;

    /// <summary>The rules or the file have problems; nothing changed.</summary>
    public sealed record Invalid(IReadOnlyList<string> Problems) : RuleResult;

    /// <summary>Someone else saved the version since the caller read it; nothing changed.</summary>
    public sealed record Conflict(string Message) : RuleResult;

    public sealed record NotFound : RuleResult;
}

/// <summary>
/// The treatment rules' versions: drafts that admins edit, the approval by a second admin when
/// <see cref="RulesOptions.RequireSecondAdmin"/> is on, publishing, rollback, export and import.
/// Every method checks the user is an admin (whatever the page declares), every change is audited,
/// and a save changes nothing unless the version is still at the revision the caller read.
/// </summary>
public sealed class RuleVersions(
    IDbContextFactory<PlannerDbContext> factory,
    PublishedRules published,
    TimeProvider clock,
    IOptions<RulesOptions> options)
{
    public const int MaxNoteLength = 2000;

    public const string ConflictMessage =
        "Someone else saved this draft after you opened it, so your changes were not saved and nothing was overwritten. " +
        "Your edits are still on this page: copy what you need, reload the draft to see their changes, then make yours again.";

    public async Task<IReadOnlyList<RuleVersionSummary>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        Roles.RequireAdmin(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.RuleVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var names = await NamesAsync(db, rows.SelectMany(r => new[] { r.AuthorId, r.ApprovedById, r.PublishedById }), cancellationToken);
        return [.. rows.Select(r => new RuleVersionSummary(
            r.Number, r.State, r.ChangeNote, Name(names, r.AuthorId), r.CreatedAt, r.UpdatedAt, r.BasedOn,
            NameOrNull(names, r.ApprovedById), NameOrNull(names, r.PublishedById), r.PublishedAt))];
    }

    public async Task<RuleVersionDetail?> GetAsync(ClaimsPrincipal user, int number, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.RuleVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var names = await NamesAsync(db, [row.AuthorId, row.UpdatedById, row.RequestedById, row.ApprovedById, row.ReturnedById, row.PublishedById], cancellationToken);
        return new RuleVersionDetail(
            row.Number, row.State, RulesJson.Read(row.RulesJson), row.ChangeNote, row.Revision, row.BasedOn,
            Name(names, row.AuthorId), row.CreatedAt, NameOrNull(names, row.UpdatedById), row.UpdatedAt,
            NameOrNull(names, row.RequestedById), row.RequestedAt, NameOrNull(names, row.ApprovedById), row.ApprovedAt,
            row.ReturnComment, NameOrNull(names, row.ReturnedById), NameOrNull(names, row.PublishedById), row.PublishedAt,
            options.Value.RequireSecondAdmin,
            row.State == RuleVersionState.AwaitingApproval && row.ApprovedById is null && !IsAuthor(row, userId));
    }

    /// <summary>The published versions, newest first: who published each, when, who approved it and why it changed.</summary>
    public async Task<IReadOnlyList<RuleVersionSummary>> HistoryAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(user, cancellationToken)).Where(v => v.PublishedAt is not null).OrderByDescending(v => v.PublishedAt)];

    /// <summary>A new draft copied from any version.</summary>
    public async Task<RuleResult> CreateDraftAsync(ClaimsPrincipal user, int fromNumber, string? note, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        if (CheckNote(note) is { } problem)
        {
            return problem;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var from = await db.RuleVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == fromNumber, cancellationToken);
        if (from is null)
        {
            return new RuleResult.NotFound();
        }

        var draft = await AddVersionAsync(db, RulesJson.Read(from.RulesJson), userId, note, fromNumber, RuleVersionState.Draft, AuditActions.RulesDraftCreated, cancellationToken);
        return new RuleResult.Done(draft.Number, draft.Revision);
    }

    /// <summary>
    /// Saves a draft's rules and note. Problems do not stop a save (a draft is work in progress);
    /// they stop a request for approval and a publish. An edit after a request withdraws it, and any approval with it.
    /// </summary>
    public async Task<RuleResult> SaveDraftAsync(ClaimsPrincipal user, int number, RuleSet rules, string? note, int revision, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        ArgumentNullException.ThrowIfNull(rules);
        if (CheckNote(note) is { } problem)
        {
            return problem;
        }

        if (RuleSetValidator.Validate(rules).Where(p => p.Message == RuleSetValidator.HiddenCharacters).ToList() is { Count: > 0 } unstorable)
        {
            return new RuleResult.Invalid([.. unstorable.Select(p => p.ToString())]);
        }

        return await ChangeAsync(user, number, revision, AuditActions.RulesDraftSaved, (row, now) =>
        {
            if (row.State is not (RuleVersionState.Draft or RuleVersionState.AwaitingApproval))
            {
                return NotEditable(row);
            }

            row.RulesJson = RulesJson.Write(rules with { Version = Label(row.Number) });
            row.ChangeNote = Trimmed(note);
            row.UpdatedById = userId;
            WithdrawRequest(row);
            return null;
        }, cancellationToken);
    }

    /// <summary>Replaces a draft's rules with those in an admin's file, if the file is a valid rule set; otherwise lists every problem and changes nothing.</summary>
    public async Task<RuleResult> ImportAsync(ClaimsPrincipal user, int number, string json, int revision, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        var (rules, error) = RulesJson.TryRead(json);
        if (rules is null)
        {
            return new RuleResult.Invalid([error!]);
        }

        var problems = RuleSetValidator.Validate(rules with { Version = Label(number) });
        if (problems.Count > 0)
        {
            return new RuleResult.Invalid([.. problems.Select(p => p.ToString())]);
        }

        return await ChangeAsync(user, number, revision, AuditActions.RulesImported, (row, now) =>
        {
            if (row.State is not (RuleVersionState.Draft or RuleVersionState.AwaitingApproval))
            {
                return NotEditable(row);
            }

            row.RulesJson = RulesJson.Write(rules with { Version = Label(row.Number) });
            row.UpdatedById = userId;
            WithdrawRequest(row);
            return null;
        }, cancellationToken);
    }

    /// <summary>The version's rules as an admin downloads them.</summary>
    public async Task<string?> ExportAsync(ClaimsPrincipal user, int number, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var json = await db.RuleVersions.Where(v => v.Number == number).Select(v => v.RulesJson).SingleOrDefaultAsync(cancellationToken);
        if (json is not null)
        {
            await AuditLog.RecordAsync(db, Entry(userId, AuditActions.RulesExported, number, clock.GetUtcNow().UtcDateTime), cancellationToken);
        }

        return json is null ? null : RulesJson.Write(RulesJson.Read(json));
    }

    public Task<RuleResult> RequestApprovalAsync(ClaimsPrincipal user, int number, int revision, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        return ChangeAsync(user, number, revision, AuditActions.RulesApprovalRequested, (row, now) =>
        {
            if (row.State != RuleVersionState.Draft)
            {
                return row.State == RuleVersionState.AwaitingApproval
                    ? new RuleResult.Refused($"Version {row.Number} is already waiting for approval.")
                    : NotEditable(row);
            }

            if (Problems(row) is { } invalid)
            {
                return invalid;
            }

            row.State = RuleVersionState.AwaitingApproval;
            row.RequestedById = userId;
            row.RequestedAt = now;
            row.ReturnComment = null;
            row.ReturnedById = null;
            return null;
        }, cancellationToken);
    }

    /// <summary>A second admin, who neither made nor edited nor submitted the draft, approves it.</summary>
    public Task<RuleResult> ApproveAsync(ClaimsPrincipal user, int number, int revision, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        return ChangeAsync(user, number, revision, AuditActions.RulesApproved, (row, now) =>
        {
            if (row.State != RuleVersionState.AwaitingApproval)
            {
                return new RuleResult.Refused($"Version {row.Number} is not waiting for approval.");
            }

            if (IsAuthor(row, userId))
            {
                return new RuleResult.Refused("You made, edited or submitted this draft, so another admin must approve it.");
            }

            if (Problems(row) is { } invalid)
            {
                return invalid;
            }

            row.ApprovedById = userId;
            row.ApprovedAt = now;
            return null;
        }, cancellationToken);
    }

    /// <summary>Sends a draft back to its authors with the reason; it needs a new request before it can be approved.</summary>
    public Task<RuleResult> SendBackAsync(ClaimsPrincipal user, int number, string comment, int revision, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        if (string.IsNullOrWhiteSpace(comment))
        {
            return Task.FromResult<RuleResult>(new RuleResult.Refused("Say what needs to change, so the draft's authors know what to do."));
        }

        if (CheckNote(comment) is { } tooLong)
        {
            return Task.FromResult<RuleResult>(tooLong);
        }

        return ChangeAsync(user, number, revision, AuditActions.RulesSentBack, (row, now) =>
        {
            if (row.State != RuleVersionState.AwaitingApproval)
            {
                return new RuleResult.Refused($"Version {row.Number} is not waiting for approval.");
            }

            if (row.RequestedById == userId)
            {
                return new RuleResult.Refused("You asked for this approval; to change the draft, edit it (that withdraws the request).");
            }

            row.State = RuleVersionState.Draft;
            row.ReturnComment = comment.Trim();
            row.ReturnedById = userId;
            WithdrawRequest(row);
            return null;
        }, cancellationToken);
    }

    /// <summary>
    /// Publishes a draft: from now on it serves every new plan, on every instance within seconds.
    /// The version it replaces is retired; plans made with it keep pointing at it.
    /// </summary>
    public async Task<RuleResult> PublishAsync(ClaimsPrincipal user, int number, int revision, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        var result = await ChangeAsync(user, number, revision, AuditActions.RulesPublished, (row, now) =>
        {
            if (row.State is not (RuleVersionState.Draft or RuleVersionState.AwaitingApproval))
            {
                return new RuleResult.Refused($"Version {row.Number} is {Describe(row.State)}; only a draft can be published.");
            }

            if (options.Value.RequireSecondAdmin && row.ApprovedById is null)
            {
                return new RuleResult.Refused(row.State == RuleVersionState.AwaitingApproval
                    ? "This draft is waiting for another admin's approval; it can be published once approved."
                    : "This clinic requires a second admin to approve rule changes: ask for approval first.");
            }

            if (Problems(row) is { } invalid)
            {
                return invalid;
            }

            row.State = RuleVersionState.Published;
            row.PublishedById = userId;
            row.PublishedAt = now;
            return null;
        }, cancellationToken, retireOthers: true);

        if (result is RuleResult.Done)
        {
            await published.RefreshAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Publishes a copy of a version that was published before, as a new version, if it passes
    /// today's checks. It was approved when it was first published, so it needs no second approval.
    /// </summary>
    public async Task<RuleResult> RollbackAsync(ClaimsPrincipal user, int toNumber, string? note, CancellationToken cancellationToken = default)
    {
        var userId = Roles.RequireAdmin(user);
        if (CheckNote(note) is { } problem)
        {
            return problem;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var old = await db.RuleVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == toNumber, cancellationToken);
        if (old is null)
        {
            return new RuleResult.NotFound();
        }

        if (old.PublishedAt is null)
        {
            return new RuleResult.Refused($"Version {toNumber} was never published; only a version that served patients can be rolled back to.");
        }

        if (old.State == RuleVersionState.Published)
        {
            return new RuleResult.Refused($"Version {toNumber} is the one published now.");
        }

        var problems = RuleSetValidator.Validate(RulesJson.Read(old.RulesJson));
        if (problems.Count > 0)
        {
            return new RuleResult.Invalid([$"Version {toNumber} no longer passes today's checks, so it cannot be published again. Copy it to a draft and fix these:", .. problems.Select(p => p.ToString())]);
        }

        var copy = await AddVersionAsync(
            db,
            RulesJson.Read(old.RulesJson),
            userId,
            Trimmed(note) ?? $"Rollback to version {toNumber}.",
            toNumber,
            RuleVersionState.Published,
            AuditActions.RulesRolledBack,
            cancellationToken);
        await published.RefreshAsync(cancellationToken);
        return new RuleResult.Done(copy.Number, copy.Revision);
    }

    /// <summary>Deletes a draft nobody needs; published and retired versions are kept for good.</summary>
    public Task<RuleResult> DiscardDraftAsync(ClaimsPrincipal user, int number, int revision, CancellationToken cancellationToken = default) =>
        ChangeAsync(user, number, revision, AuditActions.RulesDraftDiscarded, (row, now) =>
            row.State is RuleVersionState.Draft or RuleVersionState.AwaitingApproval ? null : NotEditable(row),
            cancellationToken, delete: true);

    /// <summary>What changed from one version to another, in words.</summary>
    public async Task<IReadOnlyList<RuleChange>?> DiffAsync(ClaimsPrincipal user, int fromNumber, int toNumber, CancellationToken cancellationToken = default)
    {
        Roles.RequireAdmin(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.RuleVersions.AsNoTracking().Where(v => v.Number == fromNumber || v.Number == toNumber)
            .ToDictionaryAsync(v => v.Number, v => v.RulesJson, cancellationToken);
        return rows.TryGetValue(fromNumber, out var before) && rows.TryGetValue(toNumber, out var after)
            ? RuleSetDiff.Between(RulesJson.Read(before), RulesJson.Read(after))
            : null;
    }

    /// <summary>The rule set's <c>Version</c> for a version number: what every plan made with it records.</summary>
    public static string Label(int number) => number.ToString(CultureInfo.InvariantCulture);

    private async Task<RuleResult> ChangeAsync(
        ClaimsPrincipal user,
        int number,
        int revision,
        string action,
        Func<RuleVersion, DateTime, RuleResult?> change,
        CancellationToken cancellationToken,
        bool retireOthers = false,
        bool delete = false)
    {
        var userId = Roles.RequireAdmin(user);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.RuleVersions.SingleOrDefaultAsync(v => v.Number == number, cancellationToken);
        if (row is null)
        {
            return new RuleResult.NotFound();
        }

        if (row.Revision != revision)
        {
            return new RuleResult.Conflict(ConflictMessage);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (change(row, now) is { } refused)
        {
            return refused;
        }

        if (retireOthers)
        {
            // Straight to the database, before the tracked row is saved: the unique index allows one published version at any moment.
            await db.RuleVersions.Where(v => v.State == RuleVersionState.Published && v.Number != number)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, RuleVersionState.Retired).SetProperty(v => v.Revision, v => v.Revision + 1), cancellationToken);
        }

        if (delete)
        {
            db.RuleVersions.Remove(row);
        }
        else
        {
            row.Revision++;
            row.UpdatedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RuleResult.Conflict(ConflictMessage);
        }

        await AuditLog.RecordAsync(db, Entry(userId, action, number, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RuleResult.Done(number, row.Revision);
    }

    private async Task<RuleVersion> AddVersionAsync(
        PlannerDbContext db,
        RuleSet rules,
        string userId,
        string? note,
        int basedOn,
        RuleVersionState state,
        string action,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var number = (await db.RuleVersions.MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
            var version = new RuleVersion
            {
                Number = number,
                State = state,
                RulesJson = RulesJson.Write(rules with { Version = Label(number) }),
                AuthorId = userId,
                CreatedAt = now,
                UpdatedAt = now,
                UpdatedById = userId,
                ChangeNote = Trimmed(note),
                BasedOn = basedOn,
                PublishedById = state == RuleVersionState.Published ? userId : null,
                PublishedAt = state == RuleVersionState.Published ? now : null,
            };
            try
            {
                if (state == RuleVersionState.Published)
                {
                    await db.RuleVersions.Where(v => v.State == RuleVersionState.Published)
                        .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, RuleVersionState.Retired).SetProperty(v => v.Revision, v => v.Revision + 1), cancellationToken);
                }

                db.RuleVersions.Add(version);
                await db.SaveChangesAsync(cancellationToken);
                await AuditLog.RecordAsync(db, Entry(userId, action, number, now), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return version;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another admin took the same number at the same moment: take the next one.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
    }

    private static AuditEntry Entry(string userId, string action, int number, DateTime at) => new()
    {
        At = at,
        UserId = userId,
        Role = Roles.Admin,
        Action = action,
        Seen = Seen(number),
    };

    private static string Seen(int number) => $"treatment rules version {number}";

    private static RuleResult.Invalid? Problems(RuleVersion row)
    {
        var problems = RuleSetValidator.Validate(RulesJson.Read(row.RulesJson));
        return problems.Count == 0
            ? null
            : new RuleResult.Invalid([$"Fix {(problems.Count == 1 ? "this problem" : $"these {problems.Count} problems")} first:", .. problems.Select(p => p.ToString())]);
    }

    private static RuleResult.Refused NotEditable(RuleVersion row) =>
        new($"Version {row.Number} is {Describe(row.State)} and can no longer change. To change the rules, start a new draft from it.");

    private static string Describe(RuleVersionState state) => state switch
    {
        RuleVersionState.Draft => "a draft",
        RuleVersionState.AwaitingApproval => "waiting for approval",
        RuleVersionState.Published => "published",
        _ => "retired",
    };

    private static bool IsAuthor(RuleVersion row, string userId) =>
        row.AuthorId == userId || row.UpdatedById == userId || row.RequestedById == userId;

    private static void WithdrawRequest(RuleVersion row)
    {
        row.State = RuleVersionState.Draft;
        row.RequestedById = null;
        row.RequestedAt = null;
        row.ApprovedById = null;
        row.ApprovedAt = null;
    }

    private static RuleResult.Refused? CheckNote(string? note) => note is { Length: > MaxNoteLength }
        ? new RuleResult.Refused($"Keep the note under {MaxNoteLength} characters (it has {note.Length}).")
        : null;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<Dictionary<string, string>> NamesAsync(PlannerDbContext db, IEnumerable<string?> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName ?? u.Id, cancellationToken);
    }

    private static string Name(Dictionary<string, string> names, string? id) =>
        id is null ? "the source documents" : names.GetValueOrDefault(id, "a removed user");

    private static string? NameOrNull(Dictionary<string, string> names, string? id) =>
        id is null ? null : names.GetValueOrDefault(id, "a removed user");
}
