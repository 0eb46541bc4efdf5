namespace Telco.Broadcast;

// A broadcaster's phone-in lines and premium rate text votes.

/// <summary>A text vote. Prints the sender's MSISDN, the shortcode, the keyword, the option and when it arrived.</summary>
public sealed record TextVote(string SenderMsisdn, string Shortcode, string Keyword, string OptionCode, DateTimeOffset ReceivedAt);

/// <summary>A caller waiting for air. Prints the caller's number, first name, town, topic and the producer's note.</summary>
public sealed record PhoneInCaller(string CallerNumber, string FirstName, string Town, string Topic, string? ProducerNote);

/// <summary>A phone-in line's status. Prints programme, the broadcaster's line number, callers waiting and the longest wait.</summary>
public sealed record LineStatus(string Programme, string LineNumber, int Waiting, TimeSpan LongestWait);

/// <summary>The tally of a vote. Prints the keyword, the option and its count.</summary>
public sealed record VoteTally(string Keyword, string OptionCode, int Votes);

public interface ICallQueue
{
    Task<IReadOnlyList<PhoneInCaller>> WaitingAsync(string programme, CancellationToken cancellationToken = default);

    Task PutThroughAsync(string callerNumber, string studio, CancellationToken cancellationToken = default);
}

/// <summary>The vote closed; quotes the keyword and closing time.</summary>
public sealed class VoteWindowClosedException(string keyword, DateTimeOffset closedAt) : Exception($"Voting on {keyword} closed at {closedAt:HH:mm}");

/// <summary>The sender's network bars premium rate; quotes the sender.</summary>
public sealed class PremiumRateBarredException(string senderMsisdn) : Exception($"{senderMsisdn} is barred from premium rate texts");
