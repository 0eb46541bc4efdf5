namespace PrivacyHoldout200.Support;

/// <summary>A person applying for a mortgage (sole or joint).</summary>
public sealed record Applicant(
    string ApplicantId,
    string FullName,
    string Email,
    string Mobile,
    DateOnly DateOfBirth,
    string NationalInsuranceNumber,
    string Postcode,
    decimal AnnualIncome,
    string EmploymentStatus);

/// <summary>A mortgage application; it names its applicants.</summary>
public sealed record MortgageApplication(
    string ApplicationId,
    string ApplicantId,
    string? JointApplicantId,
    decimal LoanAmount,
    decimal PropertyValue,
    int TermYears,
    string ProductCode,
    string Channel);

/// <summary>The affordability engine's answer: numbers about an application, no person.</summary>
public sealed record AffordabilityResult(
    string ApplicationId,
    decimal MaxLoan,
    decimal LoanToIncome,
    decimal LoanToValue,
    bool Passed,
    string Band,
    int StressRatePercent);

/// <summary>A credit search at the bureau, as returned.</summary>
public sealed record CreditSearch(
    string SearchId,
    string ApplicantId,
    string BureauConsumerId,
    int Score,
    string ScoreBand,
    IReadOnlyList<string> ReasonCodes,
    bool HardSearch);

/// <summary>A credit search without the person: what underwriters chart.</summary>
public sealed record CreditSearchSummary(string SearchId, int Score, string ScoreBand, int ReasonCount, bool HardSearch);

/// <summary>A valuation or survey of the property being bought.</summary>
public sealed record Valuation(
    string ValuationId,
    string ApplicationId,
    string PropertyAddress,
    string Postcode,
    decimal Value,
    string SurveyorName,
    string SurveyType);

/// <summary>The outcome of a valuation, without the address or the surveyor.</summary>
public sealed record ValuationOutcome(string ValuationId, decimal Value, string Outcome, string PropertyType, int Bedrooms);

/// <summary>The buyer's conveyancer: a firm and the solicitor handling the file. No ToString override.</summary>
public sealed class Conveyancer
{
    public required string FirmName { get; init; }

    public required string SolicitorName { get; init; }

    public required string SolicitorEmail { get; init; }

    public required string SraNumber { get; init; }

    public int OpenMatters { get; init; }
}

/// <summary>A guarantor who backs a first-time buyer (often a parent).</summary>
public sealed record Guarantor(string GuarantorId, string FullName, string Email, decimal AnnualIncome, string Relationship);

/// <summary>Completion funds sent to the seller's solicitor on completion day.</summary>
public sealed record CompletionFunds(
    string CompletionId,
    string ApplicationId,
    decimal Amount,
    string SortCode,
    string AccountNumber,
    string PayeeName,
    DateOnly CompletionDate);

/// <summary>A completion day slot, without any party.</summary>
public sealed record CompletionSlot(string CompletionId, DateOnly CompletionDate, string Status, int KeysReleasedHour);

/// <summary>A decision in principle (a soft-search quote).</summary>
public sealed record DecisionInPrinciple(string DipId, string ApplicantId, string ApplicantEmail, decimal Amount, DateTime ExpiresAt);

/// <summary>A mortgage account after completion: its number identifies the borrower.</summary>
public sealed record MortgageAccount(string AccountNumber, string ApplicationId, decimal Balance, decimal Rate, int MonthsRemaining);

/// <summary>The lender's application store (a system of record, not telemetry).</summary>
public sealed class ApplicationStore
{
    public Task<MortgageApplication?> FindAsync(string applicationId, CancellationToken ct) => Task.FromResult<MortgageApplication?>(null);

    public Task<Applicant?> FindApplicantAsync(string applicantId, CancellationToken ct) => Task.FromResult<Applicant?>(null);

    public Task SaveAsync(MortgageApplication application, CancellationToken ct) => Task.CompletedTask;

    public Task<int> CountOpenAsync(string channel, CancellationToken ct) => Task.FromResult(0);

    public Task<Guarantor?> FindGuarantorAsync(string applicationId, CancellationToken ct) => Task.FromResult<Guarantor?>(null);
}

/// <summary>The credit reference agency's client (a sink for personal data, not telemetry).</summary>
public sealed class CreditBureauClient
{
    public string BureauName { get; } = "Equifax";

    public Task<CreditSearch> SearchAsync(Applicant applicant, bool hard, CancellationToken ct) =>
        Task.FromResult(new CreditSearch("CS-1", applicant.ApplicantId, "EQ-99", 720, "good", Array.Empty<string>(), hard));
}

/// <summary>The lender's valuation panel (instructs surveyors).</summary>
public sealed class ValuationPanelClient
{
    public Task<Valuation> InstructAsync(string applicationId, string address, string postcode, CancellationToken ct) =>
        Task.FromResult(new Valuation("VAL-1", applicationId, address, postcode, 0m, "A Surveyor", "basic"));
}

/// <summary>The conveyancing portal the lender shares the file with.</summary>
public sealed class ConveyancingPortal
{
    public Task<Conveyancer?> FindForApplicationAsync(string applicationId, CancellationToken ct) => Task.FromResult<Conveyancer?>(null);

    public Task PostReportOnTitleAsync(string applicationId, string text, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The CHAPS payments gateway for completion funds.</summary>
public sealed class CompletionPaymentsGateway
{
    public Task<string> SendAsync(CompletionFunds funds, CancellationToken ct) => Task.FromResult("CHAPS-1");
}

/// <summary>The affordability engine.</summary>
public sealed class AffordabilityEngine
{
    public AffordabilityResult Assess(MortgageApplication application, Applicant applicant, Applicant? joint) =>
        new(application.ApplicationId, 0m, 0m, 0m, true, "A", 3);
}

/// <summary>The applicant could not be found: quotes the applicant's id.</summary>
public sealed class ApplicantNotFoundException(string applicantId)
    : Exception($"No applicant with id {applicantId}")
{
    public string ApplicantId { get; } = applicantId;
}

/// <summary>The bureau holds a protective freeze on the person's file: quotes the bureau's consumer id and name.</summary>
public sealed class CreditFileFrozenException(string bureauConsumerId, string fullName)
    : Exception($"Credit file {bureauConsumerId} for {fullName} is frozen");

/// <summary>The completion payment came back: quotes the payee's account number.</summary>
public sealed class PaymentReturnedException(string accountNumber, string reason)
    : Exception($"CHAPS payment to account {accountNumber} returned: {reason}");

/// <summary>The valuation is late: quotes only the valuation and days.</summary>
public sealed class ValuationDelayedException(string valuationId, int days)
    : Exception($"Valuation {valuationId} delayed by {days} days");

/// <summary>The bureau did not answer: quotes the bureau and a status code.</summary>
public sealed class BureauUnavailableException(string bureau, int statusCode)
    : Exception($"Credit bureau {bureau} unavailable ({statusCode})");

/// <summary>Affordability declined: quotes the application and a reason code.</summary>
public sealed class AffordabilityDeclinedException(string applicationId, string reasonCode)
    : Exception($"Application {applicationId} declined on affordability ({reasonCode})");
