namespace PrivacyHoldout215.Support;

/// <summary>A tutor on the marketplace (a person).</summary>
public sealed record Tutor(string TutorId, string FullName, string Email, string Mobile, string DbsCertificateNumber, DateOnly DbsIssued, string[] Subjects, decimal HourlyRate, double AverageRating);

/// <summary>A student (a child or an adult learner).</summary>
public sealed record Student(string StudentId, string FullName, DateOnly DateOfBirth, string YearGroup, string? Upn);

/// <summary>A parent or guardian who books and pays.</summary>
public sealed record Guardian(string GuardianId, string FullName, string Email, string Mobile, string Postcode);

/// <summary>A lesson booking: it names the student and the tutor.</summary>
public sealed record LessonBooking(string BookingId, string StudentId, string TutorId, string Subject, DateTimeOffset StartsAt, int Minutes, string Mode);

/// <summary>A booking as the calendar shows it to operations: no person.</summary>
public sealed record BookingSlot(string BookingId, string Subject, DateTimeOffset StartsAt, int Minutes, string Mode);

/// <summary>A lesson recording: the blob path carries the student id.</summary>
public sealed record LessonRecording(string RecordingId, string BookingId, string BlobPath, TimeSpan Duration, string Status);

/// <summary>A message between a tutor and a family.</summary>
public sealed record ThreadMessage(string ThreadId, string MessageId, string SenderId, string Body, DateTimeOffset SentAt);

/// <summary>A payout to a tutor.</summary>
public sealed record TutorPayout(string PayoutId, string TutorId, string PayeeName, string SortCode, string AccountNumber, decimal Amount);

/// <summary>A payout run: no person.</summary>
public sealed record PayoutRun(string RunId, int Payouts, decimal Total, string Currency);

/// <summary>A review left by a family for a tutor.</summary>
public sealed record TutorReview(string ReviewId, string TutorId, string ReviewerName, int Stars, string Comment);

/// <summary>A DBS check in progress.</summary>
public sealed record DbsCheck(string CheckId, string TutorId, string CertificateNumber, string Level, string Status);

/// <summary>A tutor profile as a class without ToString: logging it as a value prints the type name.</summary>
public sealed class TutorProfile
{
    public required string TutorId { get; init; }

    public required string DisplayName { get; init; }

    public required string Headline { get; init; }

    public int SubjectCount { get; init; }
}

/// <summary>The marketplace's store (system of record, not telemetry).</summary>
public interface IMarketplaceStore
{
    Task<Tutor?> FindTutorAsync(string tutorId, CancellationToken cancellationToken);

    Task<Student?> FindStudentAsync(string studentId, CancellationToken cancellationToken);

    Task<Guardian?> FindGuardianAsync(string guardianId, CancellationToken cancellationToken);

    Task<LessonBooking?> FindBookingAsync(string bookingId, CancellationToken cancellationToken);

    Task SaveBookingAsync(LessonBooking booking, CancellationToken cancellationToken);

    Task SaveMessageAsync(ThreadMessage message, CancellationToken cancellationToken);

    Task SaveReviewAsync(TutorReview review, CancellationToken cancellationToken);

    Task<IReadOnlyList<LessonRecording>> RecordingsForAsync(string bookingId, CancellationToken cancellationToken);
}

/// <summary>The DBS update service client (a sink that is not telemetry).</summary>
public interface IDbsGateway
{
    Task<DbsCheck> CheckAsync(string tutorId, string certificateNumber, CancellationToken cancellationToken);
}

/// <summary>The payments provider (not telemetry).</summary>
public interface IPayoutGateway
{
    Task<string> PayAsync(TutorPayout payout, CancellationToken cancellationToken);
}

/// <summary>The email and SMS sender (not telemetry).</summary>
public interface INotifier
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>The recording storage (not telemetry).</summary>
public interface IRecordingStorage
{
    Task<string> UploadAsync(string blobPath, byte[] content, CancellationToken cancellationToken);
}

public sealed class StudentNotFoundException(string studentId) : Exception($"No student {studentId}")
{
    public string StudentId { get; } = studentId;
}

public sealed class DbsCheckFailedException(string certificateNumber, string status)
    : Exception($"DBS certificate {certificateNumber} returned {status}");

public sealed class PayoutRejectedException(string accountNumber, string reason)
    : Exception($"Payout to account {accountNumber} rejected: {reason}");

public sealed class TutorUnavailableException(string subject, DateTimeOffset startsAt)
    : Exception($"No tutor free for {subject} at {startsAt:u}");

public sealed class BookingNotFoundException(string bookingId) : Exception($"Booking {bookingId} not found");

public sealed class PaymentsProviderUnavailableException(int statusCode)
    : Exception($"Payments provider returned {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}
