namespace PrivacyHoldout187.Support;

// The contact-centre platform's records and systems of record. None of these is telemetry.

/// <summary>A member of the contact centre's staff.</summary>
public sealed record Agent(string StaffNumber, string DisplayName, string WorkEmail, string Team, IReadOnlyList<string> Skills);

/// <summary>An agent's profile as the workforce tool returns it; a class without ToString.</summary>
public sealed class AgentProfile
{
    public required string StaffNumber { get; init; }

    public required string FullName { get; init; }

    public string Team { get; init; } = string.Empty;

    public int YearsOfService { get; init; }
}

/// <summary>One turn of a conversation: who spoke ("customer", "bot", "agent") and what was said.</summary>
public sealed record ChatTurn(string ConversationId, string Speaker, string Text, DateTimeOffset At);

/// <summary>What the intent model made of a turn: an intent from the model's own list.</summary>
public sealed record IntentResult(string Intent, double Confidence, string Locale, string ModelVersion);

/// <summary>What the bot hands to a human: the bot's summary of the conversation goes with it.</summary>
public sealed record HandoffRequest(string ConversationId, string Queue, string Intent, string Summary, int Turns);

/// <summary>The routing platform's answer to a handoff.</summary>
public sealed record HandoffTicket(string TicketId, string Queue, int Position, TimeSpan EstimatedWait);

/// <summary>A stored call recording, with the number that called.</summary>
public sealed record CallRecording(string CallSid, string RecordingSid, string CallerNumber, string BlobName, TimeSpan Duration);

/// <summary>A recording's state after redaction: no person in it.</summary>
public sealed record RecordingSummary(string RecordingSid, TimeSpan Duration, int RedactedSpans, string Status);

/// <summary>The sentiment service's answer.</summary>
public sealed record SentimentResult(string Label, double Score, IReadOnlyList<string> KeyPhrases);

/// <summary>A satisfaction survey answer.</summary>
public sealed record CsatResponse(string SurveyId, string ResponseId, int Score, string? Comment, string RespondentEmail, string Channel);

/// <summary>A survey's totals.</summary>
public sealed record SurveySummary(string SurveyId, int Responses, double AverageScore, int Detractors);

/// <summary>One line of a speech-to-text transcript.</summary>
public sealed record TranscriptLine(string Speaker, string Text, double Confidence);

public interface IConversationStore
{
    Task<IReadOnlyList<ChatTurn>> GetTurnsAsync(string conversationId, CancellationToken cancellationToken = default);

    Task AppendAsync(ChatTurn turn, CancellationToken cancellationToken = default);
}

public interface IIntentClassifier
{
    Task<IntentResult> ClassifyAsync(string text, CancellationToken cancellationToken = default);
}

public interface IRoutingClient
{
    Task<HandoffTicket> HandOffAsync(HandoffRequest request, CancellationToken cancellationToken = default);

    Agent? FindAgent(string staffNumber);

    AgentProfile GetProfile(string staffNumber);
}

public interface IRecordingStore
{
    Task<CallRecording?> FindAsync(string recordingSid, CancellationToken cancellationToken = default);

    Task<int> RedactPaymentsAsync(CallRecording recording, CancellationToken cancellationToken = default);

    Task UploadAsync(string blobName, byte[] audio, IDictionary<string, string> metadata, CancellationToken cancellationToken = default);
}

public interface ITranscriber
{
    Task<IReadOnlyList<TranscriptLine>> TranscribeAsync(string recordingSid, CancellationToken cancellationToken = default);
}

public interface ISentimentClient
{
    Task<SentimentResult> AnalyseAsync(string text, CancellationToken cancellationToken = default);
}

public interface ISurveyStore
{
    Task<IReadOnlyList<CsatResponse>> GetResponsesAsync(string surveyId, CancellationToken cancellationToken = default);

    Task SaveAsync(CsatResponse response, CancellationToken cancellationToken = default);
}

// Exceptions. The first two quote a person's values; the others quote only things.

/// <summary>Thrown when a caller fails verification; its message quotes the account number they gave.</summary>
public sealed class CustomerNotVerifiedException(string accountNumber, int attemptsLeft)
    : Exception($"Verification failed for account {accountNumber}; {attemptsLeft} attempts left")
{
    public int AttemptsLeft { get; } = attemptsLeft;
}

/// <summary>Thrown when the channel refuses a message; its message quotes the refused text.</summary>
public sealed class MessageRejectedException(string text, string reason)
    : Exception($"Message rejected ({reason}): '{text}'")
{
    public string Reason { get; } = reason;
}

/// <summary>No agent free on a queue.</summary>
public sealed class AgentUnavailableException(string queue, int waiting)
    : Exception($"No agent available on queue {queue} ({waiting} waiting)")
{
    public string Queue { get; } = queue;
}

/// <summary>The recording store failed for a recording sid.</summary>
public sealed class RecordingStoreException(string recordingSid, int statusCode)
    : Exception($"Recording store returned {statusCode} for {recordingSid}")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>The speech-to-text job failed; names the job and the reason.</summary>
public sealed class TranscriptionException(string jobId, string reason)
    : Exception($"Transcription job {jobId} failed: {reason}");
