namespace HighStreet.Optics;

// The group's opticians: sight tests, NHS optical vouchers and referrals.

/// <summary>A sight test. Prints test id, the patient's record number, the optometrist's GOC number, branch, both spheres and whether referred.</summary>
public sealed record SightTest(string TestId, string PatientRecord, string OptometristGocNumber, string Branch, decimal RightSphere, decimal LeftSphere, bool Referred);

/// <summary>An NHS optical voucher. Prints voucher code, NHS number and voucher band.</summary>
public sealed record GosVoucher(string VoucherCode, string NhsNumber, string Band);

/// <summary>A referral to the eye hospital. Prints referral id, the patient's NHS number, name, the urgency and the optometrist's notes.</summary>
public sealed record EyeReferral(string ReferralId, string NhsNumber, string PatientName, string Urgency, string ClinicalNotes);

public interface ISightTestStore
{
    Task<SightTest?> FindAsync(string testId, CancellationToken cancellationToken = default);

    Task SaveAsync(SightTest test, CancellationToken cancellationToken = default);
}

/// <summary>The voucher and referral gateway: not telemetry.</summary>
public interface IOpticalGateway
{
    Task<string> ClaimVoucherAsync(GosVoucher voucher, CancellationToken cancellationToken = default);

    Task<string> ReferAsync(EyeReferral referral, CancellationToken cancellationToken = default);
}

/// <summary>The patient is not eligible for an NHS voucher; quotes the NHS number.</summary>
public sealed class VoucherNotEligibleException(string nhsNumber) : Exception($"NHS number {nhsNumber} is not eligible for an optical voucher");

/// <summary>The branch is closed; quotes the branch.</summary>
public sealed class BranchClosedException(string branch) : Exception($"Branch {branch} is closed for sight tests today");
