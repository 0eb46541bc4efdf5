namespace Salon.Tanning;

// A tanning salon chain's sunbeds and an energy supplier's microbusiness accounts for salons and home salons.

/// <summary>A sunbed's session reading. Prints bed, salon, kWh, minutes and the member's card number.</summary>
public sealed record SunbedReading(string BedId, string Salon, double KilowattHours, int Minutes, string MemberCardNumber);

/// <summary>A sunbed. Prints bed id, model, tube hours and salon.</summary>
public sealed record Sunbed(string BedId, string Model, int TubeHours, string Salon);

/// <summary>A microbusiness supply account (the trading name is the shop's name as on its sign). Prints account number, holder's name, trading name, sole trader flag, supply postcode, meter serial and tariff.</summary>
public sealed record MicrobusinessAccount(string AccountNumber, string HolderName, string TradingName, bool SoleTrader, string SupplyPostcode, string MeterSerial, string Tariff);

/// <summary>A tariff quote. Prints quote id, tariff, unit rate and standing charge.</summary>
public sealed record TariffQuote(string QuoteId, string Tariff, decimal UnitRate, decimal StandingCharge);

/// <summary>A survey of a hairdresser's salon run from home. Prints survey id, meter serial, MPAN, the holder's name and weekly kWh.</summary>
public sealed record HomeSalonSurvey(string SurveyId, string MeterSerial, string Mpan, string HolderName, double WeeklyKwh);

/// <summary>The supplier's account platform; not telemetry.</summary>
public interface ISupplyAccounts
{
    Task<MicrobusinessAccount?> FindAsync(string accountNumber, CancellationToken cancellationToken = default);

    Task<TariffQuote> QuoteAsync(string accountNumber, string tariff, CancellationToken cancellationToken = default);

    Task SwitchAsync(string accountNumber, string quoteId, CancellationToken cancellationToken = default);
}

/// <summary>No meter with that serial; quotes the serial.</summary>
public sealed class MeterNotFoundException(string meterSerial) : Exception($"Meter {meterSerial} is not registered");

/// <summary>A sunbed's tubes are past their life; quotes the bed and the hours.</summary>
public sealed class TubeLifeExceededException(string bedId, int hours) : Exception($"Sunbed {bedId} tubes at {hours} h: replace before use");

/// <summary>The credit check failed; quotes the account number.</summary>
public sealed class CreditCheckFailedException(string accountNumber) : Exception($"Credit check failed for account {accountNumber}");

/// <summary>The tariff was withdrawn; quotes the tariff.</summary>
public sealed class TariffWithdrawnException(string tariff) : Exception($"Tariff {tariff} is no longer offered");
