namespace PrivacyHoldout172.Energy;

public sealed record PartyLookupRequest(string FirmId, string PartyName, string Postcode, string RequestingSolicitorEmail);

public sealed record PartyLookupReply(bool IsCustomer, int OpenAccounts);

/// <summary>
/// Panel firms run their conflict checks against the supplier's customers over gRPC: is this opposing party one of
/// our customers? The firm and the lookup are the firm's; the party is a person.
/// </summary>
public sealed class PanelConflictGrpcService(IClientStore clients, ILogger<PanelConflictGrpcService> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Supplier.Legal.PanelLookup");
    private static readonly Meter Meter = new("Supplier.Legal.PanelLookup");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("supplier.legal.party_lookups");

    public async Task<PartyLookupReply> LookupParty(PartyLookupRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("LookupParty", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean direct
        activity?.SetTag("legal.firm_id", request.FirmId); // clean precision-names
        activity?.SetTag("rpc.system", "grpc"); // clean direct
        activity?.SetTag("legal.party.name", request.PartyName); // leak TC1001 direct
        activity?.SetTag("legal.party.postcode", request.Postcode); // leak TC1001 direct
        activity?.SetTag("legal.requester.domain", request.RequestingSolicitorEmail.Split('@').Last()); // clean precision-about
        Lookups.Add(1, new KeyValuePair<string, object?>("firm", request.FirmId)); // clean precision-names

        using var scope = logger.BeginScope("Lookup for {Solicitor}", request.RequestingSolicitorEmail); // leak TC1001 direct

        var party = pseudonymizer.Pseudonymize("party", request.PartyName);
        Lookups.Add(1, new KeyValuePair<string, object?>("party", party)); // leak TC1003 precision-pseudonym
        logger.LogInformation("Lookup for party {Party}", party); // clean precision-pseudonym

        var match = await clients.FindByEmailAsync(request.RequestingSolicitorEmail, context.CancellationToken);
        if (match is null)
        {
            throw new RpcException("NOT_FOUND", "No customer matches the party");
        }

        logger.LogInformation("Party is a customer: {Customer}", match); // leak TC1001 logging-objects
        logger.LogInformation("Party matched a customer aged {Age}", DateTime.UtcNow.Year - match.DateOfBirth.Year); // clean precision-about
        return new PartyLookupReply(true, 1);
    }
}
