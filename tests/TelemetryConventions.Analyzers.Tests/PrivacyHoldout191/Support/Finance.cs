namespace PrivacyHoldout191.Support;

/// <summary>A student as the funding platform holds them.</summary>
public sealed record Student(
    string StudentNumber,
    string CustomerReference,
    string FullName,
    string Email,
    string Mobile,
    string NationalInsuranceNumber,
    DateOnly DateOfBirth);

/// <summary>An application for a grant, bursary, scholarship or loan: prints the student.</summary>
public sealed record FundingApplication(
    string ApplicationId,
    string StudentNumber,
    string CustomerReference,
    string FullName,
    string Scheme,
    string AcademicYear,
    decimal HouseholdIncome,
    int Dependants,
    string Circumstances);

/// <summary>What the dashboards show about an application: no person.</summary>
public sealed record ApplicationSummary(string ApplicationId, string Scheme, string AcademicYear, string Stage, int EvidenceItems);

/// <summary>Household income evidence supplied by a parent or partner.</summary>
public sealed record HouseholdIncomeEvidence(
    string EvidenceId,
    string ApplicationId,
    string ParentName,
    string ParentNationalInsuranceNumber,
    string TaxYear,
    string DocumentType,
    decimal DeclaredIncome);

/// <summary>A sponsor's or parent's declaration of support.</summary>
public sealed record SponsorDeclaration(
    string DeclarationId,
    string ApplicationId,
    string SponsorName,
    string SponsorEmail,
    string Relationship,
    decimal AnnualContribution,
    bool Signed);

/// <summary>One instalment of a payment schedule, with the bank details it is paid to.</summary>
public sealed record PaymentInstalment(
    string PaymentId,
    string ApplicationId,
    int Number,
    DateOnly DueDate,
    decimal Amount,
    string SortCode,
    string AccountNumber,
    string AccountHolderName);

/// <summary>A payment schedule as the finance team plans it: no person.</summary>
public sealed record PaymentSchedule(string ScheduleId, string Scheme, string AcademicYear, int Instalments, decimal Total);

/// <summary>An overpayment raised against a student.</summary>
public sealed record Overpayment(string OverpaymentId, string CustomerReference, string StudentName, decimal Amount, string ReasonCode);

/// <summary>A repayment plan: no person.</summary>
public sealed record RepaymentPlan(string PlanId, string PlanType, decimal MonthlyAmount, int Months, decimal Outstanding);

/// <summary>A scholarship award as published: no person.</summary>
public sealed record ScholarshipAward(string AwardId, string Scheme, decimal Value, string Term, int Places);

/// <summary>The income check answer from the tax authority.</summary>
public sealed record IncomeCheck(string CheckId, string IncomeBand, bool UnderThreshold, decimal VerifiedIncome);

/// <summary>The payment gateway's answer.</summary>
public sealed record PaymentResult(string PaymentReference, string Status, int AttemptCount);

/// <summary>Bank details as the payments team holds them. No ToString override.</summary>
public sealed class BankDetails
{
    public required string AccountHolderName { get; init; }

    public required string SortCode { get; init; }

    public required string AccountNumber { get; init; }

    public string BankName { get; init; } = string.Empty;
}

/// <summary>The funding platform's system of record (not telemetry).</summary>
public interface IFundingStore
{
    Task<Student?> FindStudentAsync(string studentNumber, CancellationToken cancellationToken);

    Task<FundingApplication?> GetApplicationAsync(string applicationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<HouseholdIncomeEvidence>> GetEvidenceAsync(string applicationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SponsorDeclaration>> GetDeclarationsAsync(string applicationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PaymentInstalment>> GetScheduleAsync(string applicationId, CancellationToken cancellationToken);

    Task SaveAsync(FundingApplication application, CancellationToken cancellationToken);

    Task RecordOverpaymentAsync(Overpayment overpayment, CancellationToken cancellationToken);
}

/// <summary>The bank payments gateway (Bacs): a sink of personal data, not telemetry.</summary>
public interface IPaymentsGateway
{
    Task<PaymentResult> PayAsync(PaymentInstalment instalment, CancellationToken cancellationToken);

    Task<BankDetails?> GetBankDetailsAsync(string studentNumber, CancellationToken cancellationToken);
}

/// <summary>The tax authority's income verification service.</summary>
public interface IIncomeVerificationClient
{
    Task<IncomeCheck> VerifyAsync(string nationalInsuranceNumber, string taxYear, CancellationToken cancellationToken);
}

/// <summary>Sends letters and emails to students (not telemetry).</summary>
public interface IStudentMailer
{
    Task SendAsync(string email, string templateId, IDictionary<string, string> fields, CancellationToken cancellationToken);
}

/// <summary>No student with this number: quotes the student number.</summary>
public sealed class StudentNotFoundException(string studentNumber)
    : Exception($"No student found with number {studentNumber}")
{
    public string StudentNumber { get; } = studentNumber;
}

/// <summary>Declared and verified incomes differ: quotes the parent's National Insurance number.</summary>
public sealed class IncomeMismatchException(string nationalInsuranceNumber, decimal declared, decimal verified)
    : Exception($"Income for {nationalInsuranceNumber} declared {declared} but verified {verified}");

/// <summary>The bank refused the account: quotes the account number and holder.</summary>
public sealed class BankDetailsRejectedException(string accountHolder, string accountNumber)
    : Exception($"Bank rejected account {accountNumber} for {accountHolder}");

/// <summary>The fund has no money left: quotes a fund and a year.</summary>
public sealed class FundExhaustedException(string fund, string academicYear)
    : Exception($"Fund {fund} is exhausted for {academicYear}");

/// <summary>A payment run failed at the bank: quotes a run and a status code.</summary>
public sealed class PaymentRunFailedException(string runId, int statusCode)
    : Exception($"Payment run {runId} failed with status {statusCode}");

/// <summary>Evidence was not supplied in time: quotes an application and a number of days.</summary>
public sealed class EvidenceOverdueException(string applicationId, int days)
    : Exception($"Evidence for application {applicationId} overdue by {days} days");
