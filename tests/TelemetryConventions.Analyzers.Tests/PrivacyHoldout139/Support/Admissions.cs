namespace Scholaris.Admissions;

// The shapes of a council's coordinated admissions portal as the schools' systems receive it.

/// <summary>An application for a school place. Prints its members: the applicant reference, the child's name, date of birth, home postcode and parent's email among them.</summary>
public sealed record AdmissionApplication(
    Guid ApplicationId,
    string ApplicantRef,
    string ChildName,
    DateOnly DateOfBirth,
    string HomePostcode,
    string ParentEmail,
    IReadOnlyList<string> PreferenceUrns,
    int DistanceMetres,
    bool SiblingLink,
    bool LookedAfter);

/// <summary>A place on a waiting list. Prints the application id, school, year group, position and criterion.</summary>
public sealed record WaitingListEntry(Guid ApplicationId, string SchoolUrn, string YearGroup, int Position, string Criterion);

/// <summary>An offer made from the list. Prints the application id, the applicant reference and the school.</summary>
public sealed record PlaceOffer(Guid ApplicationId, string ApplicantRef, string SchoolUrn, DateOnly RespondBy);

/// <summary>The council's portal already holds an application for the child; the message quotes the child's name and date of birth.</summary>
public sealed class DuplicateApplicationException(string childName, DateOnly dateOfBirth)
    : Exception($"An application already exists for {childName} (born {dateOfBirth:dd/MM/yyyy})");

/// <summary>The year group is full; the message quotes the school, the year group and its admission number.</summary>
public sealed class OversubscribedException(string schoolUrn, string yearGroup, int publishedAdmissionNumber)
    : Exception($"School {schoolUrn} {yearGroup} is full (PAN {publishedAdmissionNumber})")
{
    public string SchoolUrn { get; } = schoolUrn;
}

public interface IAdmissionsPortal
{
    Task<IReadOnlyList<AdmissionApplication>> GetApplicationsAsync(string schoolUrn, string round, CancellationToken cancellationToken = default);

    Task<PlaceOffer> OfferAsync(Guid applicationId, string schoolUrn, CancellationToken cancellationToken = default);
}
