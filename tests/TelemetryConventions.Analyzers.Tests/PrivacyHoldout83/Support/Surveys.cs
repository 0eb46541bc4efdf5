namespace Surveykit;

/// <summary>A CSAT answer after a ticket was solved: the score and the customer's comment.</summary>
public sealed record CsatResponse(string SurveyId, long TicketId, int Score, string? Comment, string RespondentEmail);

/// <summary>An NPS answer: the score, the comment and who answered.</summary>
public sealed record NpsResponse(string ResponseId, string CustomerId, int Score, string? Comment, string Channel);

public static class Nps
{
    public static string Category(int score) => score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

/// <summary>Support-side identity verification: what was asked and whether it passed.</summary>
public sealed record VerificationAttempt(string CaseId, string Method, string Provided, bool Passed, int AttemptsLeft);

public sealed record VerificationResult(bool Passed, string Method, int AttemptsLeft);

/// <summary>Thrown when an account is locked after failed checks; quotes the account and what was given.</summary>
public sealed class VerificationLockedException(string account, string provided)
    : Exception($"Account {account} locked after failed verification (last answer: {provided})")
{
    public string Account { get; } = account;
}

public sealed class IdentityVerifier
{
    public VerificationResult CheckLastFour(string accountNumber, string lastFour) => new(accountNumber.EndsWith(lastFour, StringComparison.Ordinal), "last4", 2);

    public VerificationResult CheckDateOfBirth(string accountNumber, DateOnly dateOfBirth) => new(true, "dob", 2);
}
