using Microsoft.Extensions.Options;

namespace MicroneedlingPlanner.Web.Features;

/// <summary>Bound from the <c>Clinic</c> section.</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";
    public const string TimeZoneSetting = "Clinic:TimeZone";

    /// <summary>The clinic's IANA time zone id. The server's own zone (often UTC in a container) says nothing about the clinic's day.</summary>
    public string TimeZone { get; set; } = "Europe/London";
}

internal sealed class ClinicOptionsValidator : IValidateOptions<ClinicOptions>
{
    public ValidateOptionsResult Validate(string? name, ClinicOptions options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone ?? "", out var zone) && zone.HasIanaId
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ClinicOptions.TimeZoneSetting} is '{options.TimeZone}', which is not an IANA time zone id this server knows. " +
                "Use the clinic's zone from the tz database, for example 'Europe/London' or 'America/New_York'.");
}

/// <summary>
/// The clinic's calendar. Which day it is, and on which day a stored time fell, are read in the
/// clinic's time zone: a patient choosing a start date at 11 pm, or reading when they sent a plan,
/// sees the clinic's date, not the server's or UTC's. Stored times stay UTC.
/// </summary>
public sealed class ClinicClock(TimeProvider clock, IOptions<ClinicOptions> options)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>Today at the clinic: the day start dates are checked against and maintenance is read from.</summary>
    public DateOnly Today => DateOf(clock.GetUtcNow());

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>The clinic's date at a stored UTC time (SQLite reads it back without a kind; it is UTC all the same).</summary>
    public DateOnly DateOf(DateTime utc) => DateOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    /// <summary>When the clinic's day begins, in UTC; a day whose midnight is skipped by a clock change begins at the first valid time.</summary>
    public DateTime StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }
}

public static class ClinicClockSetup
{
    public static IServiceCollection AddClinicClock(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<ClinicOptions>, ClinicOptionsValidator>();
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.Section).ValidateOnStart();
        services.AddSingleton<ClinicClock>();
        return services;
    }
}
