namespace Dating.Matching;

// Swipes, matches and chat.

/// <summary>A swipe. Prints swipe id, both members' ids, the direction and the time.</summary>
public sealed record Swipe(string SwipeId, Guid SwiperId, Guid TargetId, string Direction, DateTimeOffset At);

/// <summary>A match. Prints match id, both members' ids, the score and the region.</summary>
public sealed record MatchMade(string MatchId, Guid FirstMemberId, Guid SecondMemberId, double Score, string Region);

/// <summary>A match's summary. Prints match id, score and region.</summary>
public sealed record MatchSummary(string MatchId, double Score, string Region);

/// <summary>A chat message. Prints the conversation, the message id, the sender's id and the text.</summary>
public sealed record ChatMessage(string ConversationId, string MessageId, Guid SenderId, string Body);

public interface IMatchStore
{
    Task<MatchMade> CreateAsync(Guid first, Guid second, double score, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Guid>> CandidatesAsync(Guid memberId, int take, CancellationToken cancellationToken = default);
}

/// <summary>The daily like limit is reached; quotes the limit.</summary>
public sealed class DailyLimitReachedException(int limit) : Exception($"Daily like limit of {limit} reached");

/// <summary>One member has blocked the other; quotes both members' ids.</summary>
public sealed class BlockedPairException(Guid blockerId, Guid blockedId) : Exception($"{blockerId} has blocked {blockedId}");
