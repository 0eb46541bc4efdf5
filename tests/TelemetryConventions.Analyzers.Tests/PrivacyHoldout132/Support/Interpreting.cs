namespace AccessKit.Interpreting;

/// <summary>A request for an interpreter (spoken language or BSL). Prints its members: booking, language, modality, when, where and for whom (a person's reference).</summary>
public sealed record InterpreterRequest(string BookingRef, string Language, string Modality, DateTimeOffset Start, TimeSpan Duration, string Venue, string ForPersonRef);

/// <summary>The agency's confirmation: the interpreter is a freelance person. Prints its members: booking, agency, the interpreter's name and register number (NRCPD or NRPSI).</summary>
public sealed record InterpreterConfirmation(string BookingRef, string AgencyCode, string InterpreterName, string RegisterNumber, bool Remote);

/// <summary>The interpreting agency's API; not telemetry.</summary>
public interface IInterpreterAgencyClient
{
    Task<InterpreterConfirmation> BookAsync(InterpreterRequest request, CancellationToken cancellationToken = default);

    Task CancelAsync(string bookingRef, string reason, CancellationToken cancellationToken = default);
}

/// <summary>No interpreter is free; quotes the language, the modality and the day.</summary>
public sealed class NoInterpreterAvailableException(string language, string modality, DateOnly day)
    : Exception($"No {modality} interpreter for {language} on {day:yyyy-MM-dd}")
{
    public string Language { get; } = language;
}

/// <summary>The interpreter cancelled; quotes the booking and the interpreter's name.</summary>
public sealed class InterpreterCancelledException(string bookingRef, string interpreterName)
    : Exception($"Interpreter {interpreterName} cancelled booking {bookingRef}")
{
    public string BookingRef { get; } = bookingRef;
}
