namespace Homestead.Deposits;

// A tenancy deposit protection scheme's client.

/// <summary>A protected deposit. Prints its members, the lead tenant's email among them.</summary>
public sealed record DepositRegistration(string DepositId, string CertificateNumber, string TenancyRef, decimal Amount, string Scheme, string LeadTenantEmail);

/// <summary>A proposed repayment at the end of a tenancy. Prints its members (amounts and the tenancy).</summary>
public sealed record RepaymentProposal(string DepositId, string TenancyRef, decimal ToTenant, decimal ToLandlord, IReadOnlyList<string> DeductionReasons);

public interface IDepositSchemeClient
{
    Task<DepositRegistration> ProtectAsync(string tenancyRef, decimal amount, string leadTenantEmail, string leadTenantName, CancellationToken cancellationToken = default);

    Task ProposeRepaymentAsync(RepaymentProposal proposal, CancellationToken cancellationToken = default);
}

/// <summary>The scheme refused the registration; its message quotes the tenancy and the lead tenant's email.</summary>
public sealed class DepositProtectionException(string tenancyRef, string leadTenantEmail, string reason)
    : Exception($"Deposit for {tenancyRef} ({leadTenantEmail}) not protected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The deposit is in dispute; its message quotes the deposit id and the dispute's case number.</summary>
public sealed class DepositInDisputeException(string depositId, string caseNumber)
    : Exception($"Deposit {depositId} is in dispute (case {caseNumber})")
{
    public string CaseNumber { get; } = caseNumber;
}
