namespace EarlyYears.Funding;

// Government-funded hours: the 30-hours eligibility code, the local authority's headcount, and learning journals and transitions to school.

/// <summary>A 30-hours eligibility code check. Prints the code, the parent's National Insurance number, the child's date of birth and the term.</summary>
public sealed record EligibilityCodeCheck(string EligibilityCode, string ParentNino, DateOnly ChildDateOfBirth, string Term);

/// <summary>The local authority's answer. Prints validity, the validity and grace end dates and the stream.</summary>
public sealed record EligibilityResult(bool Valid, DateOnly? ValidityEnd, DateOnly? GraceEnd, string Stream);

/// <summary>A headcount claim line. Prints the child's id, name, hours per week and stream.</summary>
public sealed record FundingClaimLine(string ChildId, string ChildName, decimal HoursPerWeek, string Stream);

/// <summary>A headcount submission receipt. Prints submission id, setting URN, term, lines and hours.</summary>
public sealed record HeadcountSubmission(string SubmissionId, string SettingUrn, string Term, int Lines, decimal TotalHours);

/// <summary>The local authority's provider portal; not telemetry.</summary>
public interface ILocalAuthorityPortal
{
    Task<EligibilityResult> CheckAsync(EligibilityCodeCheck check, CancellationToken cancellationToken = default);

    Task<HeadcountSubmission> SubmitAsync(string settingUrn, IReadOnlyList<FundingClaimLine> lines, CancellationToken cancellationToken = default);
}

/// <summary>The code's grace period has ended; quotes the code and the date.</summary>
public sealed class EligibilityCodeExpiredException(string code, DateOnly graceEnd) : Exception($"Code {code} ended its grace period on {graceEnd:yyyy-MM-dd}");

/// <summary>The headcount deadline has passed; quotes the term and the deadline.</summary>
public sealed class HeadcountDeadlineMissedException(string term, DateOnly deadline) : Exception($"Headcount for {term} closed on {deadline:yyyy-MM-dd}");

/// <summary>Another setting claims the same hours; quotes the child's name and the other setting.</summary>
public sealed class DuplicateFundingException(string childName, string otherSetting) : Exception($"{childName} is already funded at {otherSetting}");
