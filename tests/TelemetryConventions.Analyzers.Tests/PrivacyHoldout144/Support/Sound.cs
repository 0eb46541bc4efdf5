namespace CultureHub.Sound;

// A broadcaster's sound archive: listeners, listening requests, rights, oral history and donated carriers. Records print their members.

/// <summary>A registered listener. Prints listener number, full name, email and institution.</summary>
public sealed record Listener(string ListenerNumber, string FullName, string Email, string Institution);

/// <summary>A listening request. Prints request id, listener number, recording id, purpose and the listener's research note.</summary>
public sealed record ListeningRequest(string RequestId, string ListenerNumber, string RecordingId, string Purpose, string? ResearchNote);

/// <summary>A recording's rights. Prints recording id, rights code, whether it may be streamed and the year a closure ends.</summary>
public sealed record RecordingRights(string RecordingId, string RightsCode, bool Streamable, int? ClosedUntilYear);

/// <summary>An oral history interview. Prints interview id, contributor's name, date of birth, interviewer, summary and restriction.</summary>
public sealed record OralHistoryInterview(string InterviewId, string ContributorName, DateOnly BornOn, string Interviewer, string Summary, string Restriction);

/// <summary>A transcript's shape. Prints interview id, segments, words and language.</summary>
public sealed record Transcript(string InterviewId, int Segments, int Words, string Language);

/// <summary>A tape or disc given by a member of the public. Prints carrier id, format, donor reference, the label's text and minutes.</summary>
public sealed record DonatedCarrier(string CarrierId, string Format, string DonorReference, string LabelText, int Minutes);

public interface ISoundCatalogue
{
    Task<RecordingRights> RightsAsync(string recordingId, CancellationToken cancellationToken = default);

    Task<Listener?> ListenerAsync(string listenerNumber, CancellationToken cancellationToken = default);

    Task<Uri> ListeningCopyAsync(string recordingId, string listenerNumber, CancellationToken cancellationToken = default);
}

public interface IIngestPipeline
{
    Task<Transcript> TranscribeAsync(string interviewId, CancellationToken cancellationToken = default);

    Task<string> DigitiseAsync(DonatedCarrier carrier, CancellationToken cancellationToken = default);
}

/// <summary>The recording is restricted; quotes the recording and the year it opens.</summary>
public sealed class RecordingRestrictedException(string recordingId, int untilYear) : Exception($"{recordingId} is restricted until {untilYear}")
{
    public int UntilYear { get; } = untilYear;
}

/// <summary>No listener is registered with the email; quotes the email.</summary>
public sealed class ListenerNotRegisteredException(string email) : Exception($"No listener registered with {email}");

/// <summary>The carrier cannot be played; quotes the carrier and its format.</summary>
public sealed class CarrierUnplayableException(string carrierId, string format) : Exception($"Carrier {carrierId} ({format}) cannot be played")
{
    public string Format { get; } = format;
}

/// <summary>The recording agreement is missing; quotes the contributor's name.</summary>
public sealed class ConsentFormMissingException(string contributorName) : Exception($"No recording agreement on file for {contributorName}");
