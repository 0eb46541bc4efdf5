namespace PrivacyHoldout171.Healthcare;

/// <summary>A salary sacrifice car leased to one member of staff, with the telematics box the lessor fitted.</summary>
public sealed record LeaseCar(string StaffNumber, string Plate, string BoxImei, string Make, string Model);

/// <summary>The month's business mileage the box reported for one lease car.</summary>
public sealed record MileageStatement(string StaffNumber, string Plate, double BusinessMiles, double PrivateMiles, string Month);

public interface ILeaseCarStore
{
    IAsyncEnumerable<LeaseCar> ActiveAsync(CancellationToken cancellationToken);

    Task<MileageStatement> StatementAsync(LeaseCar car, string month, CancellationToken cancellationToken);
}

/// <summary>Monthly worker: pulls business mileage from each lease car's box for the expenses system.</summary>
public sealed class LeaseCarMileageWorker(ILeaseCarStore cars, TelemetrySecrets secrets, ILogger<LeaseCarMileageWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.LeaseCars");
    private static readonly Meter Meter = new("Trust.LeaseCars");
    private static readonly Histogram<double> Miles = Meter.CreateHistogram<double>("trust.lease.business_miles");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var month = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var processed = 0;
        await foreach (var car in cars.ActiveAsync(stoppingToken))
        {
            using var activity = Source.StartActivity("lease.mileage");
            activity?.SetTag("lease.month", month); // clean precision-about
            activity?.SetTag("lease.car.make", car.Make); // clean precision-about
            activity?.SetTag("lease.car.plate", car.Plate); // leak TC1001 direct
            activity?.SetTag("lease.car.area", car.Plate[..2]); // clean precision-about
            activity?.SetTag("lease.box.imei", car.BoxImei); // leak TC1001 direct

            var statement = await cars.StatementAsync(car, month, stoppingToken);
            Miles.Record(statement.BusinessMiles, new KeyValuePair<string, object?>("make", car.Make)); // clean precision-about
            Miles.Record(statement.BusinessMiles, new KeyValuePair<string, object?>("staff", car.StaffNumber)); // leak TC1003 direct
            logger.LogInformation("Mileage statement {Statement}", statement); // leak TC1001 logging-objects
            logger.LogInformation("Statement for {Month}: {Business} business, {Private} private miles", month, statement.BusinessMiles, statement.PrivateMiles); // clean precision-about

            var unkeyed = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(car.StaffNumber)));
            logger.LogDebug("Statement key {Key}", unkeyed); // leak TC1002 hashes
            using var hmac = new HMACSHA256(secrets.PseudonymKey);
            var keyed = Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(car.StaffNumber)))[..16];
            logger.LogDebug("Statement ref {Ref}", keyed); // clean hashes
            processed++;
        }

        logger.LogInformation("Processed {Count} lease cars for {Month}", processed, month); // clean precision-about
    }
}
