namespace Helplines.Referrals;

// Referrals to crisis teams, safeguarding and the priority services register.

/// <summary>A referral to a crisis team. Prints referral id, NHS number, patient name, service and urgency.</summary>
public sealed record Referral(string ReferralId, string NhsNumber, string PatientName, string ServiceCode, string Urgency);

/// <summary>A referral's receipt. Prints referral id, service, state and due time.</summary>
public sealed record ReferralReceipt(string ReferralId, string ServiceCode, string State, DateTimeOffset DueBy);

/// <summary>A triage note: the counsellor's words about the caller. Prints call id and text.</summary>
public sealed record TriageNote(string CallId, string Text, int RiskScore);

/// <summary>A priority services register entry. Prints account number, meter serial, need code, contact name and phone.</summary>
public sealed record PsrEntry(string AccountNumber, string MeterSerial, string NeedCode, string ContactName, string Phone);

/// <summary>A region's register summary. Prints region, entries and medical-equipment entries.</summary>
public sealed record PsrSummary(string Region, int Entries, int MedicalEquipment);

/// <summary>A repayment plan. Prints plan id, customer number, monthly amount and months.</summary>
public sealed record DebtPlan(string PlanId, string CustomerNumber, decimal Monthly, int Months);

/// <summary>The crisis team, safeguarding desk and register; not telemetry.</summary>
public interface IReferralGateway
{
    Task<ReferralReceipt> ReferAsync(Referral referral, CancellationToken cancellationToken = default);

    Task RegisterAsync(PsrEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PsrEntry>> OnFeederAsync(string feederId, CancellationToken cancellationToken = default);
}

/// <summary>The crisis team refused the referral; quotes the NHS number and reason.</summary>
public sealed class ReferralRejectedException(string nhsNumber, string reason) : Exception($"Referral for {nhsNumber} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The account is already on the register; quotes the account.</summary>
public sealed class PsrEntryExistsException(string accountNumber) : Exception($"Account {accountNumber} is already on the register");

/// <summary>The service has no capacity; quotes the service and date.</summary>
public sealed class ServiceFullException(string serviceCode, DateOnly until) : Exception($"{serviceCode} full until {until:yyyy-MM-dd}");
