namespace Driving.Testing;

// Theory and practical tests: bookings, centres, examiners and results.

/// <summary>A practical test booking. Prints booking reference, licence number, candidate's name, centre, category and slot.</summary>
public sealed record TestBooking(string BookingReference, string LicenceNumber, string CandidateName, string CentreCode, string Category, DateTimeOffset Slot);

/// <summary>A free slot at a centre. Prints centre, time and category; names no one.</summary>
public sealed record TestSlot(string CentreCode, DateTimeOffset At, string Category);

/// <summary>A practical test's result. Prints booking reference, licence number, examiner's staff id, pass, driving and serious faults.</summary>
public sealed record PracticalResult(string BookingReference, string LicenceNumber, string ExaminerStaffId, bool Passed, int DrivingFaults, int SeriousFaults);

/// <summary>A theory test pass. Prints certificate number, licence number, score and hazard score.</summary>
public sealed record TheoryPass(string CertificateNumber, string LicenceNumber, int Score, int HazardScore);

/// <summary>An examiner. Prints staff id, name and centre.</summary>
public sealed record Examiner(string StaffId, string Name, string CentreCode);

/// <summary>A centre's day. Prints centre, date, tests booked and examiners on duty; names no one.</summary>
public sealed record CentreDay(string CentreCode, DateOnly Date, int TestsBooked, int ExaminersOnDuty);

public interface ITestBookingStore
{
    Task<TestBooking?> FindAsync(string bookingReference, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TestSlot>> FreeSlotsAsync(string centreCode, string category, CancellationToken cancellationToken = default);

    Task<TestBooking> BookAsync(string licenceNumber, TestSlot slot, string certificateNumber, CancellationToken cancellationToken = default);

    Task<Examiner> ExaminerAsync(string staffId, CancellationToken cancellationToken = default);
}

/// <summary>The candidate's texts and emails; not telemetry.</summary>
public interface ICandidateNotifier
{
    Task NotifyAsync(string email, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>A slot was taken meanwhile; quotes the centre and time.</summary>
public sealed class SlotTakenException(string centreCode, DateTimeOffset at) : Exception($"Slot at {centreCode} {at:u} was taken");

/// <summary>A candidate may not book; quotes the licence number.</summary>
public sealed class CandidateBarredException(string licenceNumber) : Exception($"Licence {licenceNumber} is barred from booking");

/// <summary>A theory certificate has expired; quotes the certificate number.</summary>
public sealed class CertificateExpiredException(string certificateNumber) : Exception($"Theory certificate {certificateNumber} has expired");

/// <summary>No examiner is free at a centre; quotes the centre.</summary>
public sealed class NoExaminerException(string centreCode) : Exception($"No examiner free at {centreCode}");
