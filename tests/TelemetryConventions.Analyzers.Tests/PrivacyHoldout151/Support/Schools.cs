namespace Welfare.Schools;

// Free school meals eligibility, the virtual school for looked-after children and the sixth form bursary.

/// <summary>A free school meals application. Prints application id, parent's NINO, name and email, pupil's UPN and name, and the school's URN.</summary>
public sealed record FsmApplication(string ApplicationId, string ParentNino, string ParentName, string ParentEmail, string PupilUpn, string PupilName, string SchoolUrn);

/// <summary>The eligibility checker's answer. Prints check id, whether eligible and the qualifying benefit.</summary>
public sealed record EligibilityResult(string CheckId, bool Eligible, string QualifyingBenefit);

/// <summary>A looked-after child on the virtual school's roll. Prints child id, UPN, name, social worker's email, region and PEP score.</summary>
public sealed record LookedAfterChild(string ChildId, string Upn, string Name, string SocialWorkerEmail, string Region, int PepScore);

/// <summary>A bursary claim. Prints claim id, student number, amount and category.</summary>
public sealed record BursaryClaim(string ClaimId, string StudentNumber, decimal Amount, string Category);

public interface IEligibilityChecker
{
    Task<EligibilityResult> CheckAsync(string parentNino, DateOnly dateOfBirth, string familyName, CancellationToken cancellationToken = default);
}

/// <summary>The parent was not matched; quotes the parent's NINO.</summary>
public sealed class ParentNotMatchedException(string parentNino) : Exception($"No benefit record for parent {parentNino}");

/// <summary>The checker is down; quotes nothing.</summary>
public sealed class EligibilityServiceDownException() : Exception("Eligibility checking service unavailable");

/// <summary>The bursary fund is spent; quotes the category and the amount left.</summary>
public sealed class BursaryFundExhaustedException(string category, decimal left) : Exception($"Bursary fund {category} has {left:C} left");
