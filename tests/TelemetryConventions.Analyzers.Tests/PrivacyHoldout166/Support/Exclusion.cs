namespace Wagering.Exclusion;

// The national self-exclusion scheme and the operators' own exclusion lists.

/// <summary>A self-exclusion registration. Prints scheme reference, email, mobile, full name, date of birth, postcode and status.</summary>
public sealed record ExclusionRegistration(string SchemeReference, string Email, string Mobile, string FullName, DateOnly DateOfBirth, string Postcode, string Status);

/// <summary>The scheme's answer for a person: a status code (Y, N, P) and the period; names no one.</summary>
public sealed record ExclusionStatus(string Code, int PeriodMonths, DateOnly? EndsOn);

public interface IExclusionRegister
{
    Task<ExclusionStatus> CheckAsync(string email, DateOnly dateOfBirth, string postcode, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ExclusionRegistration>> ChangesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}

/// <summary>A self-excluded person tried to play; quotes their email.</summary>
public sealed class SelfExcludedException(string email) : Exception($"{email} is self-excluded");

/// <summary>The scheme did not answer; an HTTP status and a fixed text.</summary>
public sealed class ExclusionSchemeUnavailableException(int status) : Exception($"Self-exclusion scheme answered {status}")
{
    public int Status { get; } = status;
}
