namespace Welfare.SocialCare;

// A council's adult social care system: people it supports, care packages, home care visits, safeguarding and hospital discharges.

/// <summary>A person known to adult social care. Prints person id, NHS number, name, address and postcode.</summary>
public sealed record CarePerson(string PersonId, string NhsNumber, string Name, string Address, string Postcode);

/// <summary>A care package. Prints package id, person id, hours a week, provider and weekly cost.</summary>
public sealed record CarePackage(string PackageId, string PersonId, int HoursPerWeek, string Provider, decimal WeeklyCost);

/// <summary>A home care visit. Prints visit id, person id, carer's staff id and name, due and check-in times and the check-in position.</summary>
public sealed record HomeCareVisit(string VisitId, string PersonId, string CarerStaffId, string CarerName, DateTimeOffset Due, DateTimeOffset? CheckedIn, double Latitude, double Longitude);

/// <summary>A safeguarding referral. Prints referral id, person id, referrer's name and phone, the concern as written and its category.</summary>
public sealed record SafeguardingReferral(string ReferralId, string PersonId, string ReferrerName, string ReferrerPhone, string Concern, string Category);

/// <summary>A delayed discharge from hospital awaiting care. Prints delay id, hospital number, ward, days delayed and reason code.</summary>
public sealed record DischargeDelay(string DelayId, string HospitalNumber, string Ward, int DaysDelayed, string ReasonCode);

/// <summary>A provider's spare capacity. Prints provider, area and hours free.</summary>
public sealed record ProviderCapacity(string Provider, string Area, int HoursFree);

public interface ICareRecords
{
    Task<CarePerson?> PersonAsync(string personId, CancellationToken cancellationToken = default);

    Task<CarePerson?> ByNhsNumberAsync(string nhsNumber, CancellationToken cancellationToken = default);

    Task SaveAsync(CarePackage package, CancellationToken cancellationToken = default);
}

/// <summary>The brokerage team's provider market; not telemetry.</summary>
public interface IBrokerage
{
    Task<IReadOnlyList<ProviderCapacity>> CapacityAsync(string area, CancellationToken cancellationToken = default);
}

/// <summary>The person is not known to the council; quotes the person id.</summary>
public sealed class PersonNotKnownException(string personId) : Exception($"Person {personId} is not known to adult social care");

/// <summary>No provider can take the package; quotes the area and the hours.</summary>
public sealed class NoProviderCapacityException(string area, int hours) : Exception($"No provider in {area} can take {hours} hours a week");

/// <summary>A visit was missed; quotes the visit id and the carer's name.</summary>
public sealed class VisitMissedException(string visitId, string carerName) : Exception($"Visit {visitId} missed by {carerName}");
