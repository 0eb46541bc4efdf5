namespace Telco.Devices;

// Handset upgrades, trade-ins and the blocked-handset register.

/// <summary>A handset traded in. Prints IMEI, model, grade, account number and the value offered.</summary>
public sealed record TradeIn(string Imei, string Model, string Grade, string AccountNumber, decimal Offered);

/// <summary>A trade-in quote. Prints quote id, model, grade and value.</summary>
public sealed record TradeInQuote(string QuoteId, string Model, string Grade, decimal Value);

/// <summary>An upgrade order. Prints order id, account number, handset SKU and tariff.</summary>
public sealed record UpgradeOrder(string OrderId, string AccountNumber, string Sku, string TariffCode);

public interface IDeviceRegister
{
    Task<bool> IsBlockedAsync(string imei, CancellationToken cancellationToken = default);

    Task<TradeInQuote> QuoteAsync(string model, string grade, CancellationToken cancellationToken = default);
}

/// <summary>The handset is on the blocked list; quotes the IMEI.</summary>
public sealed class ImeiBlockedException(string imei) : Exception($"Handset {imei} is on the blocked list");

/// <summary>Not yet eligible for an upgrade; quotes the date.</summary>
public sealed class UpgradeNotEligibleException(DateOnly eligibleFrom) : Exception($"Upgrade available from {eligibleFrom:yyyy-MM-dd}");

/// <summary>No stock; quotes SKU and store.</summary>
public sealed class StockUnavailableException(string sku, string store) : Exception($"{sku} is out of stock at {store}");
