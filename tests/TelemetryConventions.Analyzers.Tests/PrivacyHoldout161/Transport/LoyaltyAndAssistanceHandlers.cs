namespace PrivacyHoldout161.Transport;

public static partial class TicketingLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Miles credited to member {MemberNumber}: {Miles}")]
    public static partial void MilesCredited(ILogger logger, [PrivateData] string memberNumber, int miles);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Tier changed {Change}")]
    public static partial void TierChanged(ILogger logger, TierChange change);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Assistance {SsrCode} booked on {Flight} for {PassengerName}")]
    public static partial void AssistanceBooked(ILogger logger, string ssrCode, string flight, string passengerName);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Assistance {SsrCode} booked on {Flight} for {PassengerName}")]
    public static partial void AssistanceBookedRedacted(ILogger logger, string ssrCode, string flight, [PrivateData] string passengerName);
}

public sealed class LoyaltyAndAssistanceHandlers(ILoyaltyLedger ledger, Pseudonymizer pseudonymizer, IMeterFactory meters, ILogger<LoyaltyAndAssistanceHandlers> logger)
{
    private static readonly ActivitySource Source = new("Travel.Ticketing.Loyalty");

    public async Task CreditAsync(Ticket ticket, string memberNumber, int miles, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("loyalty.credit");
        activity?.SetTag("loyalty.member", memberNumber); // leak TC1001 direct
        activity?.SetTag("loyalty.member.pseudonym", pseudonymizer.ComputeTicketingPassengerId(memberNumber)); // clean precision-pseudonym
        activity?.SetTag("loyalty.ticket", ticket.TicketNumber); // leak TC1001 direct
        activity?.SetTag("loyalty.cabin", ticket.Cabin); // clean precision-names
        activity?.SetTag("loyalty.miles", miles); // clean precision-about
        await ledger.CreditAsync(memberNumber, miles, cancellationToken);
        TicketingLog.MilesCredited(logger, memberNumber, miles); // clean logging-objects
        var counter = meters.Create(new MeterOptions("Travel.Ticketing.Loyalty")).CreateCounter<int>("loyalty.miles.credited");
        counter.Add(miles, new KeyValuePair<string, object?>("loyalty.member", memberNumber)); // leak TC1003 direct
        counter.Add(miles, new KeyValuePair<string, object?>("loyalty.cabin", ticket.Cabin)); // clean precision-names
        var member = await ledger.FindAsync(memberNumber, cancellationToken) ?? throw new LoyaltyNumberUnknownException(memberNumber);
        activity?.SetTag("loyalty.tier", member.Tier); // clean precision-about
        TicketingLog.TierChanged(logger, new TierChange(member.MemberNumber, "silver", member.Tier)); // leak TC1001 logging-objects
        activity?.SetTag("loyalty.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(memberNumber)))[..12]); // leak TC1002 hashes
    }

    public void Assistance(AssistanceRequest request)
    {
        using var span = Source.StartTicketingOperation("BA");
        span.SetTicketingOutcome(request.SsrCode); // clean generated-api
        span.SetTicketingNote(request.Notes ?? string.Empty); // leak TC1001 generated-api
        span.SetTicketingNote($"request {request.RequestId} on {request.FlightNumber}"); // clean generated-api
        TicketingLog.AssistanceBooked(logger, request.SsrCode, request.FlightNumber, request.PassengerName); // leak TC1001 logging-objects
        TicketingLog.AssistanceBookedRedacted(logger, request.SsrCode, request.FlightNumber, request.PassengerName); // clean logging-objects
        Activity.Current?.AddEvent(new ActivityEvent("assistance.booked", tags: new ActivityTagsCollection { ["ssr"] = request.SsrCode, ["flight"] = request.FlightNumber })); // clean precision-about
        Activity.Current?.AddBaggage("assistance.pnr", request.Pnr); // leak TC1001 direct
        Activity.Current?.AddBaggage("assistance.passenger", pseudonymizer.ComputeTicketingPassengerId(request.Pnr)); // clean precision-pseudonym
    }
}
