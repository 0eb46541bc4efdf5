namespace PrivacyHoldout190.Education;

public sealed record GuestCodeRequest(string StudentNumber, string RoomId, string LockSerial, string GuestName, string GuestPhone, int Nights);

public sealed record RoomClimateReport(string RoomId, string ThermostatSerial, string StudentNumber, double TemperatureC, bool Occupied);

public sealed record HallClimateSummary(string Hall, int Rooms, int OccupiedRooms, double AverageTemperatureC);

/// <summary>The university's smart-halls minimal API: guest codes for room locks and room thermostats.</summary>
public static partial class HallAccessEndpoints
{
    private static readonly ActivitySource Source = new("Halls.Access");
    private static readonly Meter HallMeter = new("Halls.Access");
    private static readonly Histogram<double> ClimateDelta = HallMeter.CreateHistogram<double>("halls.room.temperature_delta");

    public static EndpointRoutes MapHallAccess(this EndpointRoutes routes) =>
        routes.MapPost("/halls/guest-codes", IssueGuestCode)
              .MapPost("/halls/climate", ReportClimate)
              .MapGet("/halls/codes/{codeId}", RevokeCode);

    internal static async Task<ActionResult> IssueGuestCode(GuestCodeRequest request, ILockGateway locks, Pseudonymizer pseudonymizer, ILogger<GuestCodeRequest> logger, TelemetrySecrets secrets, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("halls.guest_code.issue");
        activity?.SetTag("halls.room.id", request.RoomId); // clean precision-names
        activity?.SetTag("halls.guest.nights", request.Nights); // clean precision-about
        activity?.SetTag("halls.student.number", request.StudentNumber); // leak TC1001 direct
        activity?.SetTag("halls.guest.name", request.GuestName); // leak TC1001 direct
        activity?.SetTag("halls.guest.phone_country", request.GuestPhone.StartsWith("+44") ? "GB" : "other"); // clean precision-about
        activity?.SetTag("halls.student", pseudonymizer.ComputeHallkeyClientId(request.StudentNumber)); // clean precision-pseudonym
        Baggage.SetBaggage("halls.student.number", request.StudentNumber); // leak TC1001 direct
        Baggage.SetBaggage("halls.room.id", request.RoomId); // clean precision-names
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["StudentNumber"] = request.StudentNumber, ["RoomId"] = request.RoomId }); // leak TC1001 logging-objects
        using var roomScope = logger.BeginScope(new Dictionary<string, object> { ["RoomId"] = request.RoomId, ["Nights"] = request.Nights }); // clean logging-objects

        try
        {
            var code = await locks.IssueCodeAsync(request.LockSerial, request.GuestName, request.GuestPhone, TimeSpan.FromDays(request.Nights), cancellationToken);
            activity?.SetTag("halls.guest_code.id", code.CodeId); // clean precision-names
            activity?.SetTag("halls.guest_code.valid_hours", (code.ValidUntil - code.ValidFrom).TotalHours); // clean precision-about
            logger.LogInformation("Guest code issued: {Code}", code); // leak TC1001 logging-objects
            logger.LogInformation("Guest code {CodeId} issued for room {RoomId}", code.CodeId, request.RoomId); // clean precision-names
            logger.LogInformation("Guest code digits {Digits}", code.Code); // leak TC1001 direct
            activity?.SetTag("halls.guest_code.digest", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(code.Code)))); // leak TC1002 hashes
            activity?.SetTag("halls.guest_code.bucket", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(code.CodeId))[0] % 16); // clean hashes
            LogGuestInvited(logger, request.GuestName, request.GuestPhone, request.RoomId); // clean logging-objects

            using var span = Source.StartHallkeyOperation("halls")
                .SetHallkeyClientId(pseudonymizer.PseudonymizeHallkeyClientId(request.StudentNumber)) // clean generated-api
                .SetHallkeyDeviceKind("lock") // clean generated-api
                .SetHallkeyOutcome("issued"); // clean generated-api
            span.SetHallkeyNote("guest " + request.GuestName + " for " + request.Nights + " nights"); // leak TC1001 generated-api
            HallMeter.CreateHallkeyOperationsCounter().Add(1, "halls", "issued"); // clean generated-api
            return new OkResult(code.CodeId);
        }
        catch (AccessCodeRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            logger.LogHallkeyOperationFailedEvent("halls", "rejected", hallkeyClientId: pseudonymizer.PseudonymizeHallkeyClientId(request.StudentNumber)); // clean generated-api
            HallMeter.CreateHallkeyOperationsCounter().Add(1, request.StudentNumber, "rejected"); // leak TC1003 generated-api
            return new BadRequestResult("code rejected");
        }
        catch (DeviceUnreachableException ex)
        {
            logger.LogWarning(ex, "Lock did not answer for room {RoomId}", request.RoomId); // clean exceptions
            activity?.SetTag("halls.lock.status_code", ex.StatusCode); // clean exceptions
            return new BadRequestResult("lock offline");
        }
    }

    internal static ActionResult ReportClimate(RoomClimateReport report, ILogger<RoomClimateReport> logger, Pseudonymizer pseudonymizer)
    {
        var activity = Activity.Current;
        activity?.SetTag("halls.room.temperature_c", report.TemperatureC); // clean precision-about
        activity?.SetTag("halls.thermostat.serial", report.ThermostatSerial); // clean precision-names
        activity?.SetTag("halls.room.occupied", report.Occupied); // clean precision-about
        logger.LogInformation("Climate {@Report}", report); // leak TC1001 logging-objects
        logger.LogInformation("Climate {Report}", report with { StudentNumber = string.Empty }); // clean logging-objects
        var summary = new HallClimateSummary("Ashby", 120, 87, 20.4);
        logger.LogInformation("Hall climate {@Summary}", summary); // clean logging-objects
        ClimateDelta.Record(report.TemperatureC - 21.0, new KeyValuePair<string, object?>("room.id", report.RoomId)); // clean precision-names
        ClimateDelta.Record(report.TemperatureC - 21.0, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeHallkeyClientId(report.StudentNumber))); // leak TC1003 precision-pseudonym
        var line = new StringBuilder().Append("room ").Append(report.RoomId).Append(" occupied by ").Append(report.StudentNumber).ToString();
        logger.LogDebug("Occupancy: {Line}", line); // leak TC1001 strings
        logger.LogDebug("Occupancy: {Line}", string.Format("room {0} occupied={1}", report.RoomId, report.Occupied)); // clean strings
        return new OkResult(null);
    }

    internal static async Task<ActionResult> RevokeCode(string codeId, string lockSerial, ILockGateway locks, ILogger<GuestCodeRequest> logger, CancellationToken cancellationToken)
    {
        await locks.RevokeAsync(lockSerial, codeId, cancellationToken);
        Activity.Current?.SetTag("halls.guest_code.revoked", codeId); // clean precision-names
        logger.LogInformation("Code {CodeId} revoked on lock {LockModel}", codeId, lockSerial[..4]); // clean precision-about
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Guest {GuestName} ({GuestPhone}) invited to room {RoomId}")]
    private static partial void LogGuestInvited(ILogger logger, [PrivateData] string guestName, [PrivateData] string guestPhone, string roomId);
}
