namespace Responder.Dispatch;

/// <summary>A crew member: staff number, name, role (paramedic, technician, firefighter, officer).</summary>
public sealed record CrewMember(string StaffNumber, string Name, string Role);

/// <summary>A dispatch of a unit: dispatch id, incident number, call sign, the crew (a list, printed as its type's name).</summary>
public sealed record UnitDispatch(string DispatchId, string IncidentNumber, string CallSign, IReadOnlyList<CrewMember> Crew);

/// <summary>A patient handover at hospital: incident number, NHS number, patient's name, hospital, the crew's clinical note, minutes waited.</summary>
public sealed record PatientHandover(string IncidentNumber, string NhsNumber, string PatientName, string Hospital, string ClinicalNote, int MinutesWaited);

/// <summary>A welfare check request: request id, the person's name, their home address, the reporter's phone and the concern as typed.</summary>
public sealed record WelfareCheckRequest(string RequestId, string PersonName, string HomeAddress, string ReporterPhone, string Concern);

/// <summary>A safeguarding referral: referral id, the subject's name, date of birth, the referrer's email, category and the concern as written.</summary>
public sealed record SafeguardingReferral(string ReferralId, string SubjectName, DateOnly DateOfBirth, string ReferrerEmail, string Category, string Concern);

/// <summary>A responder's profile (a class, no ToString).</summary>
public sealed class ResponderProfile
{
    public required string StaffNumber { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public string Station { get; init; } = "HQ";

    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

public interface IUnitRoster
{
    Task<UnitDispatch?> AssignAsync(string incidentNumber, int priority, CancellationToken cancellationToken = default);
}

/// <summary>No unit free; quotes the station area and the priority.</summary>
public sealed class NoUnitAvailableException(string stationArea, int priority) : Exception($"No unit free in {stationArea} for a P{priority} call");

/// <summary>A handover was refused; quotes the NHS number.</summary>
public sealed class HandoverRejectedException(string nhsNumber) : Exception($"Handover for {nhsNumber} rejected: no bed");

/// <summary>A responder is not on shift; quotes the responder's name.</summary>
public sealed class ResponderOffShiftException(string responderName) : Exception($"{responderName} is not on shift");
