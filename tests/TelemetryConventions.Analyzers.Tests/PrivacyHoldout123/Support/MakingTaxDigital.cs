namespace MakingTaxDigital;

// HMRC's Making Tax Digital VAT API: the nine-box return for a period key, the receipt, the API's error
// codes and the fraud prevention headers every call must carry (which describe the user and the device).

public sealed record VatReturn(
    string PeriodKey,
    decimal VatDueSales,
    decimal VatDueAcquisitions,
    decimal TotalVatDue,
    decimal VatReclaimedCurrPeriod,
    decimal NetVatDue,
    decimal TotalValueSalesExVat,
    decimal TotalValuePurchasesExVat,
    decimal TotalValueGoodsSuppliedExVat,
    decimal TotalAcquisitionsExVat,
    bool Finalised);

public sealed record VatSubmissionReceipt(DateTimeOffset ProcessingDate, string FormBundleNumber, string? ChargeRefNumber, string? PaymentIndicator);

public sealed record VatObligation(string PeriodKey, DateOnly Start, DateOnly End, DateOnly Due, string Status);

/// <summary>The Gov-Client-* and Gov-Vendor-* headers, built from the user's session and device.</summary>
public sealed class FraudPreventionHeaders : Dictionary<string, string>
{
    public const string PublicIp = "Gov-Client-Public-IP";
    public const string DeviceId = "Gov-Client-Device-ID";
    public const string UserIds = "Gov-Client-User-IDs";
    public const string ConnectionMethod = "Gov-Client-Connection-Method";
    public const string VendorVersion = "Gov-Vendor-Version";
}

/// <summary>HMRC refused the call: one of its documented codes with HMRC's fixed message.</summary>
public sealed class MtdApiException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;
}

public interface IVatApi
{
    Task<IReadOnlyList<VatObligation>> ObligationsAsync(string vrn, CancellationToken cancellationToken = default);

    Task<VatSubmissionReceipt> SubmitAsync(string vrn, VatReturn vatReturn, FraudPreventionHeaders headers, CancellationToken cancellationToken = default);
}

/// <summary>A self-employed payee's tax details, held for royalty and contractor payments.</summary>
public sealed record PayeeTaxDetails(string PayeeId, string Utr, string NationalInsuranceNumber, bool VatRegistered);
