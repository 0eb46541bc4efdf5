namespace Homestead.Lettings;

// The shapes of a lettings and property management platform's client (properties, applicants, viewings,
// tenancies, inspections), in the way such SDKs are written.

public enum TenancyStatus
{
    Offered,
    Signed,
    Active,
    Ending,
    Ended,
}

/// <summary>A property on the books. Prints its members, the full address and postcode among them.</summary>
public sealed record Property(string PropertyRef, string AddressLine1, string Postcode, int Bedrooms, decimal MonthlyRent, string Region);

/// <summary>Someone applying to rent. Prints its members: id, name, email, mobile and date of birth.</summary>
public sealed record Applicant(string ApplicantId, string FullName, string Email, string Mobile, DateOnly DateOfBirth);

/// <summary>A booked viewing. Prints its members, the applicant's name and mobile among them.</summary>
public sealed record Viewing(Guid ViewingId, string PropertyRef, DateTimeOffset SlotStart, string ApplicantName, string ApplicantMobile, string NegotiatorCode);

/// <summary>A tenancy agreement. Prints its members: the reference, the property, the lead tenant's id, the dates and the rent.</summary>
public sealed record Tenancy(string TenancyRef, string PropertyRef, string LeadTenantId, DateOnly StartDate, DateOnly? EndDate, decimal MonthlyRent, TenancyStatus Status);

/// <summary>A tenant on an agreement. Prints its members: id, name, email, mobile.</summary>
public sealed record Occupant(string TenantId, string FullName, string Email, string Mobile, bool IsLead);

/// <summary>A periodic inspection. Prints its members, the inspector's staff number among them.</summary>
public sealed record InspectionReport(Guid InspectionId, string PropertyRef, int ConditionScore, IReadOnlyList<string> Issues, string InspectorStaffNumber, DateOnly InspectedOn);

/// <summary>A summary of a letting's pipeline for a branch. Prints its members (counts only).</summary>
public sealed record PipelineSummary(string Branch, int Listed, int Viewings, int Offers, int Let);

public interface ILettingsClient
{
    Task<Property?> GetPropertyAsync(string propertyRef, CancellationToken cancellationToken = default);

    Task<Viewing> BookViewingAsync(string propertyRef, Applicant applicant, DateTimeOffset slot, CancellationToken cancellationToken = default);

    Task<Tenancy> CreateTenancyAsync(string propertyRef, IReadOnlyList<Occupant> occupants, DateOnly start, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Occupant>> GetOccupantsAsync(string tenancyRef, CancellationToken cancellationToken = default);

    Task SaveInspectionAsync(InspectionReport report, CancellationToken cancellationToken = default);
}

/// <summary>The slot is taken; its message quotes the property and the slot.</summary>
public sealed class ViewingSlotTakenException(string propertyRef, DateTimeOffset slot)
    : Exception($"Slot {slot:O} at {propertyRef} is already booked")
{
    public string PropertyRef { get; } = propertyRef;
}

/// <summary>The applicant already holds an offer elsewhere; its message quotes the applicant's email.</summary>
public sealed class DuplicateApplicationException(string applicantEmail, string propertyRef)
    : Exception($"Applicant {applicantEmail} already has an open application for {propertyRef}")
{
    public string PropertyRef { get; } = propertyRef;
}

/// <summary>The tenancy cannot be created; its message quotes the property and the reason code.</summary>
public sealed class TenancyConflictException(string propertyRef, string reasonCode)
    : Exception($"Property {propertyRef} cannot be let: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}
