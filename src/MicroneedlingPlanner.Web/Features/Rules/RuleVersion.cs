namespace MicroneedlingPlanner.Web.Features.Rules;

public enum RuleVersionState
{
    /// <summary>Being edited; patients never see it.</summary>
    Draft,

    /// <summary>Its author asked a second admin to approve it; any edit sends it back to draft.</summary>
    AwaitingApproval,

    /// <summary>Serves every new plan. Exactly one version is published at a time.</summary>
    Published,

    /// <summary>Published once and replaced since; plans made with it keep pointing at it.</summary>
    Retired,
}

/// <summary>
/// One version of the treatment rules: the whole rule set as JSON, its number (which is also the
/// rule set's <c>Version</c>, the version every plan made with it records), its author, its change
/// note and where it stands. Version 1 is the default rules, seeded by a migration.
/// </summary>
public sealed class RuleVersion
{
    public int Number { get; set; }
    public RuleVersionState State { get; set; }
    public required string RulesJson { get; set; }

    /// <summary>Null for version 1, which came from the source documents rather than from an admin.</summary>
    public string? AuthorId { get; set; }

    public DateTime CreatedAt { get; set; }
    public string? ChangeNote { get; set; }

    /// <summary>The version this one was copied from.</summary>
    public int? BasedOn { get; set; }

    public string? UpdatedById { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? RequestedById { get; set; }
    public DateTime? RequestedAt { get; set; }
    public string? ApprovedById { get; set; }
    public DateTime? ApprovedAt { get; set; }

    /// <summary>Why the last approver sent it back, shown to its authors until the next request.</summary>
    public string? ReturnComment { get; set; }

    public string? ReturnedById { get; set; }
    public string? PublishedById { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>Raised by every save; a save that read an older revision changes nothing.</summary>
    public int Revision { get; set; }
}
