namespace RoadReady.Licensing;

/// <summary>A learner driver as the licensing platform holds them.</summary>
public sealed record Candidate(string LicenceNumber, string FullName, DateOnly DateOfBirth, string Email, string Mobile, string Postcode);

/// <summary>A provisional licence; its printed form shows the holder.</summary>
public sealed record ProvisionalLicence(string LicenceNumber, string FullName, DateOnly DateOfBirth, string[] Categories, DateOnly ExpiresOn);

/// <summary>A practical test booking; it carries the candidate's licence number and email.</summary>
public sealed record TestBooking(string BookingReference, string LicenceNumber, string CandidateEmail, string CentreCode, DateTime Slot, string Category, int Attempt);

/// <summary>What the booking screens show about a booking: no person.</summary>
public sealed record BookingSummary(string BookingReference, string CentreCode, DateTime Slot, string Category, string Status);

/// <summary>A freed test slot offered to people on the cancellation list.</summary>
public sealed record SlotCancellation(string SlotId, string CentreCode, DateTime Start, string Category, string Reason);

/// <summary>A driving examiner (a member of staff).</summary>
public sealed record Examiner(string StaffNumber, string Name, string CentreCode, bool Supervisor);

/// <summary>An approved driving instructor. A class without ToString: logged as a value it prints its type name.</summary>
public sealed class Instructor
{
    public required string AdiNumber { get; init; }

    public required string Name { get; init; }

    public required string Mobile { get; init; }

    public int ActivePupils { get; init; }

    public string Grade { get; init; } = "A";
}

/// <summary>A theory test result as the test provider returns it.</summary>
public sealed record TheoryResult(string LicenceNumber, string CertificateNumber, int MultipleChoiceScore, int HazardScore, bool Passed, DateOnly SatOn);

/// <summary>A mock theory score of the practice app: no person.</summary>
public sealed record MockScore(string PaperId, int Correct, int Questions, int HazardScore, bool WouldPass);

/// <summary>A medical declaration made by a licence holder (the condition's code and the holder's own words).</summary>
public sealed record MedicalDeclaration(string DeclarationId, string LicenceNumber, string ConditionCode, string HolderStatement, DateOnly DeclaredOn, bool InsulinTreated);

/// <summary>A test-centre check-in: the booking and the photo ID the candidate showed.</summary>
public sealed record CentreCheckIn(string BookingReference, string DocumentType, string DocumentNumber, string FullNameOnDocument, double PhotoMatchScore);

/// <summary>The booking system of record (not telemetry).</summary>
public sealed class TestBookingStore
{
    private readonly Dictionary<string, TestBooking> _bookings = new();

    public TestBooking? Find(string bookingReference) => _bookings.GetValueOrDefault(bookingReference);

    public IReadOnlyList<TestBooking> ForLicence(string licenceNumber) => _bookings.Values.Where(b => b.LicenceNumber == licenceNumber).ToList();

    public void Save(TestBooking booking) => _bookings[booking.BookingReference] = booking;

    public bool Cancel(string bookingReference) => _bookings.Remove(bookingReference);
}

/// <summary>The licensing authority's driver register (not telemetry).</summary>
public sealed class LicenceRegister
{
    public Task<ProvisionalLicence?> FindAsync(string licenceNumber, CancellationToken cancellationToken) =>
        Task.FromResult<ProvisionalLicence?>(null);

    public Task<Candidate?> FindCandidateAsync(string licenceNumber, CancellationToken cancellationToken) =>
        Task.FromResult<Candidate?>(null);

    public Task RecordDeclarationAsync(MedicalDeclaration declaration, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The theory test provider's API (not telemetry).</summary>
public sealed class TheoryTestProvider
{
    public Task<TheoryResult?> ResultForAsync(string licenceNumber, CancellationToken cancellationToken) =>
        Task.FromResult<TheoryResult?>(null);
}

/// <summary>The SMS and email gateway that tells candidates about slots (not telemetry).</summary>
public sealed class CandidateNotifier
{
    public Task SendAsync(string address, string text, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The licence number is not on the register.</summary>
public sealed class LicenceNotFoundException(string licenceNumber)
    : Exception($"No licence {licenceNumber} on the driver register")
{
    public string LicenceNumber { get; } = licenceNumber;
}

/// <summary>The photo ID shown at check-in does not match the booking.</summary>
public sealed class IdentityMismatchException(string nameOnDocument, string documentNumber)
    : Exception($"Photo ID {documentNumber} for {nameOnDocument} does not match the booked candidate");

/// <summary>An instructor's registration is suspended.</summary>
public sealed class InstructorSuspendedException(string adiNumber)
    : Exception($"ADI {adiNumber} is suspended and cannot accompany a test");

/// <summary>The slot was taken before the booking completed.</summary>
public sealed class SlotNotAvailableException(string centreCode, DateTime slot)
    : Exception($"Slot {slot:yyyy-MM-dd HH:mm} at {centreCode} is no longer available");

/// <summary>A test centre is closed (weather, staffing).</summary>
public sealed class CentreClosedException(string centreCode, string reason)
    : Exception($"Centre {centreCode} closed: {reason}");

/// <summary>The booking gateway failed.</summary>
public sealed class BookingGatewayException(int statusCode, string bookingReference)
    : Exception($"Booking gateway returned {statusCode} for booking {bookingReference}");
