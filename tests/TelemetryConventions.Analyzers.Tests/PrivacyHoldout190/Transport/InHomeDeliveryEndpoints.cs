namespace PrivacyHoldout190.Transport;

public sealed record InHomeDropRequest(string ParcelId, string RecipientId, string RecipientName, string RecipientPhone, string LockSerial, string DriverId, string VanRegistration, string RouteId);

public sealed record DropCompleted(string ParcelId, string RouteId, string Depot, int SecondsInside, bool CameraConfirmed);

public sealed record GarageDoorCheck(string GarageDoorSerial, string RecipientId, bool Closed, double BatteryVolts);

/// <summary>The carrier's in-home and garage delivery: one-time lock codes for drivers, camera confirmation.</summary>
public static partial class InHomeDeliveryEndpoints
{
    private static readonly ActivitySource Source = new("Transport.InHome");
    private static readonly Meter DropMeter = new("Transport.InHome");
    private static readonly Counter<long> Drops = DropMeter.CreateCounter<long>("inhome.drops");
    private static string? _lastRecipientPhone;

    public static EndpointRoutes MapInHome(this EndpointRoutes routes) =>
        routes.MapPost("/inhome/unlock", Unlock).MapPost("/inhome/completed", Completed).MapPost("/inhome/garage", Garage);

    internal static async Task<ActionResult> Unlock(InHomeDropRequest request, ILockGateway locks, Pseudonymizer pseudonymizer, ILogger<InHomeDropRequest> logger, TelemetrySecrets secrets, CancellationToken cancellationToken)
    {
        _lastRecipientPhone = request.RecipientPhone;
        using var activity = Source.StartActivity("inhome.unlock");
        activity?.SetTag("inhome.parcel_id", request.ParcelId); // clean precision-names
        activity?.SetTag("inhome.route_id", request.RouteId); // clean precision-names
        activity?.SetTag("inhome.van_registration", request.VanRegistration); // clean precision-names
        activity?.SetTag("inhome.driver_id", request.DriverId); // leak TC1001 direct
        activity?.SetTag("inhome.recipient_id", request.RecipientId); // leak TC1001 direct
        activity?.SetTag("inhome.recipient", pseudonymizer.PseudonymizeKeydropClientId(request.RecipientId)); // clean precision-pseudonym
        activity?.SetTag("inhome.lock.serial", request.LockSerial); // leak TC1001 direct
        activity?.SetTag("inhome.lock.vendor", request.LockSerial.Split('-')[0]); // clean precision-about
        Drops.Add(1, new KeyValuePair<string, object?>("route", request.RouteId)); // clean precision-names
        Drops.Add(1, new KeyValuePair<string, object?>("recipient", pseudonymizer.ComputeKeydropClientId(request.RecipientId))); // leak TC1003 precision-pseudonym
        Drops.Add(1, new KeyValuePair<string, object?>("driver", request.DriverId)); // leak TC1003 direct
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ParcelId"] = request.ParcelId, ["RouteId"] = request.RouteId }); // clean logging-objects
        using var recipientScope = logger.BeginScope(new Dictionary<string, object> { ["Recipient"] = request.RecipientName }); // leak TC1001 logging-objects

        try
        {
            var code = await locks.IssueCodeAsync(request.LockSerial, request.DriverId, request.RecipientPhone, TimeSpan.FromMinutes(15), cancellationToken);
            activity?.SetTag("inhome.code_id", code.CodeId); // clean precision-names
            activity?.SetTag("inhome.code", code.Code); // leak TC1001 direct
            activity?.SetTag("inhome.code.length", code.Code.Length); // clean precision-about
            activity?.SetTag("inhome.code.hash", code.Code.GetHashCode()); // leak TC1002 hashes
            activity?.SetTag("inhome.code.audit", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(code.Code)))[..10]); // clean hashes
            logger.LogInformation("Code issued {@Code}", code); // leak TC1001 logging-objects
            logger.LogInformation("Code {CodeId} valid until {ValidUntil}", code.CodeId, code.ValidUntil); // clean precision-names
            LogCodeSent(logger, request.RecipientPhone, code.Code); // clean logging-objects

            using var span = Source.StartKeydropOperation("in-home")
                .SetKeydropClientId(pseudonymizer.PseudonymizeKeydropClientId(request.RecipientId)) // clean generated-api
                .SetKeydropDeviceKind("lock") // clean generated-api
                .SetKeydropOutcome("unlocked"); // clean generated-api
            span.SetKeydropNote($"parcel {request.ParcelId} on route {request.RouteId}"); // clean generated-api
            span.SetKeydropNote($"call {request.RecipientName} on {request.RecipientPhone} if door jams"); // leak TC1001 generated-api
            DropMeter.CreateKeydropOperationsCounter().Add(1, "in-home", "unlocked"); // clean generated-api
            return new OkResult(code.CodeId);
        }
        catch (AccessCodeRejectedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "lock rejected the code"); // clean exceptions
            logger.LogKeydropOperationFailedEvent("in-home", "rejected", keydropNote: ex.Message); // leak TC1001 generated-api
            return new BadRequestResult("rejected");
        }
        catch (DeviceUnreachableException ex)
        {
            logger.LogKeydropOperationFailedEvent("in-home", "offline", keydropNote: ex.Message); // clean generated-api
            DropMeter.CreateKeydropOperationDurationHistogram().Record(15.0, "in-home"); // clean generated-api
            return new BadRequestResult("offline");
        }
    }

    internal static ActionResult Completed(DropCompleted drop, ILogger<DropCompleted> logger)
    {
        Activity.Current?.SetTag("inhome.seconds_inside", drop.SecondsInside); // clean precision-about
        Activity.Current?.SetTag("inhome.camera_confirmed", drop.CameraConfirmed); // clean precision-about
        logger.LogInformation("Drop completed {@Drop}", drop); // clean logging-objects
        logger.LogInformation("Follow-up SMS to {Phone}", _lastRecipientPhone); // leak TC1001 cross-member
        logger.LogInformation("Follow-up SMS queued: {HasPhone}", _lastRecipientPhone is not null); // clean cross-member
        return new OkResult(null);
    }

    internal static ActionResult Garage(GarageDoorCheck check, ILogger<GarageDoorCheck> logger)
    {
        Activity.Current?.SetTag("inhome.garage.closed", check.Closed); // clean precision-about
        Activity.Current?.SetTag("inhome.garage.battery_volts", check.BatteryVolts); // clean precision-about
        logger.LogInformation("Garage check {Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Garage check {Check}", new { check.Closed, check.BatteryVolts }); // clean logging-objects
        var summary = string.Join(" | ", "garage", check.GarageDoorSerial, check.Closed ? "closed" : "open");
        logger.LogInformation("Garage {Summary}", summary); // leak TC1001 strings
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 9901, Level = LogLevel.Information, Message = "Code {Code} sent to {Phone}")]
    private static partial void LogCodeSent(ILogger logger, [PrivateData] string phone, [PrivateData] string code);
}
