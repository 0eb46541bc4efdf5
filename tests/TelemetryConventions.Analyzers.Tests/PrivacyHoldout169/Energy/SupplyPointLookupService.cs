namespace PrivacyHoldout169.Energy;

/// <summary>
/// gRPC service the fuel bank charity's caseworkers call to check a household's supply before a
/// fuel voucher is issued.
/// </summary>
public sealed class SupplyPointLookupService(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SupplyPointLookupService> logger)
{
    private static readonly ActivitySource Source = new("EnergyTrust.FuelBank");
    private static readonly Meter Meter = new("EnergyTrust.FuelBank");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("energytrust.fuelbank.lookups");

    public sealed record VoucherCheck(string Mpan, string AccountNumber, string CaseworkerEmail, string BeneficiaryRef, string MeterSerial);

    public Task<bool> Check(VoucherCheck request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("fuelbank.check", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean direct
        activity?.SetTag("fuelbank.meter_model", request.MeterSerial[..3]); // clean precision-about
        activity?.SetTag("fuelbank.meter", request.MeterSerial); // leak TC1001 direct
        activity?.SetTag("fuelbank.caseworker", request.CaseworkerEmail); // leak TC1001 direct
        activity?.SetBaggage("fuelbank.beneficiary", request.BeneficiaryRef); // leak TC1001 direct

        if (!request.Mpan.All(char.IsDigit))
        {
            var error = new SupplyPointNotFoundException(request.Mpan);
            logger.LogWarning("Lookup failed: {Reason}", error.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "invalid mpan"); // clean exceptions
            throw new RpcException("NOT_FOUND", "supply point not found");
        }

        var beneficiary = pseudonymizer.PseudonymizeEnergytrustCustomerId(request.AccountNumber);
        Lookups.Add(1, new KeyValuePair<string, object?>("customer", beneficiary.Value)); // leak TC1003 precision-pseudonym
        Lookups.Add(1, new KeyValuePair<string, object?>("method", context.Method)); // clean precision-names
        var cohort = BitConverter.ToUInt16(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.Mpan))) % 4;
        activity?.SetTag("fuelbank.cohort", cohort); // clean hashes
        var legacyKey = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(request.AccountNumber)));
        activity?.SetTag("fuelbank.legacy_key", legacyKey.ToString()); // leak TC1002 hashes
        using var operation = Source.StartEnergytrustOperation("fuel-bank").SetEnergytrustCustomerId(beneficiary); // clean generated-api
        operation.SetEnergytrustNote($"voucher check via {context.Method}"); // clean generated-api
        logger.LogInformation("Voucher check for household {Customer}", beneficiary); // clean precision-pseudonym
        return Task.FromResult(true);
    }
}
