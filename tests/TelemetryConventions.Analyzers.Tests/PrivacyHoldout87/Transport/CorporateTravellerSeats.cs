namespace PrivacyHoldout87.Transport;

public sealed record AddTravellerRequest(string AccountId, string Email, string FullName, string CostCentre, string Role);

public sealed record AddTravellerReply(string SeatId);

/// <summary>
/// The operator's corporate travel accounts over gRPC: a company's HR integration or travel
/// arranger adds employees as travellers, each on a named seat of the company's account. A
/// traveller's email must be on one of the company's verified SSO domains.
/// </summary>
public sealed partial class CorporateTravellerSeats(ITenantStore tenants, ISeatStore seats, IDomainDirectory domains, Pseudonymizer pseudonymizer, Meter meter, ILogger<CorporateTravellerSeats> logger)
{
    private static readonly ActivitySource Source = new("Travel.Tenancy.Seats");

    public async Task<AddTravellerReply> AddTraveller(AddTravellerRequest request, ServerCallContext context)
    {
        using var span = Source.StartTravelseatsSeatAssign(request.AccountId);
        span.SetTravelseatsRole(request.Role); // clean precision-about
        Activity.Current?.SetTag("travel.cost_centre", request.CostCentre); // clean precision-about
        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-about
        logger.LogInformation("AddTraveller {Request}", request); // leak TC1001 logging-objects
        var account = await tenants.FindAsync(request.AccountId, context.CancellationToken) ?? throw new RpcException("NOT_FOUND", $"No corporate account {request.AccountId}");
        span.SetTravelseatsTenantPlan(account.Plan.ToString()); // clean precision-about

        var home = domains.ResolveByEmail(request.Email);
        if (home?.TenantId != account.TenantId)
        {
            var ex = new RpcException("FAILED_PRECONDITION", $"{request.Email} is not on a verified domain of {account.Name}");
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogTravelseatsSeatRejectedEvent(account.TenantId, "domain", travelseatsNote: $"domain {request.Email.Split('@')[1]} not verified for {account.Name}"); // clean generated-api
            throw ex;
        }

        var seat = await seats.AssignAsync(account.TenantId, "corporate-rail", request.Email, context.CancellationToken);
        span.SetTravelseatsTravellerId(pseudonymizer.PseudonymizeTravelseatsTravellerId(request.Email)); // clean precision-pseudonym
        meter.CreateTravelseatsSeatsAssignedCounter().Add(1, account.TenantId, "ok", travelseatsTenantPlan: account.Plan.ToString()); // clean precision-about
        TravellerAdded(logger, seat.SeatId, account.Name, request.FullName); // leak TC1001 direct
        logger.LogTravelseatsSeatRejectedEvent(account.TenantId, "info", travelseatsNote: $"seat {seat.SeatId} given to {request.FullName}", level: LogLevel.Debug); // leak TC1001 generated-api
        return new AddTravellerReply(seat.SeatId);
    }

    public async Task SetArranger(string accountId, string arrangerEmail, IReadOnlyList<string> travellerEmails, CancellationToken ct)
    {
        using var activity = Source.StartActivity("arranger.set");
        activity?.SetTag("arranger.account", accountId); // clean precision-about
        activity?.SetTag("arranger.traveller_count", travellerEmails.Count); // clean precision-names
        activity?.SetTag("arranger.email", arrangerEmail); // leak TC1001 direct
        activity?.SetTag(TravelseatsAttributes.TravellerEmail, "arranger-mailbox@redacted.invalid"); // clean precision-names
        var members = await tenants.MembersAsync(accountId, ct);
        var unknown = travellerEmails.Where(e => members.All(m => m.Email != e)).ToArray();
        logger.LogWarning("Arranger for {Account} lists {Unknown} people who are not travellers", accountId, unknown.Length); // clean precision-about
        logger.LogWarning("Unknown travellers {Unknown}", string.Join(";", unknown)); // leak TC1001 strings
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seat {SeatId} on {Account} given to {Traveller}")]
    private static partial void TravellerAdded(ILogger logger, string seatId, string account, string traveller);
}
