namespace AccountKit.Mfa;

// Second factors: one-time codes by SMS or email, authenticator apps (TOTP) and recovery codes, in the shape
// of the challenge stores identity services keep.

public enum MfaMethod
{
    Sms,
    Email,
    Totp,
    RecoveryCode,
    Passkey,
}

/// <summary>A one-time-code challenge: its id, the method, where the code went (an E.164 number or an email) and the code itself.</summary>
public sealed record MfaChallenge(string ChallengeId, string AccountId, MfaMethod Method, string Destination, string Code, DateTimeOffset ExpiresAt)
{
    public int Attempts { get; set; }
}

/// <summary>What the challenge store says about a code.</summary>
public enum CodeCheck
{
    Valid,
    Wrong,
    Expired,
    TooManyAttempts,
}

public interface IChallengeStore
{
    Task<MfaChallenge> IssueAsync(string accountId, MfaMethod method, string destination, CancellationToken cancellationToken = default);

    Task<MfaChallenge?> FindAsync(string challengeId, CancellationToken cancellationToken = default);

    Task<CodeCheck> CheckAsync(string challengeId, string code, CancellationToken cancellationToken = default);
}

/// <summary>An authenticator app enrolment: the shared secret and the URI shown as a QR code.</summary>
public sealed record TotpEnrolment(string AccountId, string SharedSecret, string OtpAuthUri);

/// <summary>Thrown when a challenge has expired; names the challenge only.</summary>
public sealed class ChallengeExpiredException(string challengeId)
    : Exception($"Challenge {challengeId} has expired.")
{
    public string ChallengeId { get; } = challengeId;
}

/// <summary>Thrown by the SMS gateway when it cannot deliver; its message quotes the number.</summary>
public sealed class SmsUndeliverableException(string toE164, int providerCode)
    : Exception($"SMS to {toE164} was not delivered (provider code {providerCode}).")
{
    public int ProviderCode { get; } = providerCode;
}
