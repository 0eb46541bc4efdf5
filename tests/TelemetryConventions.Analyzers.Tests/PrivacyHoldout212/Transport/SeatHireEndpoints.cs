namespace PrivacyHoldout212.Transport;

/// <summary>A taxi operator's minimal API for child car seat hire on family bookings.</summary>
public static partial class SeatHireEndpoints
{
    private static readonly ActivitySource Source = new("Famride.SeatHire");
    private static readonly Meter Meter = new("Famride.SeatHire");
    private static readonly Counter<int> Hires = Meter.CreateCounter<int>("famride.seat.hires");
    private static string _lastMobile = string.Empty;

    public static void Map(EndpointRoutes routes, Pseudonymizer pseudonymizer, ILogger logger, TelemetrySecrets secrets)
    {
        routes.MapPost("/hire", (CarSeatHire hire) => Hire(hire, pseudonymizer, logger, secrets));
        routes.MapPost("/hire/{id}/driver", (string hireId, string driverId, string driverName) => AssignDriver(hireId, driverId, driverName, pseudonymizer, logger));
        routes.MapPost("/hire/notify", () => NotifyLast(logger));
    }

    private static string Hire(CarSeatHire hire, Pseudonymizer pseudonymizer, ILogger logger, TelemetrySecrets secrets)
    {
        _lastMobile = hire.PassengerMobile;
        using var op = Source.StartFamrideOperation("depot-7");
        op.SetFamrideKind("seat-hire"); // clean generated-api
        op.SetFamrideClientId(pseudonymizer.PseudonymizeFamrideClientId(hire.PassengerMobile)); // clean generated-api
        op.SetFamrideProduct(hire.SeatType); // clean generated-api
        op.SetFamrideNote($"infant {hire.ChildAgeMonths} months"); // clean generated-api
        op.SetFamrideNote($"call {hire.PassengerMobile} on arrival"); // leak TC1001 generated-api
        op.SetFamrideClientId(Pseudonym.FromComputed(hire.PassengerName)); // leak TC1001 generated-api
        Activity.Current?.SetTag("hire.id", hire.HireId); // clean precision-names
        Activity.Current?.SetTag("hire.booking.reference", hire.BookingReference); // clean precision-names
        Activity.Current?.SetTag("hire.passenger.name", hire.PassengerName); // leak TC1001 direct
        Activity.Current?.SetTag("hire.passenger.mobile", hire.PassengerMobile); // leak TC1001 direct
        Activity.Current?.SetTag("hire.passenger.mobile.last3", hire.PassengerMobile[^3..]); // clean precision-about
        Activity.Current?.SetTag("hire.seat.type", hire.SeatType); // clean precision-about
        Activity.Current?.SetTag("hire.child.age.months", hire.ChildAgeMonths); // clean precision-about
        Activity.Current?.SetTag("hire.passengerCount", 3); // clean precision-names
        Baggage.SetBaggage("passenger", pseudonymizer.ComputeFamrideClientId(hire.PassengerMobile)); // clean precision-pseudonym
        Baggage.SetBaggage("passenger.mobile", hire.PassengerMobile); // leak TC1001 direct
        logger.LogInformation("Seat hire {Hire}", hire); // leak TC1001 logging-objects
        logger.LogInformation("Seat hire {Hire}", hire with { PassengerMobile = hire.PassengerMobile[^3..] }); // leak TC1001 logging-objects
        logger.LogInformation("Seat hire {HireId} {SeatType} for booking {BookingReference}", hire.HireId, hire.SeatType, hire.BookingReference); // clean precision-names
        logger.LogInformation("Seat hire {Hire}", new { hire.HireId, hire.SeatType, hire.ChildAgeMonths }); // clean logging-objects
        Hires.Add(1, new KeyValuePair<string, object?>("seat.type", hire.SeatType)); // clean precision-about
        Hires.Add(1, new KeyValuePair<string, object?>("passenger", pseudonymizer.ComputeFamrideClientId(hire.PassengerMobile))); // leak TC1003 precision-pseudonym
        Hires.Add(1, new KeyValuePair<string, object?>("mobile", hire.PassengerMobile)); // leak TC1003 direct
        var sms = string.Format(CultureInfo.InvariantCulture, "Hi {0}, your {1} seat is booked", hire.PassengerName, hire.SeatType);
        logger.LogDebug("SMS {Text}", sms); // leak TC1001 strings
        var reference = $"{hire.BookingReference}-{hire.SeatType}";
        logger.LogDebug("Reference {Reference}", reference); // clean strings
        var mobileKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hire.PassengerMobile)));
        logger.LogDebug("Mobile key {Key}", mobileKey); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(hire.PassengerMobile))[0] % 4;
        logger.LogDebug("Shard {Shard}", shard); // clean hashes
        LogHired(logger, hire.HireId, hire.PassengerMobile); // clean logging-objects
        try
        {
            if (hire.ChildAgeMonths > 144)
            {
                throw new ArgumentOutOfRangeException(nameof(hire), $"No seat needed for {hire.PassengerName}'s child");
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            op.RecordException(ex); // clean exceptions
            logger.LogFamrideOperationFailedEvent("depot-7", "rejected", famrideNote: "child too old for a seat"); // clean generated-api
        }

        Meter.CreateFamrideOperationsCounter().Add(1, "depot-7", "hired"); // clean generated-api
        Meter.CreateFamrideOperationsCounter().Add(1, hire.PassengerName, "hired"); // leak TC1003 generated-api
        return hire.HireId;
    }

    private static string AssignDriver(string hireId, string driverId, string driverName, Pseudonymizer pseudonymizer, ILogger logger)
    {
        Activity.Current?.SetTag("hire.driver.id", driverId); // leak TC1001 direct
        Activity.Current?.SetTag("hire.driver.pseudonym", pseudonymizer.Compute(Spaces.Household, driverId)); // clean precision-pseudonym
        logger.LogInformation("Driver {DriverName} takes hire {HireId}", driverName, hireId); // leak TC1001 direct
        logger.LogInformation("Driver assigned to hire {HireId}", hireId); // clean precision-names
        try
        {
            throw new FittingSlotTakenException(hireId, "depot-7");
        }
        catch (FittingSlotTakenException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Seat already allocated"); // clean exceptions
        }

        return hireId;
    }

    private static string NotifyLast(ILogger logger)
    {
        logger.LogInformation("Notify {Mobile}", _lastMobile); // leak TC1001 cross-member
        Activity.Current?.SetTag("notify.has.mobile", _lastMobile.Length > 0); // clean cross-member
        return "ok";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hire {HireId} for {Mobile}")]
    private static partial void LogHired(ILogger logger, string hireId, [PrivateData] string mobile);
}
