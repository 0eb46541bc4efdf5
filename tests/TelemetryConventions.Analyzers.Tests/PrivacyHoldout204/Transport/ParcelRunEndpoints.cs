namespace PrivacyHoldout204.Transport;

public sealed record ParcelDrop(string DropId, string RunId, string HouseholdId, string RecipientName, string Address, string Postcode, string RecipientMobile, double Latitude, double Longitude, string StationCode);

public sealed record DriverRun(string RunId, string VolunteerId, string DriverName, string VehicleRegistration, string DepotCode, int Drops);

public sealed record TravelVoucherRequest(string ReferralId, string HouseholdId, string ClientName, string RailcardNumber, string FromStation, string ToStation, string Purpose);

/// <summary>A rail operator's community rail partnership: volunteer drivers take parcels from stations to housebound
/// households, and foodbank clients get free travel vouchers to reach the foodbank.</summary>
public static partial class ParcelRunEndpoints
{
    private static readonly ActivitySource Source = new("Rail.CommunityParcels");
    private static readonly Meter Meter = new("Rail.CommunityParcels");
    private static readonly Counter<long> Drops = Meter.CreateCounter<long>("parcel.drops");
    private static readonly Counter<long> TravelVouchers = Meter.CreateCounter<long>("travel.vouchers");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/runs/{runId}/drops", RecordDrop);
        routes.MapPost("/runs", StartRun);
        routes.MapPost("/travel-vouchers", IssueTravelVoucher);
    }

    public static ActionResult RecordDrop(string runId, ParcelDrop drop, Pseudonymizer pseudonymizer, ILogger<ParcelDrop> logger)
    {
        using var activity = Source.StartActivity("parcel.drop");
        activity?.SetTag("run.id", runId); // clean precision-names
        activity?.SetTag("drop.id", drop.DropId); // clean precision-names
        activity?.SetTag("station.code", drop.StationCode); // clean precision-names
        activity?.SetTag("recipient.name", drop.RecipientName); // leak TC1001 direct
        activity?.SetTag("recipient.address", drop.Address); // leak TC1001 direct
        activity?.SetTag("recipient.postcode_outward", drop.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("drop.geo.lat", drop.Latitude); // leak TC1001 direct
        activity?.SetTag("drop.geo.lat_rounded", Math.Round(drop.Latitude, 1)); // clean precision-about
        activity?.SetTag("recipient.mobile", drop.RecipientMobile); // leak TC1001 direct

        var household = pseudonymizer.Pseudonymize(Spaces.Client, drop.HouseholdId);
        activity?.SetTag("household.pseudonym", household.Value); // clean precision-pseudonym
        activity?.AddEvent(new ActivityEvent("drop.done", tags: new ActivityTagsCollection { ["household"] = household.Value })); // clean precision-pseudonym
        Drops.Add(1, new KeyValuePair<string, object?>("station", drop.StationCode)); // clean precision-names
        Drops.Add(1, new KeyValuePair<string, object?>("postcode", drop.Postcode)); // leak TC1003 direct

        using var op = Source.StartRailparcelOperation(drop.StationCode).SetRailparcelClientId(household).SetRailparcelScheme("doorstep-parcel").SetRailparcelParcels(1); // clean generated-api
        op.SetRailparcelNote($"left with neighbour at {drop.Address}"); // leak TC1001 generated-api
        op.SetRailparcelNote("left with neighbour"); // clean generated-api

        logger.LogInformation("Drop {@Drop}", drop); // leak TC1001 logging-objects
        logger.LogInformation("Drop {@Drop}", new { drop.DropId, drop.RunId, drop.StationCode }); // clean logging-objects
        logger.LogInformation("Drop {@Drop}", drop with { RecipientMobile = "", Address = "" }); // leak TC1001 logging-objects
        var line = new StringBuilder().Append(drop.RecipientName).Append(", ").Append(drop.Postcode).ToString();
        logger.LogDebug("Delivered to {Line}", line); // leak TC1001 strings
        Meter.CreateRailparcelOperationsCounter().Add(1, drop.StationCode, "delivered"); // clean generated-api
        return new OkResult(drop.DropId);
    }

    public static ActionResult StartRun(DriverRun run, Pseudonymizer pseudonymizer, HouseholdStore households, ILogger<DriverRun> logger)
    {
        using var activity = Source.StartActivity("parcel.run.start");
        activity?.SetTag("run.id", run.RunId); // clean precision-names
        activity?.SetTag("depot.code", run.DepotCode); // clean precision-names
        activity?.SetTag("run.drops", run.Drops); // clean precision-about
        activity?.SetTag("driver.name", run.DriverName); // leak TC1001 direct
        activity?.SetTag("vehicle.registration", run.VehicleRegistration); // leak TC1001 direct
        activity?.SetTag("vehicle.registration_prefix", run.VehicleRegistration[..2]); // clean precision-about
        activity?.SetTag("driver.pseudonym", pseudonymizer.Pseudonymize(Spaces.Volunteer, run.VolunteerId).Value); // clean precision-pseudonym
        logger.LogInformation("Run {Run}", run); // leak TC1001 logging-objects
        logger.LogInformation("Run {RunId} from {Depot} with {Drops} drops", run.RunId, run.DepotCode, run.Drops); // clean precision-names
        using (logger.BeginScope(new Dictionary<string, object> { ["RunId"] = run.RunId, ["Depot"] = run.DepotCode })) // clean logging-objects
        {
            logger.LogInformation("Run started");
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["Driver"] = run.DriverName })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Driver assigned");
        }

        LogDriver(logger, run.DriverName, run.VehicleRegistration, run.RunId); // clean logging-objects
        LogDriverPlain(logger, run.VehicleRegistration, run.RunId); // leak TC1001 logging-objects
        activity?.SetTag("driver.fingerprint", HashCode.Combine(run.VolunteerId, run.DriverName)); // leak TC1002 hashes
        activity?.SetTag("driver.shard", HMACSHA256.HashData(ShardKey, Encoding.UTF8.GetBytes(run.VolunteerId))[0] % 8); // clean hashes
        activity?.SetTag("run.capacity_left", households.ParcelsThisMonth(run.RunId)); // clean precision-about
        return new OkResult(run.RunId);
    }

    public static ActionResult IssueTravelVoucher(TravelVoucherRequest request, ReferralStore referrals, ILogger<TravelVoucherRequest> logger)
    {
        using var activity = Source.StartActivity("travel-voucher.issue");
        activity?.SetTag("referral.id", request.ReferralId); // clean precision-names
        activity?.SetTag("journey.from", request.FromStation); // clean precision-names
        activity?.SetTag("journey.to", request.ToStation); // clean precision-names
        activity?.SetTag("journey.purpose", request.Purpose); // clean precision-about
        activity?.SetTag("railcard.number", request.RailcardNumber); // leak TC1001 direct
        activity?.SetTag("railcard.present", request.RailcardNumber.Length > 0); // clean precision-about
        TravelVouchers.Add(1, new KeyValuePair<string, object?>("from", request.FromStation), new KeyValuePair<string, object?>("to", request.ToStation)); // clean precision-names
        TravelVouchers.Add(1, new KeyValuePair<string, object?>("client", request.ClientName)); // leak TC1003 direct
        try
        {
            throw new HouseholdNotFoundException(request.HouseholdId);
        }
        catch (HouseholdNotFoundException ex)
        {
            logger.LogWarning("Voucher refused: {Message}", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            logger.LogRailparcelOperationFailedEvent(request.FromStation, "no-household", railparcelNote: ex.GetType().Name); // clean generated-api
        }

        try
        {
            throw new StockShortageException(request.FromStation, "travel-voucher", 1);
        }
        catch (StockShortageException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "No vouchers left"); // clean exceptions
        }

        activity?.SetTag("client.name_initial", request.ClientName[..1]); // clean precision-about
        activity?.SetTag("journey", string.Join(" -> ", request.FromStation, request.ToStation)); // clean strings
        activity?.SetTag("journey.traveller", string.Concat(request.ClientName, " ", request.FromStation)); // leak TC1001 strings
        Meter.CreateRailparcelOperationDurationHistogram().Record(0.3, request.FromStation); // clean generated-api
        return new OkResult(request.ReferralId);
    }

    private static byte[] ShardKey { get; } = new byte[32];

    [LoggerMessage(EventId = 4701, Level = LogLevel.Information, Message = "Driver {DriverName} in {Registration} on run {RunId}")]
    private static partial void LogDriver(ILogger logger, [PrivateData] string driverName, [PrivateData] string registration, string runId);

    [LoggerMessage(EventId = 4702, Level = LogLevel.Information, Message = "Vehicle {Registration} on run {RunId}")]
    private static partial void LogDriverPlain(ILogger logger, string registration, string runId);
}
