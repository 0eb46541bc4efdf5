namespace PrivacyHoldout129.Energy;

public sealed record MileageClaim(string ClaimId, string EmployeeNumber, long ActivityId, string Depot, DateOnly RideDate);

public sealed record ApprovedMileage(string ClaimId, double Kilometres, decimal Amount);

public interface IExpenses
{
    Task<string> AccessTokenForAsync(string employeeNumber, CancellationToken cancellationToken);

    Task<LatLng> DepotPositionAsync(string depot, CancellationToken cancellationToken);

    Task ApproveAsync(ApprovedMileage approved, CancellationToken cancellationToken);
}

/// <summary>Engineers who cycle to the depot claim the cycle mileage allowance from a recorded ride; the ride must end at the depot.</summary>
public sealed class CycleToWorkMileageClaims(IActivityClient client, IExpenses expenses, Pseudonymizer pseudonymizer, ILogger<CycleToWorkMileageClaims> logger)
{
    private const decimal PencePerKm = 12.4m;
    private static readonly ActivitySource Source = new("Expenses.CycleMileage");
    private static readonly Meter Meter = new("Expenses.CycleMileage");
    private static readonly Counter<long> Rejected = Meter.CreateCounter<long>("expenses.cycle.rejected");

    public async Task<ApprovedMileage?> AssessAsync(MileageClaim claim, CancellationToken cancellationToken)
    {
        using var span = Source.StartFieldwellSync(fieldwellSource: "strava");
        span.SetFieldwellActivityId(claim.ActivityId.ToString(CultureInfo.InvariantCulture)).SetFieldwellSport("ride"); // clean precision-names
        span.Activity?.SetTag("claim.id", claim.ClaimId); // clean precision-names
        span.Activity?.SetBaggage("employee.number", claim.EmployeeNumber); // leak TC1001 direct

        var token = await expenses.AccessTokenForAsync(claim.EmployeeNumber, cancellationToken);
        var ride = await client.GetActivityAsync(claim.ActivityId, token, cancellationToken);
        var depot = await expenses.DepotPositionAsync(claim.Depot, cancellationToken);

        span.SetFieldwellDistance(ride.DistanceMeters); // clean precision-about
        span.Activity?.SetTag("ride.end.area", $"{ride.EndLatLng?.Lat:F1},{ride.EndLatLng?.Lng:F1}"); // clean precision-about
        span.Activity?.SetTag("ride.start", ride.StartLatLng); // leak TC1001 cross-member
        span.Activity?.SetTag("depot.position", $"{depot.Lat:F5},{depot.Lng:F5}"); // clean precision-names
        logger.LogDebug("Ride {Ride}", ride); // leak TC1001 logging-objects

        var endsAtDepot = ride.EndLatLng is { } end && Math.Abs(end.Lat - depot.Lat) < 0.002 && Math.Abs(end.Lng - depot.Lng) < 0.002;
        if (!endsAtDepot || ride.Manual)
        {
            Rejected.Add(1, new KeyValuePair<string, object?>("reason", ride.Manual ? "manual" : "not-at-depot"), new KeyValuePair<string, object?>("depot", claim.Depot)); // clean precision-names
            Rejected.Add(0, new KeyValuePair<string, object?>("employee", claim.EmployeeNumber)); // leak TC1003 cross-member
            logger.LogInformation("Claim {ClaimId} rejected: ride from {Start} did not end at {Depot}", claim.ClaimId, ride.StartLatLng, claim.Depot); // leak TC1001 cross-member
            logger.LogFieldwellSyncFailedEvent(fieldwellSource: "strava", fieldwellOutcome: "rejected", fieldwellEmployeeId: pseudonymizer.PseudonymizeFieldwellEmployeeId(claim.EmployeeNumber), fieldwellNote: ride.Name); // leak TC1001 generated-api
            return null;
        }

        var km = Math.Round(ride.DistanceMeters / 1000, 1);
        var approved = new ApprovedMileage(claim.ClaimId, km, Math.Round((decimal)km * PencePerKm / 100m, 2));
        await expenses.ApproveAsync(approved, cancellationToken);
        logger.LogInformation("Approved {Approved}", approved); // clean logging-objects
        logger.LogInformation("Approved ride for {Employee}, elevation {Elevation} m, device {Device}", pseudonymizer.PseudonymizeFieldwellEmployeeId(claim.EmployeeNumber), ride.TotalElevationGain, ride.DeviceName); // clean precision-pseudonym
        span.Activity?.SetTag("claim.upload_ref", $"cycle-{claim.EmployeeNumber}-{claim.RideDate:yyyyMMdd}"); // leak TC1001 strings
        return approved;
    }
}
