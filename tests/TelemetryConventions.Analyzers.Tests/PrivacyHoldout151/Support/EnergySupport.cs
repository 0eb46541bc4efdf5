namespace Welfare.EnergySupport;

// An energy supplier's Warm Home Discount matching, Fuel Direct deductions and the Priority Services Register.

/// <summary>A Warm Home Discount data match. Prints account number, MPAN, NINO, postcode, whether core group and the rebate.</summary>
public sealed record WarmHomeDiscountMatch(string AccountNumber, string Mpan, string Nino, string Postcode, bool CoreGroup, decimal Rebate);

/// <summary>A Fuel Direct deduction from benefit. Prints deduction id, NINO, supplier account, weekly amount and fuel.</summary>
public sealed record FuelDirectDeduction(string DeductionId, string Nino, string SupplierAccount, decimal WeeklyAmount, string Fuel);

/// <summary>A Priority Services Register record. Prints account number, holder's name, phone, need code and whether medical equipment is used.</summary>
public sealed record PriorityServiceRecord(string AccountNumber, string HolderName, string Phone, string NeedCode, bool MedicalEquipment);

public interface IBillingSystem
{
    Task CreditAsync(string accountNumber, decimal amount, string reason, CancellationToken cancellationToken = default);

    Task<PriorityServiceRecord?> PriorityRecordAsync(string accountNumber, CancellationToken cancellationToken = default);
}

/// <summary>The benefits department rejected a deduction; quotes the supplier account.</summary>
public sealed class DeductionRejectedException(string supplierAccount, string code) : Exception($"Fuel Direct deduction for account {supplierAccount} rejected: {code}")
{
    public string Code { get; } = code;
}

/// <summary>The matching file came late; quotes the file name and the scheme year.</summary>
public sealed class MatchingFileLateException(string fileName, int schemeYear) : Exception($"Matching file {fileName} for {schemeYear} arrived late");
