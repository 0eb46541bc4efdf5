namespace PrivacyHoldout169.Transport;

/// <summary>
/// Books the community transport trips the operator runs free for the partner charity's
/// beneficiaries (to appointments, food banks and day centres).
/// </summary>
public sealed class BeneficiaryTripScheduler(
    IQueueReceiver<BeneficiaryTrip> trips,
    Pseudonymizer pseudonymizer,
    ILogger<BeneficiaryTripScheduler> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("RailGiving.CommunityTransport");
    private static readonly Meter Meter = new("RailGiving.CommunityTransport");
    private static readonly Counter<long> Booked = Meter.CreateCounter<long>("railgiving.trips.booked");

    private BeneficiaryTrip? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _current = await trips.ReceiveAsync(stoppingToken);
            if (_current is null)
            {
                continue;
            }
            Book();
            Annotate(_current.BeneficiaryRef, _current.Depot);
        }
    }

    private void Book()
    {
        using var activity = Source.StartActivity("trip.book");
        activity?.SetTag("trip.id", _current?.TripId); // clean cross-member
        activity?.SetTag("trip.depot", _current?.Depot); // clean cross-member
        activity?.SetTag("trip.pickup", _current?.PickupPostcode); // leak TC1001 cross-member
        Booked.Add(1, new KeyValuePair<string, object?>("depot", _current?.Depot)); // clean direct
        Booked.Add(1, new KeyValuePair<string, object?>("beneficiary", _current?.BeneficiaryRef)); // leak TC1003 cross-member
        logger.LogInformation("Trip booked {Trip}", _current); // leak TC1001 logging-objects
    }

    private void Annotate(string beneficiaryRef, string depot)
    {
        using var operation = Source.StartRailgivingOperation(depot).SetRailgivingChallenge("community-transport"); // clean generated-api
        try
        {
            if (beneficiaryRef.EndsWith("H", StringComparison.Ordinal))
            {
                throw new BeneficiaryFlaggedException(beneficiaryRef);
            }
            operation.SetRailgivingOutcome("booked"); // clean generated-api
        }
        catch (BeneficiaryFlaggedException ex)
        {
            logger.LogError(ex, "Trip held"); // leak TC1001 exceptions
            operation.SetStatus(ActivityStatusCode.Error, "safeguarding hold"); // clean exceptions
        }
        var pseudonym = pseudonymizer.PseudonymizeRailgivingDonorId(beneficiaryRef);
        operation.Activity?.SetTag("trip.beneficiary_ref", pseudonym.Value); // clean precision-pseudonym
        logger.LogInformation("Trip for {Beneficiary}", pseudonym); // clean precision-pseudonym
        operation.Activity?.SetTag(RailgivingAttributes.Contact, pseudonym.Value); // leak TC1001 precision-pseudonym
        operation.Activity?.SetTag("trip.beneficiary_ref_length", beneficiaryRef.Length); // clean precision-about
    }
}
