namespace PrivacyHoldout168.Energy;

/// <summary>
/// gRPC service for green mortgage lenders: with the homeowner's consent, a lender asks for a property's EPC rating
/// and annual consumption, identified by the supply point's MPAN, to price a green mortgage.
/// </summary>
public sealed class GreenMortgageDataService(
    Pseudonymizer pseudonymizer,
    ILogger<GreenMortgageDataService> logger)
{
    private static readonly ActivitySource Source = new("Supply.GreenMortgage");
    private static readonly Meter Meter = new("Supply.GreenMortgage");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("green_mortgage.lookups");

    private readonly Dictionary<string, EpcSummary> _epc = new();

    public Task<EpcSummary> GetEnergyData(GreenMortgageRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("green_mortgage.lookup", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean precision-about
        activity?.SetTag("lender.reference", request.LenderReference); // clean precision-about
        activity?.SetTag("supply.mpan", request.Mpan); // leak TC1001 direct
        activity?.SetTag("property.postcode", request.PropertyPostcode); // leak TC1001 direct
        logger.LogInformation("EPC lookup for lender reference {Reference}", request.LenderReference); // clean precision-about
        logger.LogInformation("Lookup " + request.LenderReference + " for " + request.PropertyPostcode); // leak TC1001 strings
        var mpanDigest = BitConverter.ToString(SHA1.HashData(Encoding.ASCII.GetBytes(request.Mpan)));
        logger.LogDebug("Lookup digest {Digest}", mpanDigest); // leak TC1002 hashes
        if (!_epc.TryGetValue(request.Mpan, out var epc))
        {
            var ex = new SupplyPointNotFoundException(request.Mpan);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Lookup failed: {Error}", ex.GetType().Name); // clean exceptions
            throw new RpcException("NOT_FOUND", "No supply point for that request"); // clean exceptions
        }

        activity?.SetTag("epc.rating", epc.Rating); // clean precision-about
        Lookups.Add(1, new KeyValuePair<string, object?>("rating", epc.Rating)); // clean precision-about
        Lookups.Add(1, new KeyValuePair<string, object?>("supply", pseudonymizer.ComputeTariffcreditCustomerId(request.Mpan))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Served {@Epc}", epc); // clean logging-objects
        return Task.FromResult(epc);
    }
}
