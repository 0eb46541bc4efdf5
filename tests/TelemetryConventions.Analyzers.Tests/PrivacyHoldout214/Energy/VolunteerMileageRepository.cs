namespace PrivacyHoldout214.Energy;

/// <summary>The supplier's volunteer drivers claim mileage for dialysis lifts; claims are paid from the community fund.</summary>
public sealed class VolunteerMileageRepository(IMileagePayments payments, Pseudonymizer pseudonymizer, ILogger<VolunteerMileageRepository> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout214.Energy.Mileage");
    private readonly Dictionary<string, decimal> _milesByDriver = new();

    public async Task<string> SubmitAsync(MileageClaim claim, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("warm.mileage.submit");
        activity?.SetTag("warm.claim.id", claim.ClaimId); // clean precision-names
        activity?.SetTag("warm.claim.driver", claim.DriverName); // leak TC1001 direct
        activity?.SetTag("warm.claim.vehicle", claim.VehicleRegistration); // leak TC1001 direct
        activity?.SetTag("warm.claim.account", claim.AccountNumber); // leak TC1001 direct
        activity?.SetTag("warm.claim.driver_ref", pseudonymizer.Compute("driver", claim.DriverId)); // clean precision-pseudonym
        meter.CreateHistogram<double>("warm.claim.miles").Record((double)claim.Miles, new KeyValuePair<string, object?>("vehicle", claim.VehicleRegistration)); // leak TC1003 direct
        _milesByDriver[claim.DriverId] = _milesByDriver.GetValueOrDefault(claim.DriverId) + claim.Miles;
        logger.LogInformation("Claim {@Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Claim {@Claim}", claim with { DriverName = "", VehicleRegistration = "", AccountNumber = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Claim {ClaimId} for {Miles} miles over {Journeys} journeys", claim.ClaimId, claim.Miles, claim.Journeys); // clean precision-about

        try
        {
            return await payments.PayAsync(claim, cancellationToken);
        }
        catch (ClaimRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.AddEvent(new ActivityEvent("warm.claim.rejected", tags: new ActivityTagsCollection { ["type"] = ex.GetType().Name })); // clean exceptions
            throw;
        }
    }

    public void PublishTotals()
    {
        logger.LogInformation("Miles this month {@Totals}", _milesByDriver); // leak TC1001 cross-member
        logger.LogInformation("Drivers claiming {Count}, miles {Miles}", _milesByDriver.Count, _milesByDriver.Values.Sum()); // clean cross-member
        var text = string.Join("; ", _milesByDriver.Select(kv => $"{kv.Key}={kv.Value}"));
        logger.LogInformation(text); // leak TC1001 strings
    }
}
