namespace FormKit.Distribution;

// Survey distribution in the shape of Qualtrics' and SurveyMonkey's collectors: contacts, invitations with a
// personalised link per recipient, batches, delivery receipts and bounces.

/// <summary>A contact a survey is sent to. Prints its members.</summary>
public sealed record Recipient(string Email, string? FirstName, string? Phone, string ExternalRef);

/// <summary>
/// An invitation to one recipient, with the token of their personalised link (which opens the survey as them, with
/// their hidden fields). A class without <c>ToString</c>: it prints its type's name.
/// </summary>
public sealed class SurveyInvitation
{
    public required string InvitationId { get; init; }

    public required string SurveyId { get; init; }

    public required Recipient Recipient { get; init; }

    public required string Token { get; init; }

    public string Channel { get; init; } = "email";

    public DateTimeOffset ExpiresAt { get; init; }

    public Uri Link(string baseUrl) => new($"{baseUrl}/s/{SurveyId}?t={Token}");
}

/// <summary>A batch of invitations scheduled together. Prints its members.</summary>
public sealed record InvitationBatch(string BatchId, string SurveyId, int Recipients, DateTimeOffset ScheduledFor);

/// <summary>What the mail or SMS provider answered. Prints its members.</summary>
public sealed record SendReceipt(string ProviderMessageId, string Status);

public interface IInvitationSender
{
    Task<SendReceipt> SendAsync(SurveyInvitation invitation, CancellationToken cancellationToken = default);
}

/// <summary>The provider refused the recipient; its message quotes the address and the provider's reason.</summary>
public sealed class RecipientRejectedException(string address, string reason)
    : Exception($"Recipient <{address}> was rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The provider throttled the send; quotes the retry delay only.</summary>
public sealed class SendThrottledException(TimeSpan retryAfter)
    : Exception($"Send throttled; retry after {retryAfter.TotalSeconds:0}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

public static class InvitationTokens
{
    /// <summary>A random, URL-safe link token.</summary>
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
