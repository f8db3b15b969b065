using MicroneedlingPlanner.Domain.Planning;

namespace MicroneedlingPlanner.Web.Features.Review;

/// <summary>One field of the proposal form: the value, its reason, and the override for going outside the rules' range.</summary>
public sealed class ProposalField<T>(T current)
{
    public T Current { get; } = current;
    public T Value { get; set; } = current;
    public string Reason { get; set; } = "";
    public bool Override { get; set; }
    public string OverrideReason { get; set; } = "";

    public bool Changed => !EqualityComparer<T>.Default.Equals(Value, Current);

    /// <summary>The proposed value for the domain, or null when unchanged. The domain checks the reason and the range.</summary>
    public ProposedValue<T>? Proposed => Changed ? new(Value, Reason, Override ? OverrideReason : null) : null;
}

/// <summary>
/// What the review page's proposal form holds, turned into a <see cref="PlanRevision"/> for the
/// domain. Values start at the plan as sent; a proposal made earlier fills in its values and reasons.
/// </summary>
public sealed class ProposalForm
{
    public ProposalForm(TreatmentPlan sent, TreatmentPlan? proposed, IReadOnlyList<PlanChange> changes)
    {
        ArgumentNullException.ThrowIfNull(sent);
        Sessions = new(sent.InitialSeries.Sessions);
        IntervalWeeks = new(sent.InitialSeries.IntervalWeeks);
        StartDate = new(sent.InitialSeries.SessionDates[0]);
        MaintenanceMin = new(sent.Maintenance.IntervalMonthsMin);
        MaintenanceMax = new(sent.Maintenance.IntervalMonthsMax);
        if (proposed is not null)
        {
            Sessions.Value = proposed.InitialSeries.Sessions;
            IntervalWeeks.Value = proposed.InitialSeries.IntervalWeeks;
            StartDate.Value = proposed.InitialSeries.SessionDates[0];
            MaintenanceMin.Value = proposed.Maintenance.IntervalMonthsMin;
            MaintenanceMax.Value = proposed.Maintenance.IntervalMonthsMax;
        }

        foreach (var change in changes)
        {
            var (reason, overrideReason) = (change.Reason, change.OverrideReason ?? "");
            switch (change.Field)
            {
                case RevisedField.Sessions: (Sessions.Reason, Sessions.Override, Sessions.OverrideReason) = (reason, change.OutsideRange, overrideReason); break;
                case RevisedField.IntervalWeeks: (IntervalWeeks.Reason, IntervalWeeks.Override, IntervalWeeks.OverrideReason) = (reason, change.OutsideRange, overrideReason); break;
                case RevisedField.StartDate: StartDate.Reason = reason; break;
                case RevisedField.MaintenanceMonths: (MaintenanceMin.Reason, MaintenanceMin.Override, MaintenanceMin.OverrideReason) = (reason, change.OutsideRange, overrideReason); break;
            }
        }
    }

    public ProposalField<int> Sessions { get; }
    public ProposalField<int> IntervalWeeks { get; }
    public ProposalField<DateOnly> StartDate { get; }

    /// <summary>The maintenance window's two ends; its reason and override live on <see cref="MaintenanceMin"/>.</summary>
    public ProposalField<int> MaintenanceMin { get; }
    public ProposalField<int> MaintenanceMax { get; }

    public string Message { get; set; } = "";

    public PlanRevision ToRevision() => new()
    {
        Sessions = Sessions.Proposed,
        IntervalWeeks = IntervalWeeks.Proposed,
        StartDate = StartDate.Proposed,
        MaintenanceMonths = MaintenanceMin.Changed || MaintenanceMax.Changed
            ? new(new(MaintenanceMin.Value, MaintenanceMax.Value), MaintenanceMin.Reason, MaintenanceMin.Override ? MaintenanceMin.OverrideReason : null)
            : null,
    };
}
