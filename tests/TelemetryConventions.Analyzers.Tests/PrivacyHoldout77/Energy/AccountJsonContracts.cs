namespace PrivacyHoldout77.Energy;

public sealed record AccountSummaryDto(
    string AccountNumber,
    string HolderName,
    string SupplyPostcode,
    [property: JsonConverter(typeof(MeterSerialMaskConverter))] string MeterSerial,
    string TariffCode,
    decimal BalancePounds);

public sealed record TariffQuoteDto(string TariffCode, string Region, decimal UnitRatePence, decimal StandingChargePence, DateOnly ValidFrom);

/// <summary>Writes a meter serial as its three-character model prefix and asterisks.</summary>
public sealed class MeterSerialMaskConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Length > 3 ? value[..3] + new string('*', value.Length - 3) : "***");
}

/// <summary>The log view of an account: the account number and holder replaced, the rest as it is.</summary>
public sealed record AccountLogView(string Account, string TariffCode, decimal BalancePounds, string PostcodeDistrict)
{
    public static AccountLogView Of(AccountSummaryDto dto, Pseudonymizer pseudonymizer) =>
        new(pseudonymizer.ComputeSupplyapiAccountId(dto.AccountNumber), dto.TariffCode, dto.BalancePounds, dto.SupplyPostcode.Split(' ')[0]);
}

public sealed class AccountContractLogging(ILogger<AccountContractLogging> logger, Pseudonymizer pseudonymizer)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public void ResponseWritten(ApiCall call, AccountSummaryDto dto, TimeSpan elapsed)
    {
        logger.LogDebug("Response {Body}", JsonSerializer.Serialize(dto, Web)); // leak TC1001 logging-objects
        logger.LogDebug("Response for {Account}", JsonSerializer.Serialize(AccountLogView.Of(dto, pseudonymizer), Web)); // clean precision-pseudonym
        logger.LogDebug("Meter {Meter}", JsonSerializer.Serialize(dto.MeterSerial)); // leak TC1001 direct
        logger.LogInformation("Account summary written for {District} in {Elapsed} ms", dto.SupplyPostcode.Split(' ')[0], elapsed.TotalMilliseconds); // clean precision-about
        Activity.Current?.SetTag("supplyapi.response.bytes", JsonSerializer.SerializeToUtf8Bytes(dto, Web).Length); // clean precision-about
        Activity.Current?.SetTag("supplyapi.account.holder", dto.HolderName); // leak TC1001 direct
    }

    public void QuoteWritten(IReadOnlyList<TariffQuoteDto> quotes)
    {
        logger.LogInformation("Quotes {Quotes}", JsonSerializer.Serialize(quotes, Web)); // clean logging-objects
        Activity.Current?.SetTag("supplyapi.quote.cheapest", quotes.MinBy(q => q.UnitRatePence)?.ToString()); // clean logging-objects
    }
}
