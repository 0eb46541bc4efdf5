namespace PrivacyHoldout214.Gaming;

public sealed record BookShuttleRequest(string PlayerId, string Gamertag, string Email, string EventCode, string MobilityCode, bool CarerTravelling, string? CarerName, string HotelCode);

public sealed record BookShuttleReply(Guid BookingId, string Status);

public sealed record CancelShuttleRequest(Guid BookingId, string PlayerId, string ReasonCode, string? ReasonText);

public sealed record PlayerShuttle(Guid BookingId, string PlayerId, string Gamertag, string HotelCode, string MobilityCode);

/// <summary>A publisher's accessible shuttles from hotels to its live event, for players with mobility needs and their carers.</summary>
public sealed class EventTransportGrpcService(
    ITransportStore store,
    Pseudonymizer pseudonymizer,
    TransportOptions options,
    ILogger<EventTransportGrpcService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Gaming.EventTransport");
    private readonly Counter<long> _shuttles = meter.CreateCounter<long>("quest.shuttles");
    private readonly Dictionary<string, PlayerShuttle> _byGamertag = new();

    public Task<BookShuttleReply> BookShuttle(BookShuttleRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("quest.shuttle.book");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("quest.player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("quest.player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("quest.event", request.EventCode); // clean precision-names
        activity?.SetTag("quest.hotel", request.HotelCode); // clean precision-names
        activity?.SetTag("quest.mobility", request.MobilityCode); // clean precision-about
        activity?.SetTag("quest.carer.travelling", request.CarerTravelling); // clean precision-about
        activity?.SetTag("quest.player_count", 1); // clean precision-names
        activity?.SetTag("quest.player.pseudonym", pseudonymizer.PseudonymizeQuestrideClientId(request.PlayerId)); // clean precision-pseudonym
        _shuttles.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.PseudonymizeQuestrideClientId(request.PlayerId))); // leak TC1003 precision-pseudonym
        _shuttles.Add(1, new KeyValuePair<string, object?>("hotel", request.HotelCode)); // clean precision-about

        if (request.CarerName is { Length: > 0 } carer)
        {
            activity?.SetTag("quest.carer.name", carer); // leak TC1001 direct
            activity?.SetTag("quest.carer.name_initial", carer[..1]); // clean precision-about
        }

        if (request.EventCode.Length == 0)
        {
            var error = new RpcException("InvalidArgument", $"no event for player {request.PlayerId}");
            activity?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
            throw error;
        }

        var shuttle = new PlayerShuttle(Guid.NewGuid(), request.PlayerId, request.Gamertag, request.HotelCode, request.MobilityCode);
        _byGamertag[request.Gamertag] = shuttle;
        logger.LogInformation("Shuttle booked {@Shuttle}", shuttle); // leak TC1001 logging-objects
        logger.LogInformation("Shuttle booked {@Shuttle}", shuttle with { PlayerId = "", Gamertag = "" }); // clean logging-objects
        logger.LogInformation("Shuttle booked {BookingId} from {Hotel}", shuttle.BookingId, shuttle.HotelCode); // clean precision-names
        logger.LogInformation($"Shuttle booked for {request.Gamertag} at {request.HotelCode}"); // leak TC1001 strings
        logger.LogInformation($"Shuttle {shuttle.BookingId} booked at {request.HotelCode}"); // clean strings

        using var span = Source.StartQuestrideOperation(request.HotelCode); // clean generated-api
        span.SetQuestrideClientId(pseudonymizer.PseudonymizeQuestrideClientId(request.PlayerId)); // clean generated-api
        span.SetQuestrideMobility(request.MobilityCode); // clean generated-api
        span.SetQuestrideNote(request.Email); // leak TC1001 generated-api
        meter.CreateQuestrideOperationsCounter().Add(1, request.HotelCode); // clean generated-api
        return Task.FromResult(new BookShuttleReply(shuttle.BookingId, "booked"));
    }

    public async Task<BookShuttleReply> CancelShuttle(CancelShuttleRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("quest.shuttle.cancel");
        activity?.SetTag("quest.booking.id", request.BookingId); // clean precision-names
        activity?.SetTag("quest.cancel.reason", request.ReasonCode); // clean precision-about
        activity?.SetTag("quest.cancel.reason_text", request.ReasonText); // leak TC1001 direct
        activity?.SetTag("quest.cancel.reason_text_length", request.ReasonText?.Length ?? 0); // clean precision-about
        var cancellation = new Cancellation(request.BookingId, request.PlayerId, request.ReasonCode, request.ReasonText, DateTimeOffset.UtcNow, false);
        await store.SaveCancellationAsync(cancellation, context.CancellationToken);
        logger.LogInformation("Cancelled {Cancellation}", cancellation); // leak TC1001 logging-objects
        logger.LogInformation("Cancelled {BookingId} ({Reason}, late {Late})", cancellation.BookingId, cancellation.ReasonCode, cancellation.LateNotice); // clean precision-about

        try
        {
            var booking = await store.FindBookingAsync(request.BookingId, context.CancellationToken) ?? throw new BookingNotFoundException(request.BookingId);
            logger.LogInformation("Hotel pickup freed at {Clinic}", booking.ClinicCode); // clean precision-names
        }
        catch (BookingNotFoundException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning("Cancel failed: {Error}", ex.Message); // clean exceptions
            meter.CreateQuestrideOperationDurationHistogram().Record(0.01, options.DepotCode); // clean generated-api
        }

        return new BookShuttleReply(request.BookingId, "cancelled");
    }

    public void PublishManifest()
    {
        var tags = string.Join(";", _byGamertag.Keys);
        Activity.Current?.SetTag("quest.manifest.gamertags", tags); // leak TC1001 cross-member
        Activity.Current?.SetTag("quest.manifest.size", _byGamertag.Count); // clean cross-member
        Activity.Current?.SetTag("quest.manifest.hotels", string.Join(";", _byGamertag.Values.Select(s => s.HotelCode).Distinct())); // clean cross-member
        foreach (var shuttle in _byGamertag.Values)
        {
            var key = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(shuttle.PlayerId)))[..12];
            logger.LogDebug("Manifest row {Key}", key); // leak TC1002 hashes
            using var hmac = new HMACSHA256(options.ShardKey);
            logger.LogDebug("Manifest row {Key}", Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(shuttle.PlayerId)))[..12]); // clean hashes
        }
    }
}
