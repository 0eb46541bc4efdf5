namespace PrivacyHoldout165.Transport;

/// <summary>A courier carries customers' spit kits back to the lab in prepaid return bags and scans them at depots.</summary>
public sealed partial class KitReturnCourierService(
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<KitReturnCourierService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Courier.KitReturns");
    private readonly Histogram<double> _transitHours = meter.CreateHistogram<double>("returns.transit", "h");
    private readonly List<ReturnParcel> _lost = new();

    [LoggerMessage(Level = LogLevel.Information, Message = "Parcel {TrackingNumber} scanned at {Depot}")]
    private static partial void LogScan(ILogger logger, string trackingNumber, string depot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collected from {SenderAddress}")]
    private static partial void LogCollected(ILogger logger, string senderAddress);

    public void Scan(ReturnParcel parcel, DepotScan scan, DateTimeOffset postedAt, string driverStaffId)
    {
        using var span = Source.StartHeritourOperation(scan.Depot);
        span.SetHeritourLeg("return-post"); // clean generated-api
        span.SetHeritourParcelCount(1); // clean generated-api
        span.SetHeritourGuideId(pseudonymizer.PseudonymizeHeritourGuideId(driverStaffId)); // clean generated-api
        span.Activity?.SetTag("parcel.tracking", parcel.TrackingNumber); // clean precision-names
        span.Activity?.SetTag("parcel.kit", parcel.KitId); // clean precision-names
        span.Activity?.SetTag("parcel.posted_hour", postedAt.Hour); // clean precision-about
        LogScan(logger, scan.TrackingNumber, scan.Depot); // clean precision-names
        LogCollected(logger, parcel.SenderAddress); // leak TC1001 logging-objects
        span.Activity?.SetTag("parcel.sender", parcel.SenderName); // leak TC1001 direct
        span.Activity?.SetTag("driver.id", driverStaffId); // leak TC1001 direct
        _transitHours.Record((scan.ScannedAt - postedAt).TotalHours, new KeyValuePair<string, object?>("depot", scan.Depot)); // clean precision-about
        _transitHours.Record((scan.ScannedAt - postedAt).TotalHours, new KeyValuePair<string, object?>("driver", driverStaffId)); // leak TC1003 direct
        logger.LogInformation("Scan {@Scan}", scan); // clean logging-objects
        logger.LogInformation("Parcel {Parcel}", parcel); // leak TC1001 logging-objects
        var routeKey = $"{scan.Depot}:{parcel.SenderAddress}";
        span.Activity?.SetTag("parcel.route_key", routeKey); // leak TC1001 strings
        var senderBucket = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(parcel.SenderName))[0] % 10;
        span.Activity?.SetTag("parcel.sender_bucket", senderBucket); // clean hashes
    }

    public void MarkLost(ReturnParcel parcel)
    {
        _lost.Add(parcel);
        try
        {
            throw new ParcelLostException(parcel.TrackingNumber);
        }
        catch (ParcelLostException ex)
        {
            logger.LogError(ex, "Lost in transit"); // clean exceptions
            Activity.Current?.AddException(ex); // clean exceptions
        }
    }

    public void ReportLost()
    {
        logger.LogWarning("Lost parcels from {Senders}", _lost.Select(p => p.SenderName).ToList()); // leak TC1001 cross-member
        logger.LogWarning("Lost parcels {Tracking}", _lost.Select(p => p.TrackingNumber).ToList()); // clean cross-member
    }
}
