namespace PrivacyHoldout218.Transport;

/// <summary>A stop of a mobile library bus on its published timetable.</summary>
public sealed record BusStop(string StopCode, string Village, double Latitude, double Longitude, DateTime Due);

/// <summary>A doorstep drop-off for a member who cannot reach the stop.</summary>
public sealed record DoorstepDrop(string DropId, string CardNumber, string MemberName, string Postcode, double Latitude, double Longitude, string Phone, int Items);

/// <summary>A parcel for a station book locker; the contact is the member's mobile for the release code.</summary>
public sealed record LockerParcel(string ParcelId, string Station, string CardNumber, string Mobile, int Items);

/// <summary>The transport operator's mobile library buses and station book lockers, run for the county library service.</summary>
public sealed partial class MobileLibraryWorker(
    IQueueReceiver<DoorstepDrop> drops,
    IQueueReceiver<LockerParcel> parcels,
    Pseudonymizer pseudonymizer,
    ILogger<MobileLibraryWorker> logger,
    LibraryOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout218.Transport.MobileLibrary");
    private static readonly Meter Meter = new("PrivacyHoldout218.Transport.MobileLibrary");
    private static readonly Counter<long> Drops = Meter.CreateCounter<long>("busbook.drops");
    private static readonly Histogram<int> LockerItems = Meter.CreateHistogram<int>("busbook.locker.items");

    private readonly string _busId = "MLB-07";
    private DoorstepDrop? _lastDrop;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var drop = await drops.ReceiveAsync(stoppingToken);
            if (drop is not null)
            {
                _lastDrop = drop;
                HandleDrop(drop);
                TagLastDrop();
            }

            var parcel = await parcels.ReceiveAsync(stoppingToken);
            if (parcel is not null)
            {
                HandleParcel(parcel);
            }
        }
    }

    public void ArriveAtStop(BusStop stop, int borrowersServed)
    {
        using var span = Source.StartBusbookOperation(stop.StopCode);
        var activity = Activity.Current;
        activity?.SetTag("busbook.bus.id", _busId); // clean precision-names
        activity?.SetTag("busbook.stop.code", stop.StopCode); // clean precision-names
        activity?.SetTag("busbook.stop.village", stop.Village); // clean precision-names
        activity?.SetTag("busbook.stop.latitude", stop.Latitude); // clean precision-names
        activity?.SetTag("busbook.stop.longitude", stop.Longitude); // clean precision-names
        activity?.SetTag("busbook.stop.lateness_s", (DateTime.UtcNow - stop.Due).TotalSeconds); // clean precision-about
        activity?.SetTag("busbook.borrowers.served", borrowersServed); // clean precision-about
        span.SetBusbookItems(borrowersServed); // clean generated-api
        span.SetBusbookFormat("mobile"); // clean generated-api
        span.SetBusbookNote($"bus {_busId} at {stop.Village}"); // clean generated-api
        logger.LogInformation("Bus {BusId} at {Stop} served {Borrowers}", _busId, stop, borrowersServed); // clean logging-objects
        Meter.CreateBusbookOperationsCounter().Add(1, stop.StopCode, busbookOutcome: "arrived"); // clean generated-api
        Meter.CreateBusbookOperationDurationHistogram().Record(600, stop.StopCode); // clean generated-api
    }

    private void HandleDrop(DoorstepDrop drop)
    {
        using var span = Source.StartBusbookOperation(_busId);
        var activity = Activity.Current;
        activity?.SetTag("busbook.drop.id", drop.DropId); // clean precision-names
        activity?.SetTag("busbook.drop.items", drop.Items); // clean precision-about
        activity?.SetTag("busbook.drop.postcode", drop.Postcode); // leak TC1001 direct
        activity?.SetTag("busbook.drop.postcode_district", drop.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("busbook.drop.latitude", drop.Latitude); // leak TC1001 direct
        activity?.SetTag("busbook.drop.longitude", drop.Longitude); // leak TC1001 direct
        activity?.SetTag("busbook.drop.area", $"{Math.Round(drop.Latitude, 1)},{Math.Round(drop.Longitude, 1)}"); // clean precision-about
        activity?.SetTag("busbook.member.name", drop.MemberName); // leak TC1001 direct
        activity?.SetTag("busbook.member.phone", drop.Phone); // leak TC1001 direct
        span.SetBusbookMemberId(pseudonymizer.PseudonymizeBusbookMemberId(drop.CardNumber)); // clean generated-api
        span.SetBusbookNote("drop for " + drop.MemberName + ", " + drop.Postcode); // leak TC1001 generated-api
        span.SetBusbookOutcome(drop.Postcode); // leak TC1001 generated-api
        logger.LogInformation("Doorstep drop {DropId} of {Items} items", drop.DropId, drop.Items); // clean precision-names
        logger.LogInformation("Doorstep drop {@Drop}", drop); // leak TC1001 logging-objects
        logger.LogInformation("Doorstep drop {Drop}", new { drop.DropId, drop.Items }); // clean logging-objects
        LogDrop(logger, drop.DropId, drop.Postcode); // clean logging-objects
        LogDropRaw(logger, drop.DropId, drop.CardNumber); // leak TC1001 direct
        Drops.Add(1, new KeyValuePair<string, object?>("busbook.bus", _busId)); // clean precision-names
        Drops.Add(1, new KeyValuePair<string, object?>("busbook.postcode", drop.Postcode)); // leak TC1003 direct
        Drops.Add(1, new KeyValuePair<string, object?>("busbook.member", pseudonymizer.PseudonymizeBusbookMemberId(drop.CardNumber))); // leak TC1003 precision-pseudonym
        Meter.CreateBusbookOperationsCounter().Add(1, _busId, busbookOutcome: drop.Postcode.Split(' ')[0]); // clean generated-api
        logger.LogBusbookOperationFailedEvent(_busId, "not-home", busbookMemberId: pseudonymizer.PseudonymizeBusbookMemberId(drop.CardNumber)); // clean generated-api
        logger.LogBusbookOperationFailedEvent(_busId, "not-home", busbookNote: $"{drop.MemberName} not home, rang {drop.Phone}"); // leak TC1001 generated-api
    }

    private void TagLastDrop()
    {
        Activity.Current?.SetTag("busbook.last.member", _lastDrop?.CardNumber); // leak TC1001 cross-member
        Activity.Current?.SetTag("busbook.last.drop", _lastDrop?.DropId); // clean cross-member
        Activity.Current?.SetTag("busbook.last.items", _lastDrop?.Items); // clean cross-member
        Activity.Current?.SetTag("busbook.last.phone", LastPhone()); // leak TC1001 cross-member
        Activity.Current?.SetTag("busbook.last.bus", CurrentBus()); // clean cross-member
    }

    private string? LastPhone() => _lastDrop?.Phone;

    private string CurrentBus() => _busId;

    private void HandleParcel(LockerParcel parcel)
    {
        var activity = Activity.Current;
        activity?.SetTag("busbook.parcel.id", parcel.ParcelId); // clean precision-names
        activity?.SetTag("busbook.station", parcel.Station); // clean precision-names
        activity?.SetTag("busbook.parcel.member", pseudonymizer.ComputeBusbookMemberId(parcel.CardNumber)); // clean precision-pseudonym
        activity?.SetTag("busbook.sms.mobile", parcel.Mobile); // leak TC1001 direct
        activity?.SetTag("busbook.sms.country", parcel.Mobile.StartsWith("+44") ? "GB" : "other"); // clean precision-about
        activity?.SetTag("busbook.parcel.hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(parcel.Mobile)))); // leak TC1002 hashes
        activity?.SetTag("busbook.parcel.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(parcel.ParcelId)))); // clean hashes
        activity?.SetTag("busbook.parcel.member_hash", parcel.CardNumber.GetHashCode()); // leak TC1002 hashes
        activity?.SetTag("busbook.parcel.member_shard", HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(parcel.CardNumber))[0] % 32); // clean hashes
        LockerItems.Record(parcel.Items, new KeyValuePair<string, object?>("busbook.station", parcel.Station)); // clean precision-names
        var smsBody = new StringBuilder().Append("Your books are at ").Append(parcel.Station).Append(" locker, text sent to ").Append(parcel.Mobile).ToString();
        logger.LogInformation("SMS queued: {Body}", smsBody); // leak TC1001 strings
        logger.LogInformation("SMS queued for parcel {ParcelId} at {Station}", parcel.ParcelId, parcel.Station); // clean precision-names
        try
        {
            if (parcel.Items > 12)
            {
                throw new InvalidOperationException($"Parcel {parcel.ParcelId} exceeds locker capacity with {parcel.Items} items");
            }

            if (parcel.Mobile.Length < 10)
            {
                throw new ArgumentException($"Invalid mobile {parcel.Mobile} for parcel {parcel.ParcelId}");
            }
        }
        catch (InvalidOperationException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Locker capacity"); // clean exceptions
        }
        catch (ArgumentException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "invalid mobile"); // clean exceptions
            logger.LogWarning("Parcel {ParcelId} rejected: {ErrorType}", parcel.ParcelId, ex.GetType().Name); // clean exceptions
        }
    }

    [LoggerMessage(EventId = 2187, Level = LogLevel.Information, Message = "Drop {DropId} to {Postcode}")]
    private static partial void LogDrop(ILogger logger, string dropId, [PrivateData] string postcode);

    [LoggerMessage(EventId = 2188, Level = LogLevel.Information, Message = "Drop {DropId} for card {CardNumber}")]
    private static partial void LogDropRaw(ILogger logger, string dropId, string cardNumber);
}
