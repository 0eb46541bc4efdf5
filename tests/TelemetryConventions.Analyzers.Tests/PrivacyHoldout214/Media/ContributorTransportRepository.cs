namespace PrivacyHoldout214.Media;

public sealed record ContributorCar(Guid TripId, string ContributorId, string ContributorName, string PickupAddress, string ProgrammeCode, string StudioCode, string MobilityCode, EscortDetails? Escort);

public sealed record StudioTripSummary(Guid TripId, string ProgrammeCode, string StudioCode, string MobilityCode, bool Escorted);

/// <summary>A broadcaster's cars for contributors with mobility needs (a documentary on hospital transport) and its freelance drivers' mileage.</summary>
public sealed partial class ContributorTransportRepository(
    IDriverRegistry drivers,
    IMileagePayments payments,
    Pseudonymizer pseudonymizer,
    TransportOptions options,
    ILogger<ContributorTransportRepository> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Media.ContributorTransport");
    private readonly Histogram<double> _claimMiles = meter.CreateHistogram<double>("studio.claim.miles");
    private readonly List<ContributorCar> _today = new();

    public void Add(ContributorCar car)
    {
        using var activity = Source.StartActivity("studio.car.add");
        _today.Add(car);
        activity?.SetTag("studio.trip.id", car.TripId); // clean precision-names
        activity?.SetTag("studio.programme", car.ProgrammeCode); // clean precision-names
        activity?.SetTag("studio.contributor.id", car.ContributorId); // leak TC1001 direct
        activity?.SetTag("studio.contributor.ref", pseudonymizer.ComputeStudioliftClientId(car.ContributorId)); // clean precision-pseudonym
        activity?.SetTag("studio.pickup.address", car.PickupAddress); // leak TC1001 direct
        activity?.SetTag("studio.escorted", car.Escort is not null); // clean precision-about
        activity?.SetTag("studio.escort.relationship", car.Escort?.Relationship); // clean precision-about
        activity?.SetTag("studio.escort.mobile", car.Escort?.EscortMobile); // leak TC1001 direct
        logger.LogInformation("Car booked {@Car}", car); // leak TC1001 logging-objects
        logger.LogInformation("Car booked {@Trip}", new StudioTripSummary(car.TripId, car.ProgrammeCode, car.StudioCode, car.MobilityCode, car.Escort is not null)); // clean logging-objects
        logger.LogInformation("Escort {@Escort}", car.Escort); // leak TC1001 logging-objects
        LogCarForContributor(logger, car.TripId, car.ContributorName); // clean logging-objects
        LogCarForContributorUnclassified(logger, car.TripId, car.ContributorName); // leak TC1001 logging-objects
        meter.CreateCounter<long>("studio.cars").Add(1, new KeyValuePair<string, object?>("studio", car.StudioCode), new KeyValuePair<string, object?>("mobility", car.MobilityCode)); // clean precision-about
        meter.CreateCounter<long>("studio.cars.by_contributor").Add(1, new KeyValuePair<string, object?>("contributor", car.ContributorId)); // leak TC1003 direct
    }

    public void PublishCallSheet()
    {
        var sheet = new StringBuilder();
        foreach (var car in _today)
        {
            sheet.AppendLine($"{car.StudioCode} {car.ContributorName} {car.PickupAddress}");
        }

        Activity.Current?.AddEvent(new ActivityEvent("studio.call_sheet", tags: new ActivityTagsCollection { ["sheet"] = sheet.ToString() })); // leak TC1001 strings
        Activity.Current?.SetTag("studio.call_sheet.cars", _today.Count); // clean cross-member
        Activity.Current?.SetTag("studio.call_sheet.first", _today.FirstOrDefault()?.ContributorName); // leak TC1001 cross-member
        Activity.Current?.SetTag("studio.call_sheet.programmes", string.Join(",", _today.Select(c => c.ProgrammeCode).Distinct())); // clean strings
        logger.LogInformation("Call sheet: {Names}", string.Join(", ", _today.Select(c => c.ContributorName))); // leak TC1001 strings
    }

    public async Task PayDriverAsync(string driverId, decimal miles, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("studio.driver.pay");
        var driver = await drivers.FindAsync(driverId, cancellationToken);
        if (driver is null)
        {
            logger.LogWarning("Unknown freelance driver {DriverId}", driverId); // leak TC1001 direct
            return;
        }

        activity?.SetTag("studio.driver.ref", pseudonymizer.Pseudonymize("driver", driver.DriverId)); // clean precision-pseudonym
        activity?.SetTag("studio.driver.email", driver.Email); // leak TC1001 direct
        activity?.SetTag("studio.driver.email_domain", driver.Email[(driver.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("studio.driver.depot", driver.DepotCode); // clean precision-names
        _claimMiles.Record((double)miles, new KeyValuePair<string, object?>("depot", driver.DepotCode)); // clean precision-about
        _claimMiles.Record((double)miles, new KeyValuePair<string, object?>("driver", pseudonymizer.Compute("driver", driver.DriverId))); // leak TC1003 precision-pseudonym

        var claim = new MileageClaim(Guid.NewGuid(), driver.DriverId, driver.FullName, driver.VehicleRegistration, miles, miles * options.PencePerMile / 100m, "20-00-00", "00000000", 1);
        try
        {
            await payments.PayAsync(claim, cancellationToken);
            logger.LogInformation("Paid {@Claim}", claim with { DriverName = "", AccountNumber = "" }); // leak TC1001 logging-objects
            logger.LogInformation("Paid claim {ClaimId}: {Miles} miles, {Amount}", claim.ClaimId, claim.Miles, claim.Amount); // clean precision-about
        }
        catch (ClaimRejectedException ex)
        {
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
        }

        using var span = Source.StartStudioliftOperation(driver.DepotCode); // clean generated-api
        span.SetStudioliftNote($"{miles} miles claimed"); // clean generated-api
        span.SetStudioliftNote($"claim by {driver.FullName}"); // leak TC1001 generated-api
        span.SetStudioliftOutcome("paid"); // clean generated-api
        logger.LogStudioliftOperationFailedEvent(driver.DepotCode, "late-claim"); // clean generated-api
        meter.CreateStudioliftOperationDurationHistogram().Record(1.5, driver.DepotCode); // clean generated-api
        var regKey = BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(driver.VehicleRegistration))).Replace("-", "")[..16];
        logger.LogInformation("Vehicle key {VehicleKey}", regKey); // leak TC1002 hashes
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Car {TripId} booked for {ContributorName}")]
    private static partial void LogCarForContributor(ILogger logger, Guid tripId, [PrivateData] string contributorName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Car {TripId} booked for {ContributorName}")]
    private static partial void LogCarForContributorUnclassified(ILogger logger, Guid tripId, string contributorName);
}
