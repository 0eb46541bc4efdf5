namespace Justice.Energy;

// An energy supplier's legal work: magistrates' warrants of entry to fit prepayment meters, meter
// tampering prosecutions and county court money claims.

/// <summary>A warrant application. Prints warrant id, account number, MPAN, the occupier's name, postcode, court, debt and the vulnerability flag.</summary>
public sealed record WarrantApplication(string WarrantId, string AccountNumber, string Mpan, string OccupierName, string Postcode, string Court, decimal Debt, bool VulnerabilityFlag);

/// <summary>The warrant granted. Prints warrant id, court, when and for how many days.</summary>
public sealed record WarrantGrant(string WarrantId, string Court, DateOnly GrantedOn, int ValidDays);

public interface IWarrantCourtClient
{
    Task<WarrantGrant> ApplyAsync(WarrantApplication application, CancellationToken cancellationToken = default);
}

/// <summary>The household is on the priority services register; quotes the account.</summary>
public sealed class VulnerableHouseholdException(string accountNumber) : Exception($"Account {accountNumber} is on the priority services register")
{
    public string AccountNumber { get; } = accountNumber;
}

/// <summary>The court's warrant session is full; quotes court and date.</summary>
public sealed class CourtSessionFullException(string court, DateOnly date) : Exception($"Warrant session at {court} on {date:yyyy-MM-dd} is full");

/// <summary>A tampering report. Prints report id, the meter serial, the account, the agent's staff id, the evidence and the estimated loss.</summary>
public sealed record TamperReport(string ReportId, string MeterSerial, string AccountNumber, string AgentStaffId, string Evidence, decimal EstimatedLoss);

/// <summary>A money claim. Prints claim number, account, the debtor's name and email, amount and court.</summary>
public sealed record MoneyClaim(string ClaimNumber, string AccountNumber, string DebtorName, string DebtorEmail, decimal Amount, string CountyCourt);

/// <summary>The claim issued. Prints claim number, the court's reference and when.</summary>
public sealed record ClaimIssued(string ClaimNumber, string CourtReference, DateOnly IssuedOn);

public interface IMoneyClaimsClient
{
    Task<ClaimIssued> IssueAsync(MoneyClaim claim, CancellationToken cancellationToken = default);
}

/// <summary>The debtor has died; quotes the debtor's name.</summary>
public sealed class DebtorDeceasedException(string debtorName) : Exception($"Debtor {debtorName} is recorded as deceased");
