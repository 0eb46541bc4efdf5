namespace Scholaris.Exams;

// The shapes of an awarding body gateway (entries sent as EDI files, results downloaded on results day).

/// <summary>An entry for one candidate. Prints its members: the candidate number and the unique candidate identifier among them.</summary>
public sealed record ExamEntry(string CandidateNumber, string Uci, string CentreNumber, string Series, string Specification, string Tier, string? AccessArrangements);

/// <summary>A result. Prints the candidate number, the specification, the grade and the mark.</summary>
public sealed record ExamResult(string CandidateNumber, string Specification, string Grade, int Mark);

/// <summary>An EDI batch as sent. Prints its id, series, centre and line count.</summary>
public sealed record EdiBatch(string BatchId, string Series, string CentreNumber, int Lines);

public interface IAwardingBodyGateway
{
    Task<EdiBatch> SubmitEntriesAsync(string centreNumber, IReadOnlyList<ExamEntry> entries, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ExamResult>> DownloadResultsAsync(string centreNumber, string series, CancellationToken cancellationToken = default);
}

/// <summary>The awarding body rejected an entry; the message quotes the candidate number, the specification and the reason.</summary>
public sealed class EntryRejectedException(string candidateNumber, string specification, string reason)
    : Exception($"Entry for candidate {candidateNumber} in {specification} rejected: {reason}")
{
    public string Specification { get; } = specification;

    public string Reason { get; } = reason;
}

/// <summary>The gateway is down; the message quotes the awarding body and the delay.</summary>
public sealed class AwardingBodyUnavailableException(string awardingBody, TimeSpan retryAfter)
    : Exception($"{awardingBody} gateway unavailable; retry after {retryAfter.TotalMinutes:0} min")
{
    public string AwardingBody { get; } = awardingBody;
}
