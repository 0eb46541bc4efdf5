using OpenTelemetry.Trace;

namespace PrivacyHoldout168.Energy;

/// <summary>When a household switches in, a credit check decides between a credit meter, a deposit or prepayment.</summary>
public sealed class SwitchCreditCheckHandler(
    ICreditBureau bureau,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SwitchCreditCheckHandler> logger)
{
    private static readonly ActivitySource Source = new("Supply.SwitchCredit");
    private static readonly Meter Meter = new("Supply.SwitchCredit");
    private static readonly Counter<long> Deposits = Meter.CreateCounter<long>("switch.deposits");

    public async Task<string> HandleAsync(EnergyCustomer customer, DateOnly dateOfBirth, string postcode, CancellationToken ct)
    {
        using var span = Source.StartTariffcreditOperation(customer.Region);
        span.SetTariffcreditCustomerId(pseudonymizer.PseudonymizeTariffcreditCustomerId(customer.AccountNumber)); // clean generated-api
        var activity = Activity.Current;
        activity?.SetTag(TariffcreditAttributes.Contact, customer.Email); // leak TC1001 generated-api
        activity?.SetTag("meter.model", customer.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("meter.serial", customer.MeterSerial); // leak TC1001 direct
        activity?.SetTag("supply.mpan_prefix", customer.Mpan[..2]); // clean precision-about
        activity?.SetTag("customer.postcode_district", postcode.Split(' ')[0]); // clean precision-about
        logger.LogInformation("Switch credit check in {Region}", customer.Region); // clean precision-about
        logger.LogInformation("Credit check for {Holder} at {Postcode}", customer.HolderName, postcode); // leak TC1001 direct
        try
        {
            var report = await bureau.SearchAsync(new CreditSearchRequest(customer.HolderName, dateOfBirth, postcode, "soft"), ct);
            var payment = report.Score switch { >= 700 => "credit", >= 500 => "deposit", _ => "prepayment" };
            span.SetTariffcreditOutcome(payment); // clean generated-api
            Deposits.Add(1, new KeyValuePair<string, object?>("region", customer.Region), new KeyValuePair<string, object?>("payment", payment)); // clean precision-about
            activity?.SetTag("bureau.consumer_id", report.BureauConsumerId); // leak TC1001 direct
            activity?.SetTag("bureau.reason_codes", string.Join(",", report.ReasonCodes)); // clean precision-about
            var lookupKey = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(customer.AccountNumber)));
            logger.LogDebug("Cached decision under {Key}", lookupKey); // leak TC1002 hashes
            using var hmac = new HMACSHA256(secrets.PseudonymKey);
            var cacheShard = hmac.ComputeHash(Encoding.UTF8.GetBytes(customer.AccountNumber))[0] & 7;
            logger.LogDebug("Decision cache shard {Shard}", cacheShard); // clean hashes
            return payment;
        }
        catch (NoMatchException ex)
        {
            activity?.RecordException(ex); // leak TC1001 exceptions
            span.SetTariffcreditOutcome("thin-file"); // clean generated-api
            logger.LogTariffcreditOperationFailedEvent(customer.Region, "thin-file", tariffcreditNote: $"no file for {customer.HolderName}"); // leak TC1001 generated-api
            return "deposit";
        }
    }
}
