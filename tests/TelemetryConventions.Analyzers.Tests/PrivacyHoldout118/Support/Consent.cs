namespace ConsentKit;

// The shape of a consent management platform: receipts in the Kantara consent receipt layout, purposes,
// preference updates from the preference centre and its links.

/// <summary>One purpose in a receipt.</summary>
public sealed record PurposeConsent(string Purpose, bool Granted, string LegalBasis);

/// <summary>A consent receipt. A record: it prints its members, the principal's id among them.</summary>
public sealed record ConsentReceipt(
    Guid ReceiptId,
    string PiiPrincipalId,
    string PolicyVersion,
    IReadOnlyList<PurposeConsent> Purposes,
    DateTimeOffset ConsentTimestamp,
    string Collector);

/// <summary>A choice made in the preference centre or at the unsubscribe footer.</summary>
public sealed record PreferenceUpdate(string SubjectKey, string Channel, string Topic, bool OptedIn, string Source);

/// <summary>A link to the preference centre, signed for one person.</summary>
public sealed class PreferenceCentreLink
{
    public required Uri Url { get; init; }

    public required string Token { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}

public interface IConsentLedger
{
    Task AppendAsync(ConsentReceipt receipt, CancellationToken cancellationToken);

    Task<ConsentReceipt?> LatestAsync(string principalId, CancellationToken cancellationToken);
}

public interface IPreferenceLinkIssuer
{
    PreferenceCentreLink Issue(string subjectKey, TimeSpan lifetime);
}

/// <summary>The receipt was given under a policy version that is not the current one.</summary>
public sealed class ConsentVersionConflictException(string purpose, string expected, string actual)
    : Exception($"Consent for '{purpose}' was given under policy {actual}; current is {expected}.")
{
    public string Purpose { get; } = purpose;
}

/// <summary>A preference link's token could not be redeemed; quotes the token.</summary>
public sealed class PreferenceTokenInvalidException(string token)
    : Exception($"Preference token '{token}' is expired or unknown.")
{
    public string Token { get; } = token;
}
