namespace PrivacyHoldout205.Gaming;

public sealed record ShuttleRequest(string PlayerId, string Gamertag, string Mobile, string Venue, int Seats);

public sealed record ShuttleReply(string BookingRef, string Venue, int Seats);

/// <summary>A games publisher's gRPC service: private hire shuttles to the tournament arena, and lost property on them.</summary>
public sealed partial class ArenaShuttleGrpcService(
    IBookingClient bookings,
    ILostPropertyStore lostProperty,
    Pseudonymizer pseudonymizer,
    LicensingOptions options,
    ILogger<ArenaShuttleGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Questforge.ArenaShuttles");
    private static readonly Meter Meter = new("Questforge.ArenaShuttles");
    private static readonly Counter<long> Rides = Meter.CreateCounter<long>("arena.shuttle.rides");

    private string? _lastGamertag;

    public async Task<ShuttleReply> BookShuttle(ShuttleRequest request, ServerCallContext context)
    {
        using var span = Source.StartArenarideOperation(request.Venue);
        span.SetArenarideClientId(pseudonymizer.PseudonymizeArenarideClientId(request.PlayerId)); // clean precision-pseudonym
        span.SetArenarideItems(request.Seats); // clean generated-api
        Activity.Current?.SetTag("rpc.method", context.Method); // clean precision-names
        Activity.Current?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        Activity.Current?.SetTag("arena.player.id", request.PlayerId); // leak TC1001 direct
        Activity.Current?.SetTag("arena.player.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("arena.venue", request.Venue); // clean precision-names
        Activity.Current?.SetTag("arena.seats", request.Seats); // clean precision-about
        Activity.Current?.SetTag("arena.player_count", request.Seats); // clean precision-names
        _lastGamertag = request.Gamertag;
        logger.LogInformation("Shuttle requested {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Shuttle requested {@Request}", new { request.Venue, request.Seats }); // clean logging-objects
        logger.LogInformation("Shuttle requested by {Player}", pseudonymizer.ComputeArenarideClientId(request.PlayerId)); // clean precision-pseudonym
        Rides.Add(1, new KeyValuePair<string, object?>("arena.venue", request.Venue)); // clean precision-names
        Rides.Add(1, new KeyValuePair<string, object?>("arena.player", pseudonymizer.ComputeArenarideClientId(request.PlayerId))); // leak TC1003 precision-pseudonym
        Rides.Add(1, new KeyValuePair<string, object?>("arena.gamertag", request.Gamertag)); // leak TC1003 direct
        try
        {
            var booking = await bookings.BookAsync(request.PlayerId, request.Venue, context.CancellationToken);
            Activity.Current?.SetTag("arena.booking", booking.BookingRef); // clean precision-names
            Activity.Current?.SetTag("arena.firm", booking.FirmCode); // clean precision-names
            logger.LogInformation("Shuttle booked {Booking}", booking); // leak TC1001 logging-objects
            logger.LogInformation("Shuttle booked {BookingRef} with firm {Firm}", booking.BookingRef, booking.FirmCode); // clean precision-names
            Log.ShuttleBooked(logger, request.Gamertag, booking.BookingRef); // clean logging-objects
            Meter.CreateArenarideOperationsCounter().Add(1, request.Venue, "granted"); // clean generated-api
            return new ShuttleReply(booking.BookingRef, request.Venue, request.Seats);
        }
        catch (PassengerNotFoundException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.SetArenarideNote(ex.Message); // leak TC1001 generated-api
            logger.LogArenarideOperationFailedEvent(request.Venue, "failed", arenarideClientId: pseudonymizer.PseudonymizeArenarideClientId(request.PlayerId)); // clean generated-api
            throw new RpcException("NotFound", $"no account for player {request.PlayerId}");
        }
        catch (RpcException ex)
        {
            logger.LogError(ex, "Shuttle booking failed: {Detail}", ex.Message); // leak TC1001 exceptions
            throw;
        }
    }

    public async Task<ShuttleReply> ReportLostItem(LostPropertyItem item, ServerCallContext context)
    {
        var stored = await lostProperty.ReportAsync(item, context.CancellationToken);
        Activity.Current?.SetTag("arena.lost.item", stored.ItemRef); // clean precision-names
        Activity.Current?.SetTag("arena.lost.category", stored.Category); // clean precision-about
        Activity.Current?.SetTag("arena.lost.description", stored.Description); // leak TC1001 direct
        Activity.Current?.SetTag("arena.lost.description_length", stored.Description.Length); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("lost.reported", tags: new ActivityTagsCollection { ["arena.lost.owner"] = stored.OwnerName })); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("lost.reported", tags: new ActivityTagsCollection { ["arena.lost.item"] = stored.ItemRef })); // clean precision-names
        logger.LogInformation("Lost property {@Item}", stored); // leak TC1001 logging-objects
        logger.LogInformation("Lost property {@Item}", stored with { Description = "", OwnerName = "", OwnerPhone = "" }); // clean logging-objects
        var label = string.Format("{0} / {1} / call {2}", stored.ItemRef, stored.Category, stored.OwnerPhone);
        logger.LogInformation("Label printed {Label}", label); // leak TC1001 strings
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stored.OwnerPhone)));
        Activity.Current?.SetTag("arena.lost.owner_hash", hash); // leak TC1002 hashes
        var keyed = Convert.ToHexString(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(stored.OwnerPhone)));
        Activity.Current?.SetTag("arena.lost.owner_key", keyed); // clean hashes
        return new ShuttleReply(stored.ItemRef, "lost-property", 0);
    }

    public void Handover()
    {
        logger.LogInformation("Shuttle handover to {Gamertag}", _lastGamertag); // leak TC1001 cross-member
        logger.LogInformation("Shuttle handover, gamertag known: {Known}", _lastGamertag is not null); // clean cross-member
        Activity.Current?.SetTag("arena.handover.gamertag_length", _lastGamertag?.Length ?? 0); // clean cross-member
        Baggage.SetBaggage("arena.gamertag", _lastGamertag); // leak TC1001 cross-member
        Activity.Current?.SetTag("arena.handover.note", string.Format("handover to {0} at the arena", _lastGamertag)); // leak TC1001 strings
        Activity.Current?.SetTag("arena.handover.zone", string.Format("zone {0}", options.Shards)); // clean strings
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2055, Level = LogLevel.Information, Message = "Shuttle booked for {Gamertag}: {BookingRef}")]
        public static partial void ShuttleBooked(ILogger logger, [PrivateData] string gamertag, string bookingRef);
    }
}
