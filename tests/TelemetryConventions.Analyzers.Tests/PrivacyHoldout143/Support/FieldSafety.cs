namespace PetCare.FieldSafety;

// The shapes of an energy network's field safety register: dogs at customers' properties. Records print their members.

/// <summary>A dog warning on a property. Prints the customer's account number, the site address, the level, the customer's description and the date reported.</summary>
public sealed record DogWarning(string AccountNumber, string SiteAddress, string Level, string? Description, DateOnly ReportedOn);

/// <summary>A job's safety briefing. Prints job id, region, whether a dog is on site, the warning level and the engineer's staff number.</summary>
public sealed record JobBriefing(string JobId, string Region, bool DogOnSite, string WarningLevel, string EngineerStaffNumber);

/// <summary>A job's hazard summary. Prints job id, level and the number of dogs.</summary>
public sealed record HazardSummary(string JobId, string Level, int DogCount);

/// <summary>A dog bite reported by an engineer. Prints incident id, the engineer's staff number, the customer's account number, the injury code and the engineer's narrative.</summary>
public sealed record DogBiteIncident(string IncidentId, string EngineerStaffNumber, string AccountNumber, string InjuryCode, string? Narrative);

/// <summary>A field job. Prints job id, region, the customer's account number, the site address and the slot.</summary>
public sealed record FieldJob(string JobId, string Region, string AccountNumber, string SiteAddress, DateTimeOffset Slot);

public interface IFieldSafetyRegister
{
    Task<DogWarning?> WarningForAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task SaveAsync(DogWarning warning, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FieldJob>> JobsForAsync(string engineerStaffNumber, DateOnly day, CancellationToken cancellationToken = default);
}

/// <summary>Sends briefings to engineers' handhelds; not telemetry.</summary>
public interface IHandheldDispatch
{
    Task SendAsync(string engineerStaffNumber, JobBriefing briefing, CancellationToken cancellationToken = default);
}

/// <summary>The customer refused access until the dog is secured; quotes the account number.</summary>
public sealed class SiteAccessRefusedException(string accountNumber) : Exception($"Access refused at account {accountNumber}: dog not secured");

/// <summary>The warning is older than its review date; quotes the job.</summary>
public sealed class WarningExpiredException(string jobId) : Exception($"Dog warning for job {jobId} is past its review date")
{
    public string JobId { get; } = jobId;
}
