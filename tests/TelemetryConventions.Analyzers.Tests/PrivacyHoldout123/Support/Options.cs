namespace PrivacyHoldout123.Support;

/// <summary>The finance settings every service binds from configuration.</summary>
public sealed class FinanceOptions
{
    public string CompanyName { get; init; } = "Example Services Ltd";

    /// <summary>The organisation's own VAT registration number.</summary>
    public string Vrn { get; init; } = "GB123456789";

    /// <summary>The organisation's own collection account, where customers pay in.</summary>
    public string CollectionAccountIban { get; init; } = "GB29NWBK60161331926819";

    public string Currency { get; init; } = "GBP";

    public string ReceivablesAccount { get; init; } = "1100";

    public string RevenueAccount { get; init; } = "4000";

    public string VatControlAccount { get; init; } = "2200";

    public string BankAccount { get; init; } = "1200";

    public decimal WriteOffThreshold { get; init; } = 5.00m;

    public int DaysBeforeAgencyPlacement { get; init; } = 90;

    public TimeSpan RefundSla { get; init; } = TimeSpan.FromDays(5);
}
