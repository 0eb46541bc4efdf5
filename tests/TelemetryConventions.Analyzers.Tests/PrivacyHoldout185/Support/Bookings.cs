namespace Lingua.Bookings;

/// <summary>A person a language service is booked for, as the booking system holds them: id, full name, email, mobile, date of birth, postcode.</summary>
public sealed record Client(string ClientId, string FullName, string Email, string Mobile, DateOnly DateOfBirth, string Postcode);

/// <summary>A freelance interpreter or translator on the register: id, full name, email, mobile, register number (NRPSI, NRCPD), languages.</summary>
public sealed record Interpreter(string InterpreterId, string FullName, string Email, string Mobile, string RegisterNumber, IReadOnlyList<string> Languages);

/// <summary>An interpreter booking: booking id, client id, client's name, language, dialect, mode, site, start, minutes, the interpreter assigned.</summary>
public sealed record InterpreterBooking(string BookingId, string ClientId, string ClientName, string Language, string Dialect, string Mode, string Site, DateTime StartsAt, int Minutes, string? InterpreterId);

/// <summary>A booking without the client or the interpreter: booking id, site, language, mode, minutes.</summary>
public sealed record BookingSummary(string BookingId, string Site, string Language, string Mode, int Minutes);

/// <summary>An interpreter's session note after an assignment: booking id, interpreter id, the note as written.</summary>
public sealed record SessionNote(string BookingId, string InterpreterId, string Text);

/// <summary>One turn of an interpreted session's transcript: session id, speaker label, what was said, its translation, confidence.</summary>
public sealed record TranscriptSegment(string SessionId, string Speaker, string Original, string Translation, double Confidence);

/// <summary>A payment to an interpreter: payment id, interpreter id, payee name, bank account number, sort code, amount, minutes, mileage.</summary>
public sealed record InterpreterPayment(string PaymentId, string InterpreterId, string PayeeName, string AccountNumber, string SortCode, decimal Amount, int Minutes, decimal MileageClaim);

/// <summary>A payment run: run id, number of payments, total, period; names no one.</summary>
public sealed record PaymentRun(string RunId, int Payments, decimal Total, string Period);

/// <summary>Looking for an interpreter: booking id, language, dialect, candidates found, outcome; names no one.</summary>
public sealed record LanguageMatch(string BookingId, string Language, string Dialect, int Candidates, string Outcome);

/// <summary>An interpreter's profile as the freelancer portal holds it (a class, no ToString).</summary>
public sealed class InterpreterProfile
{
    public required string InterpreterId { get; init; }

    public required string DisplayName { get; init; }

    public required string Email { get; init; }

    public IReadOnlyList<string> Languages { get; init; } = [];

    public int AssignmentsThisMonth { get; init; }

    public string EmailDomain => Email[(Email.IndexOf('@') + 1)..];
}

/// <summary>The booking system (the record of bookings), not telemetry.</summary>
public interface IBookingStore
{
    Task<InterpreterBooking?> FindAsync(string bookingId, CancellationToken cancellationToken = default);

    Task<Client?> ClientAsync(string clientId, CancellationToken cancellationToken = default);

    Task SaveAsync(InterpreterBooking booking, CancellationToken cancellationToken = default);
}

/// <summary>The interpreting agency's booking API, not telemetry.</summary>
public interface IInterpretingAgency
{
    Task<LanguageMatch> FindInterpreterAsync(InterpreterBooking booking, CancellationToken cancellationToken = default);

    Task<Interpreter?> InterpreterAsync(string interpreterId, CancellationToken cancellationToken = default);
}

/// <summary>The payments gateway that pays freelancers, not telemetry.</summary>
public interface IFreelancerPayments
{
    Task PayAsync(InterpreterPayment payment, CancellationToken cancellationToken = default);
}

/// <summary>The machine translation provider, not telemetry.</summary>
public interface ITranslator
{
    Task<string> TranslateAsync(string text, string from, string to, CancellationToken cancellationToken = default);
}

/// <summary>No such client; quotes the client id.</summary>
public sealed class ClientNotFoundException(string clientId) : Exception($"Client {clientId} is not on file");

/// <summary>An interpreter turned the assignment down; quotes the interpreter's name.</summary>
public sealed class InterpreterDeclinedException(string interpreterName) : Exception($"{interpreterName} declined the assignment");

/// <summary>A payment bounced; quotes the bank account number.</summary>
public sealed class PaymentRejectedException(string accountNumber) : Exception($"Payment to account {accountNumber} was rejected by the bank");

/// <summary>No interpreter for a language at a time; quotes the language and the hour.</summary>
public sealed class NoInterpreterAvailableException(string language, DateTime startsAt) : Exception($"No {language} interpreter free at {startsAt:HH:mm}");

/// <summary>The agency's API did not answer; quotes the agency and the status code.</summary>
public sealed class AgencyUnavailableException(string agency, int statusCode) : Exception($"Agency {agency} answered {statusCode}");

/// <summary>No such booking; quotes the booking id.</summary>
public sealed class BookingNotFoundException(string bookingId) : Exception($"Booking {bookingId} was not found");
