namespace Goodwork.Grants;

// Community grants to groups and bursaries to individuals.

/// <summary>A community grant application. Prints its members: id, group's name, contact's name and email, fund and amount.</summary>
public sealed record GrantApplication(string ApplicationId, string GroupName, string ContactName, string ContactEmail, string Fund, decimal AmountRequested);

/// <summary>A panel's decision. Prints its members: application id, fund, outcome and amount awarded.</summary>
public sealed record GrantDecision(string ApplicationId, string Fund, string Outcome, decimal AmountAwarded);

/// <summary>A bursary application by one person. Prints its members: id, applicant's reference, household income, dependants and scheme.</summary>
public sealed record BursaryApplication(string ApplicationId, string ApplicantRef, decimal HouseholdIncome, int Dependants, string Scheme);

public interface IGrantPortal
{
    Task<GrantApplication?> ApplicationAsync(string applicationId, CancellationToken cancellationToken = default);

    Task SaveDecisionAsync(GrantDecision decision, CancellationToken cancellationToken = default);
}

/// <summary>The applicant already applied to the round; quotes the applicant's reference.</summary>
public sealed class DuplicateApplicationException(string applicantRef, string round)
    : Exception($"{applicantRef} already applied in {round}")
{
    public string Round { get; } = round;
}

/// <summary>The application fails a rule of the fund; quotes the rule's code and the fund.</summary>
public sealed class IneligibleException(string fund, string ruleCode)
    : Exception($"Not eligible for {fund}: {ruleCode}")
{
    public string RuleCode { get; } = ruleCode;
}
